"""The ticket page's poll: a 304 from the cache while its line stands still, the new state
(and its alert for the phone) as soon as it moves."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from counters.queue import services as queue
from tests.factories import CounterFactory

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def poll(client, url, etag=None):
    headers = {**HTMX, **({"If-None-Match": etag} if etag else {})}
    return client.get(url, headers=headers)


def test_an_unchanged_queue_answers_the_poll_with_a_304_without_rendering(
    client, service_a, location, counter_a, operator_a, in_a, django_assert_max_num_queries
):
    for _ in range(4):
        queue.ticket_issue(service=service_a, location=location)
    mine = queue.ticket_issue(service=service_a, location=location)
    url = f"/antrian/tiket/{mine.code}/"
    page = client.get(url)
    fragment = poll(client, url)
    etag = fragment["ETag"]
    assert f'data-etag="{etag.replace(chr(34), "&quot;")}"' in page.content.decode()
    assert 'data-alert="' not in fragment.content.decode()

    for _ in range(3):
        with django_assert_max_num_queries(1):
            unchanged = poll(client, url, etag)
        assert unchanged.status_code == 304 and unchanged["ETag"] == etag
        assert unchanged.content == b""

    queue.ticket_call_next(counter=counter_a, operator=operator_a)
    moved = poll(client, url, etag)
    assert moved.status_code == 200 and moved["ETag"] != etag
    body = moved.content.decode()
    assert "3 orang" in body and 'data-alert="soon"' in body
    assert f'data-title="Segera giliran Anda: {mine.display_number}' in body


def test_the_hall_moving_elsewhere_still_answers_304_and_a_counter_change_does_not(
    client,
    service_a,
    service_b,
    location,
    counter_a,
    operator_a,
    counter_b,
    operator_b,
    agency_b,
    in_a,
):
    """A ticket's page shows its own line (its service here today): calls and new tickets
    of other services leave it as it was; a counter opening changes every line's pace."""
    mine = queue.ticket_issue(service=service_a, location=location)
    url = f"/antrian/tiket/{mine.code}/"
    etag = poll(client, url)["ETag"]
    with scope(agency=agency_b):
        queue.ticket_issue(service=service_b, location=location)
        queue.ticket_call_next(counter=counter_b, operator=operator_b)
        queue.ticket_issue(service=service_b, location=location)
    assert poll(client, url, etag).status_code == 304

    queue.counter_pause(counter=counter_a, operator=operator_a, reason="break")
    assert poll(client, url, etag).status_code == 200


def test_a_transferred_ticket_follows_its_new_line(
    client, service_a, service_b, location, counter_a, counter_b, operator_a, operator_b, in_a
):
    """The code keeps its page after a transfer; from then on the page changes with the
    line the visitor joined, not the one left."""
    mine = queue.ticket_issue(service=service_a, location=location)
    url = f"/antrian/tiket/{mine.code}/"
    poll(client, url)
    queue.ticket_call_next(counter=counter_a, operator=operator_a)
    queue.ticket_start(ticket=mine, operator=operator_a)
    etag = poll(client, url)["ETag"]
    second = CounterFactory(agency=service_b.agency, location=location, number=8)
    second.services.set([service_b])
    queue.ticket_transfer(ticket=mine, operator=operator_a, service=service_b)
    moved = poll(client, url, etag)
    assert moved.status_code == 200 and "SKCK" in moved.content.decode()
    assert "0 orang" in moved.content.decode()
    etag = moved["ETag"]
    with scope(agency=service_b.agency):
        before = queue.ticket_issue(service=service_b, location=location, priority="lansia")
    assert before.pk
    after = poll(client, url, etag)
    assert after.status_code == 200 and "1 orang" in after.content.decode()


def test_the_called_ticket_carries_the_call_alert_and_title(
    client, service_a, location, counter_a, operator_a, in_a
):
    mine = queue.ticket_issue(service=service_a, location=location)
    url = f"/antrian/tiket/{mine.code}/"
    etag = poll(client, url)["ETag"]
    queue.ticket_call_next(counter=counter_a, operator=operator_a)
    body = poll(client, url, etag).content.decode()
    assert 'data-alert="called"' in body
    assert f'data-title="Dipanggil: {mine.display_number} ke loket 1' in body
    page = client.get(url).content.decode()
    assert f"<title>Dipanggil: {mine.display_number} ke loket 1" in page


def test_an_unknown_ticket_is_still_404_with_any_etag(client):
    assert poll(client, "/antrian/tiket/TIDAKADA/", '"x"').status_code == 404


def test_the_tickets_of_a_line_read_its_interleave_once_per_version_of_the_line(
    service_a, location, counter_a, operator_a, in_a, django_assert_num_queries
):
    """Every phone of a line shows its place: the line's Interleave (a query with the
    calls of the day) is read once, and again only when the line changes."""
    from counters.queue.selectors.tickets import ticket_position

    first, second, third = (
        queue.ticket_issue(service=service_a, location=location) for _ in range(3)
    )
    assert ticket_position(first).ahead == 0
    with django_assert_num_queries(1):  # the counts of its place; no Interleave
        assert ticket_position(second).ahead == 1
    queue.ticket_call_next(counter=counter_a, operator=operator_a)
    with django_assert_num_queries(2):  # the line moved: its Interleave is read again
        assert ticket_position(third).ahead == 1


def test_a_ticket_issued_leaves_the_interleave_of_its_line_as_it_was(
    service_a, location, counter_a, operator_a, in_a
):
    """A new waiting ticket calls no one: the kiosk counts its place without reading the
    line's Interleave (the calls of the day) again; after a call it is read again."""

    def interleave_reads() -> int:
        with CaptureQueriesContext(connection) as queries:
            queue.ticket_issue(service=service_a, location=location)
        return sum("priority_run" in query["sql"] for query in queries.captured_queries)

    assert interleave_reads() == 1
    assert interleave_reads() == 0
    queue.ticket_call_next(counter=counter_a, operator=operator_a)
    assert interleave_reads() == 1
