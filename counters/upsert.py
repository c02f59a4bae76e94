"""One atomic increment of a counter row, written with the model's own table and columns."""

from django.db import connection


def increment(
    model, *, key: dict, field: str, below: int | None = None, **create
) -> tuple[int, int] | None:
    """Add one to `field` of the row of `key` (inserted with `create` and `field` = 1 if it
    is missing), unless it has already reached `below`: the row's primary key and the new
    value, or None if refused.

    One INSERT … ON CONFLICT DO UPDATE: the row stays locked until the caller's transaction
    ends, so parallel increments of one row queue up and each sees the previous one's
    result. Plain statement, no session state: safe behind a transaction-mode pooler.
    Fields in `create` are set again on conflict (a capacity changed meanwhile counts)."""
    if below is not None and below < 1:
        return None
    meta = model._meta
    quote = connection.ops.quote_name

    def column(name: str) -> str:
        return quote(meta.get_field(name).column)

    values = {**key, **create, field: 1}
    target = column(field)
    refreshed = "".join(f", {column(name)} = EXCLUDED.{column(name)}" for name in create)
    # Only the model's own quoted names are formatted in; every value is a parameter.
    table, columns = quote(meta.db_table), ", ".join(map(column, values))
    conflict, placeholders = ", ".join(map(column, key)), ", ".join(["%s"] * len(values))
    sql = (
        f"INSERT INTO {table} AS counted ({columns}) VALUES ({placeholders}) "  # noqa: S608
        f"ON CONFLICT ({conflict}) DO UPDATE SET {target} = counted.{target} + 1{refreshed}"
    )
    params = list(values.values())
    if below is not None:
        sql += f" WHERE counted.{target} < %s"
        params.append(below)
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} RETURNING {quote(meta.pk.column)}, {target}", params)
        found = cursor.fetchone()
    return tuple(found) if found else None
