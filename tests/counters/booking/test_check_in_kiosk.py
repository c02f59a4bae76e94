"""Check-in through the kiosk page and the API (kiosk token -> 201 ticket)."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from common import clock
from counters.booking.services import booking_create
from counters.models import Booking, Ticket
from tests.counters.booking.conftest import VALID_NIK, wita
from tests.counters.conftest import open_all_week
from tests.factories import LocationFactory, UserFactory, kiosk_token

pytestmark = pytest.mark.django_db

SLOT = wita(2026, 12, 8, 9, 0)
OUTSIDE = {"REMOTE_ADDR": "203.0.113.7"}


@pytest.fixture
def booking(schedule, location, monkeypatch):
    open_all_week(schedule.agency, location)
    schedule.service.locations.add(location)
    made = booking_create(
        schedule=schedule,
        starts_at=SLOT,
        name="Siti Rahmawati",
        nik=VALID_NIK,
        phone="081234567890",
        now=wita(2026, 12, 7, 7, 0),
    )
    monkeypatch.setattr(clock, "now", lambda: wita(2026, 12, 8, 8, 45))
    return made


def check_in_api(client, code, **extra):
    return client.post(
        f"/api/v1/bookings/{code}/check-in", content_type="application/json", **extra
    )


def test_kiosk_token_checks_in_and_gets_201_with_the_ticket(client, booking, location):
    token = kiosk_token(location)
    response = check_in_api(client, booking.code, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 201
    body = response.json()
    assert body["number"].startswith("A-") and body["status"] == "waiting"
    assert VALID_NIK not in response.content.decode() and "Siti" not in response.content.decode()
    again = check_in_api(client, booking.code, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert again.status_code == 409 and again.json()["code"] == "already_checked_in"


def test_check_in_api_needs_a_kiosk_token_or_the_agencys_staff(
    client, booking, operator_b, operator_a
):
    assert check_in_api(client, booking.code).status_code == 401
    client.force_login(operator_b)
    assert check_in_api(client, booking.code).status_code == 403
    client.force_login(operator_a)
    assert check_in_api(client, booking.code).status_code == 201


def test_kiosk_token_of_another_location_is_refused(client, booking, no_scope):
    token = kiosk_token(LocationFactory())
    response = check_in_api(client, booking.code, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 409 and response.json()["code"] == "wrong_location"


def test_kiosk_page_checks_in_a_scanned_code_and_prints_the_ticket(
    client, booking, location, settings
):
    settings.KIOSK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    agencies = client.get(reverse("counters:kiosk_agencies", args=[location.slug]))
    page = reverse("booking:kiosk_check_in", args=[location.slug])
    assert page in agencies.content.decode()
    response = client.post(page, {"code": booking.code.lower()})
    with scopes_disabled():
        ticket = Ticket.objects.get()
        assert Booking.objects.get(pk=booking.pk).ticket == ticket
    assert response.status_code == 302
    assert response["Location"] == reverse("counters:kiosk_ticket", args=[ticket.code])


def test_kiosk_page_after_the_window_offers_a_walk_in_ticket(
    client, booking, location, settings, monkeypatch
):
    settings.KIOSK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    monkeypatch.setattr(clock, "now", lambda: wita(2026, 12, 8, 9, 30))
    response = client.post(
        reverse("booking:kiosk_check_in", args=[location.slug]), {"code": booking.code}
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "sudah lewat" in body
    walk_in = reverse(
        "counters:kiosk_priority", args=[location.slug, booking.agency.slug, booking.service.slug]
    )
    assert walk_in in body


def test_kiosk_page_refuses_browsers_outside_the_mall(client, booking, location, settings):
    settings.KIOSK_ALLOWED_NETWORKS = ["10.0.0.0/8"]
    response = client.post(
        reverse("booking:kiosk_check_in", args=[location.slug]), {"code": booking.code}, **OUTSIDE
    )
    assert response.status_code == 403
    with scopes_disabled():
        assert not Ticket.objects.exists()


def test_kiosk_page_tells_a_malformed_code(client, location, settings):
    settings.KIOSK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    response = client.post(reverse("booking:kiosk_check_in", args=[location.slug]), {"code": "12"})
    assert response.status_code == 422
    assert "8 huruf dan angka" in response.content.decode()


def test_kiosk_page_check_ins_are_limited_per_address_and_then_alike_for_a_real_code(
    client, booking, location, settings
):
    """Whether a code is real shows in the answer: guessing is limited like a look-up."""
    limit, window = settings.PUBLIC_WRITE_LIMITS["booking:kiosk_check_in"]
    page = reverse("booking:kiosk_check_in", args=[location.slug])
    guesses = [client.post(page, {"code": f"ZZZZ{n:04d}"}, **OUTSIDE) for n in range(limit)]
    assert 429 not in {guess.status_code for guess in guesses}
    real = client.post(page, {"code": booking.code}, **OUTSIDE)
    unknown = client.post(page, {"code": "ZZZZ9999"}, **OUTSIDE)
    assert real.status_code == unknown.status_code == 429
    assert real["Retry-After"] == str(window)
    assert client.post(page, {"code": booking.code}, REMOTE_ADDR="203.0.113.8").status_code == 403


def test_api_check_ins_are_limited_per_address_and_account(client, booking, location, settings):
    limit, _window = settings.PUBLIC_WRITE_LIMITS["api-1:booking_check_in_endpoint"]
    token = kiosk_token(location)
    statuses = [
        check_in_api(client, "ZZZZ2222", HTTP_AUTHORIZATION=f"Bearer {token}").status_code
        for _ in range(limit + 1)
    ]
    assert statuses[:limit] == [404] * limit and statuses[limit] == 429
    client.force_login(UserFactory(username="pemilik-umkm"))
    answers = [
        check_in_api(client, booking.code, REMOTE_ADDR=f"198.51.100.{n}").status_code
        for n in range(limit + 1)
    ]
    assert 429 not in answers[:limit] and answers[limit] == 429
