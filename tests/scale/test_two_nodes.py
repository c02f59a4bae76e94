"""Scale-out: two app nodes (gunicorn) on one PostgreSQL and one Redis behave as one."""

import json

import pytest
from django_scopes import scopes_disabled

from counters.queue.services.counters import counter_open
from services.models import ApiToken, hash_token
from tests.counters.conftest import open_all_week
from tests.factories import CounterFactory, ServiceFactory
from tests.machine import call
from tests.scale.nodes import app_nodes

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def nodes(redis_url):
    with app_nodes(redis_url, count=2, BOOKING_LOOKUP_LIMIT_PER_ADDRESS="4") as started:
        yield [url for url, _process in started]


@pytest.fixture
def queue_setup(agency_a, location, operator_a):
    open_all_week(agency_a, location)
    service = ServiceFactory(agency=agency_a, slug="ktp-el", queue_prefix="A", locations=[location])
    counter = CounterFactory(agency=agency_a, location=location, number=3, services=[service])
    with scopes_disabled():
        counter_open(counter=counter, operator=operator_a)
    kiosk, operator = ApiToken.generate(), ApiToken.generate()
    ApiToken.objects.create(name="kios", key_hash=hash_token(kiosk), kiosk_location=location)
    ApiToken.objects.create(name="petugas", key_hash=hash_token(operator), user=operator_a)
    return {"service": service, "counter": counter, "kiosk": kiosk, "operator": operator}


def test_tickets_issued_on_both_nodes_are_distinct_and_consecutive(nodes, queue_setup, location):
    body = f'{{"service": "instansi-a/ktp-el", "location": "{location.slug}"}}'.encode()
    numbers = []
    for index in range(10):
        status, answer = call(
            f"{nodes[index % 2]}/api/v1/tickets",
            method="POST",
            token=queue_setup["kiosk"],
            body=body,
        )
        assert status == 201, answer
        numbers.append(json.loads(answer)["number"])
    assert numbers == [f"A-{n:03d}" for n in range(1, 11)]


def test_a_call_on_one_node_appears_on_the_other_nodes_board(nodes, queue_setup, location):
    body = f'{{"service": "instansi-a/ktp-el", "location": "{location.slug}"}}'.encode()
    call(f"{nodes[0]}/api/v1/tickets", method="POST", token=queue_setup["kiosk"], body=body)
    board = f"{nodes[1]}/api/v1/boards/{location.slug}?after=0"
    assert b"A-001" not in call(board)[1].split(b'"counters"')[1]
    status, _ = call(
        f"{nodes[0]}/api/v1/counters/{queue_setup['counter'].pk}/call-next",
        method="POST",
        token=queue_setup["operator"],
    )
    assert status == 200
    answer = json.loads(call(board)[1])
    assert [c["number"] for c in answer["new_calls"]] == ["A-001"]
    assert answer["new_calls"][0]["counter"] == 3


def test_a_rate_limit_counts_across_both_nodes(nodes, db):
    statuses = [
        call(
            f"{nodes[index % 2]}/api/v1/bookings/ABCDEFGH/lookup",
            method="POST",
            body=b'{"nik": "6408010101900001"}',
        )[0]
        for index in range(6)
    ]
    assert statuses == [404, 404, 404, 404, 429, 429]
