"""What the citizen takes home from a booking, read with the tools the world uses."""

import pytest

from counters.services.bookings import booking_create
from tests.counters.booking.conftest import VALID_NIK, next_slot
from tests.qr_reader import read_qr, svg_in_page

pytestmark = pytest.mark.django_db


def book(schedule, *, email=""):
    return booking_create(
        schedule=schedule,
        starts_at=next_slot(schedule).starts_at,
        name="Budi Santoso",
        nik=VALID_NIK,
        phone="081234567890",
        email=email,
    )


def open_booking_page(client, booking):
    response = client.post(f"/reservasi/{booking.code}/", {"nik": VALID_NIK})
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


def test_the_booking_qr_on_the_page_is_read_by_zbar_as_the_bare_code(client, open_schedule):
    booking = book(open_schedule)
    assert read_qr(svg_in_page(open_booking_page(client, booking))) == booking.code
