"""Moments at the edges of the calendar (which cannot be expressed in local time) are an
unknown slot to every way of booking, never a server error."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from counters.models import Booking
from tests.counters.booking.conftest import VALID_NIK
from tests.counters.booking.test_views import make_booking

pytestmark = pytest.mark.django_db

FAR_MOMENTS = ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00"]


@pytest.mark.parametrize("moment", FAR_MOMENTS)
def test_the_booking_form_sends_a_far_moment_back_to_the_calendar(client, open_schedule, moment):
    url = reverse("booking:create", args=[open_schedule.agency.slug, "ktp-el"])
    response = client.get(url, {"lokasi": open_schedule.location.slug, "mulai": moment})
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Sesi itu tidak bisa dipesan lagi" in page.content.decode()


@pytest.mark.parametrize("moment", FAR_MOMENTS)
def test_rescheduling_to_a_far_moment_is_told_and_changes_nothing(client, open_schedule, moment):
    booking = make_booking(open_schedule)
    client.post(f"/reservasi/{booking.code}/", {"nik": VALID_NIK})
    response = client.post(f"/reservasi/{booking.code}/ubah/", {"mulai": moment}, follow=True)
    assert response.status_code == 200
    assert "Sesi ini tidak bisa dipesan" in response.content.decode()
    with scopes_disabled():
        assert Booking.objects.get().starts_at == booking.starts_at


@pytest.mark.parametrize("moment", FAR_MOMENTS)
def test_the_api_refuses_a_far_moment_as_an_unavailable_slot(client, open_schedule, moment):
    payload = {
        "service": f"{open_schedule.agency.slug}/ktp-el",
        "location": open_schedule.location.slug,
        "start": moment,
        "name": "Siti Rahmawati",
        "nik": VALID_NIK,
        "phone": "081234567890",
    }
    response = client.post("/api/v1/bookings", payload, content_type="application/json")
    assert response.status_code == 409
    assert response.json()["code"] == "slot_unavailable"


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_the_slot_list_of_a_far_day_is_empty(client, open_schedule, day):
    url = f"/api/v1/services/{open_schedule.agency.slug}/ktp-el/slots"
    response = client.get(url, {"location": open_schedule.location.slug, "date": day})
    assert response.status_code == 200 and response.json() == []
