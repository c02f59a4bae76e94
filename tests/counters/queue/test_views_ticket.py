"""The ticket page's poll: a 304 from the cache while the queue stands still, the new state
(and its alert for the phone) as soon as it moves."""

import pytest

from counters.queue import services as queue

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
