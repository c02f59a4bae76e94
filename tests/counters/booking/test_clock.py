"""Bookings read the same clock as tickets, so moving that one clock moves them both."""

import pytest

from common import clock
from counters.booking.services import BookingError, booking_cancel
from tests.counters.booking.conftest import NINE, book, wita

pytestmark = pytest.mark.django_db


def test_a_booking_whose_slot_has_begun_on_the_shared_clock_can_no_longer_be_cancelled(
    schedule, monday_morning, monkeypatch
):
    booking = book(schedule, monday_morning)
    monkeypatch.setattr(clock, "now", lambda: wita(2026, 12, 8, 9, 30))
    assert not booking.is_changeable
    with pytest.raises(BookingError):
        booking_cancel(booking=booking)


def test_staff_read_a_booked_visit_past_its_check_in_window_as_a_no_show_on_the_shared_clock(
    schedule, monday_morning, monkeypatch
):
    booking = book(schedule, monday_morning)
    monkeypatch.setattr(clock, "now", lambda: NINE.replace(hour=11))
    assert booking.attendance == str(booking.Status.NO_SHOW.label)
