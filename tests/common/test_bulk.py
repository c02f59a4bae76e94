"""Rows written with COPY are checked against their parents by index, whatever plans the
connection made before."""

import pytest
from django.db import connection

from common.bulk import copy_rows

pytestmark = pytest.mark.django_db

ROWS = 2000


def _seq_scans(cursor, table: str) -> int:
    cursor.execute("SELECT pg_stat_get_xact_numscans(%s::regclass)", [table])
    return cursor.fetchone()[0]


def test_copied_parents_are_found_by_index_when_their_children_are_checked():
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE bulk_parent (id int PRIMARY KEY)")
        cursor.execute(
            "CREATE TEMP TABLE bulk_child (parent_id int REFERENCES bulk_parent"
            " DEFERRABLE INITIALLY DEFERRED)"
        )
        # The check's plan made while the parent held one row, as an earlier transaction on
        # this connection leaves it: a scan of the whole table is then the cheapest.
        cursor.execute("INSERT INTO bulk_parent VALUES (0)")
        cursor.execute("ANALYZE bulk_parent")
        for _ in range(10):
            cursor.execute("INSERT INTO bulk_child VALUES (0)")
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    copy_rows("bulk_parent", ["id"], ([n] for n in range(1, ROWS + 1)))
    copy_rows("bulk_child", ["parent_id"], ([n] for n in range(1, ROWS + 1)))
    with connection.cursor() as cursor:
        before = _seq_scans(cursor, "bulk_parent")
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        assert _seq_scans(cursor, "bulk_parent") - before < 10
