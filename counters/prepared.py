"""The queue's hottest statements, prepared once per database connection: PostgreSQL plans
each of them once instead of at every kiosk press and every counter call (the planning of
a call-next took as long as running it)."""

import re
import weakref
from contextlib import nullcontext

from django.db import connection, transaction

PARAMETER = re.compile(r"%\((\w+)\)s")
# Per raw connection (a reconnect starts with none), the names prepared on it.
_prepared: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class PreparedStatement:
    """SQL written with %(name)s parameters, and the PostgreSQL type of each (it must know
    them when it prepares)."""

    def __init__(self, name: str, types: dict[str, str], sql: str):
        self.name = name
        self.parameters = list(types)
        if set(PARAMETER.findall(sql)) != set(types):
            raise ValueError(f"{name}: every parameter of the SQL needs its type, no other")
        position = {parameter: n for n, parameter in enumerate(self.parameters, start=1)}
        body = PARAMETER.sub(lambda match: f"${position[match.group(1)]}", sql)
        self.prepare_sql = f"PREPARE {name} ({', '.join(types.values())}) AS {body}"
        self.execute_sql = f"EXECUTE {name}({', '.join(['%s'] * len(self.parameters))})"

    def execute(self, params: dict) -> dict | None:
        """Run it on the default connection; the first row of its answer, by column name
        (None when it has none). Alone it is its
        own transaction; inside a caller's, it runs in a savepoint, so that a refusal (a
        broken constraint) leaves the caller's transaction usable."""
        inside = transaction.atomic() if connection.in_atomic_block else nullcontext()
        with inside, connection.cursor() as cursor:
            raw = connection.connection
            names = _prepared.setdefault(raw, set())
            if self.name not in names:
                cursor.execute(self.prepare_sql)
                names.add(self.name)
            cursor.execute(self.execute_sql, [params[name] for name in self.parameters])
            row = cursor.fetchone()
            if row is None:
                return None
            return dict(zip((column.name for column in cursor.description), row, strict=True))
