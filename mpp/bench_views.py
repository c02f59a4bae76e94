"""Floors for `make bench`: the cheapest read and write through the full middleware stack.

Mounted only when BENCH_FLOORS is on; every endpoint's throughput is reported against them.
"""

from django.db import connection, transaction
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

CREATE_TABLE = (
    "CREATE TABLE IF NOT EXISTS bench_write_floor "
    "(id bigserial PRIMARY KEY, created_at timestamptz NOT NULL)"
)
INSERT_ROW = "INSERT INTO bench_write_floor (created_at) VALUES (now()) RETURNING id"


@require_GET
def floor(request):
    return HttpResponse(b'{"ok": true}', content_type="application/json")


@csrf_exempt
@require_POST
def write_floor(request):
    """One row inserted in one transaction: the price of a commit."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(INSERT_ROW)
        row_id = cursor.fetchone()[0]
    return JsonResponse({"id": row_id}, status=201)


def create_floor_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute(CREATE_TABLE)
