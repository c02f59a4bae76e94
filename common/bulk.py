"""Rows streamed into a table with PostgreSQL's COPY: the demo history and the benchmark's
district-sized data are written this way because it is many times faster than INSERTs."""

import csv
import io
from collections.abc import Iterable

from django.db import connection

CHUNK = 50_000


def copy_rows(table: str, columns: list[str], rows: Iterable) -> None:
    """Stream rows into the table with COPY, in chunks that keep memory small; then ANALYZE
    it, so that the next plans see its new size. Above all the plans of foreign-key checks
    that this connection keeps: one made while the table held a handful of rows scans the
    whole table for every row checked at commit: a year of demo history then took more
    than half an hour instead of seconds."""
    buffer = io.StringIO()
    statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"

    def flush():
        with connection.cursor() as cursor, cursor.copy(statement) as copy:
            copy.write(buffer.getvalue())
        buffer.seek(0)
        buffer.truncate()

    writer = csv.writer(buffer)
    for count, row in enumerate(rows, start=1):
        writer.writerow(["\\N" if value is None else value for value in row])
        if count % CHUNK == 0:
            flush()
    flush()
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {table}")


def reserve_ids(model, count: int) -> list[int]:
    """`count` primary keys taken from the table's own sequence, so that rows written with
    COPY can name each other (a survey its ticket) before they exist."""
    if not count:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, count],
        )
        return [row[0] for row in cursor.fetchall()]
