"""Every page that htmx also fetches as a fragment says `Vary: HX-Request`, also when it
comes from the server's page cache, and the cache never serves one as the other."""

import pytest
from django.utils.cache import has_vary_header

from counters.queue import services as queue
from tests.counters.booking.conftest import open_schedule, schedule  # noqa: F401
from tests.counters.conftest import counter_a, service_a  # noqa: F401

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def fragment_and_page(client, url: str, **fragment_headers):
    """Twice each, fragment first: the second answers come from any page cache."""
    answers = [client.get(url, headers={**HTMX, **fragment_headers}) for _ in range(2)]
    answers += [client.get(url) for _ in range(2)]
    for response in answers:
        assert response.status_code == 200, url
        assert has_vary_header(response, "HX-Request"), url
    for fragment in answers[:2]:
        assert "<html" not in fragment.content.decode(), url
    for page in answers[2:]:
        assert "<html" in page.content.decode(), url


def test_catalog_search(client, service_a):  # noqa: F811
    fragment_and_page(client, "/layanan/?q=ktp", **{"HX-Target": "hasil-layanan"})


def test_umkm_showcase(client):
    fragment_and_page(client, "/umkm/?kategori=kuliner")


def test_booking_day_picker(client, open_schedule):  # noqa: F811
    fragment_and_page(client, f"/reservasi/{open_schedule.agency.slug}/ktp-el/")


def test_ticket_status(client, service_a, location):  # noqa: F811
    ticket = queue.ticket_issue(service=service_a, location=location)
    fragment_and_page(client, f"/antrian/tiket/{ticket.code}/")


def test_console_waiting_list(client, counter_a, operator_a):  # noqa: F811
    client.force_login(operator_a)
    fragment_and_page(client, f"/loket/{counter_a.pk}/?bagian=antrian")
