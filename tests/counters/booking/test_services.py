"""Booking, cancelling and rescheduling: seats, one booking per NIK per day, limits, email."""

import pytest
from django.core import mail
from django_scopes import scopes_disabled

from common.codes import CODE_ALPHABET
from counters.booking.services import (
    BookingError,
    booking_cancel,
    booking_mark_no_shows,
    booking_reschedule,
    reservation,
)
from counters.models import Booking, BookingSlot
from tests.counters.booking.conftest import NINE, OTHER_NIK, VALID_NIK, book, wita
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db


def seats(schedule, start):
    with scopes_disabled():
        return BookingSlot.objects.get(service=schedule.service, starts_at=start).booked


def test_booking_stores_normalized_data_and_an_unambiguous_code(schedule, monday_morning):
    booking = book(schedule, monday_morning, nik="6408 0115 0590 0001")
    assert booking.nik == VALID_NIK
    assert booking.phone == "+6281234567890"
    assert booking.status == Booking.Status.BOOKED
    assert booking.local_date.isoformat() == "2026-12-08"
    assert len(booking.code) == 8 and set(booking.code) <= set(CODE_ALPHABET)
    assert not set(booking.code) & set("01OI")
    assert seats(schedule, NINE) == 1


def test_a_clash_of_codes_books_again_with_a_fresh_code_and_one_seat(
    schedule, monday_morning, monkeypatch
):
    first = book(schedule, monday_morning)
    codes = iter([first.code, "FRESH234"])
    monkeypatch.setattr(reservation, "new_booking_code", lambda: next(codes))
    second = book(schedule, monday_morning, nik=OTHER_NIK)
    assert second.code == "FRESH234"
    assert seats(schedule, NINE) == 2  # the seat of the refused attempt was given back
    with scopes_disabled():
        assert second.events.count() == 1


def test_invalid_nik_or_phone_is_refused_with_422_and_nothing_is_stored(schedule, monday_morning):
    with pytest.raises(BookingError) as error:
        book(schedule, monday_morning, nik="6408013202900001")
    assert error.value.status == 422 and "Tanggal lahir" in error.value.message
    with pytest.raises(BookingError) as error:
        book(schedule, monday_morning, phone="0549 21234")
    assert error.value.status == 422
    with scopes_disabled():
        assert not Booking.objects.exists()


def test_a_full_slot_refuses_the_next_booking_with_409(schedule, monday_morning):
    for nik in ("6408011505900001", "6408011505900002", "6408011505900003"):
        book(schedule, monday_morning, nik=nik)
    with pytest.raises(BookingError) as error:
        book(schedule, monday_morning, nik="6408011505900004")
    assert (error.value.status, error.value.code) == (409, "slot_full")
    assert seats(schedule, NINE) == 3


def test_one_active_booking_per_nik_per_service_per_day(schedule, monday_morning):
    first = book(schedule, monday_morning)
    with pytest.raises(BookingError) as error:
        book(schedule, monday_morning, start=wita(2026, 12, 8, 10, 0))
    assert error.value.code == "duplicate_booking"
    book(schedule, monday_morning, start=wita(2026, 12, 9, 10, 0))  # another day is fine
    booking_cancel(booking=first, now=monday_morning)
    book(schedule, monday_morning, start=wita(2026, 12, 8, 10, 0))  # after cancelling too


def test_a_closed_or_past_or_made_up_slot_cannot_be_booked(schedule, monday_morning):
    for start in (wita(2026, 12, 12, 9, 0), wita(2026, 12, 8, 9, 10), wita(2026, 12, 7, 7, 30)):
        with pytest.raises(BookingError) as error:
            book(schedule, monday_morning, start=start)
        assert error.value.code == "slot_unavailable"


def test_cancel_gives_the_seat_back_and_cannot_happen_twice(schedule, monday_morning):
    booking = book(schedule, monday_morning)
    booking_cancel(booking=booking, now=monday_morning)
    assert seats(schedule, NINE) == 0
    with pytest.raises(BookingError) as error:
        booking_cancel(booking=booking, now=monday_morning)
    assert error.value.code == "not_changeable"
    assert seats(schedule, NINE) == 0


def test_cancel_after_the_slot_started_is_refused(schedule, monday_morning):
    booking = book(schedule, monday_morning)
    with pytest.raises(BookingError):
        booking_cancel(booking=booking, now=wita(2026, 12, 8, 9, 5))


def test_reschedule_moves_the_seat_and_keeps_the_code(schedule, monday_morning):
    booking = book(schedule, monday_morning)
    moved = booking_reschedule(
        booking=booking, schedule=schedule, starts_at=wita(2026, 12, 9, 11, 0), now=monday_morning
    )
    assert moved.code == booking.code
    assert moved.starts_at == wita(2026, 12, 9, 11, 0)
    assert moved.local_date.isoformat() == "2026-12-09"
    assert seats(schedule, NINE) == 0
    assert seats(schedule, wita(2026, 12, 9, 11, 0)) == 1


def test_reschedule_into_a_full_slot_changes_nothing(schedule, monday_morning):
    booking = book(schedule, monday_morning)
    target = wita(2026, 12, 8, 10, 0)
    for nik in ("6408011505900002", "6408011505900003", "6408011505900004"):
        book(schedule, monday_morning, start=target, nik=nik)
    with pytest.raises(BookingError) as error:
        booking_reschedule(booking=booking, schedule=schedule, starts_at=target, now=monday_morning)
    assert error.value.code == "slot_full"
    with scopes_disabled():
        booking.refresh_from_db()
    assert booking.starts_at == NINE
    assert seats(schedule, NINE) == 1 and seats(schedule, target) == 3


def test_lowering_capacity_below_bookings_closes_the_slot_without_breaking(
    schedule, monday_morning
):
    book(schedule, monday_morning)
    book(schedule, monday_morning, nik=OTHER_NIK)
    schedule.capacity = 1
    schedule.save()
    with pytest.raises(BookingError) as error:
        book(schedule, monday_morning, nik="6408011505900003")
    assert error.value.code == "slot_full"


def test_confirmation_email_with_ics_is_sent_by_the_worker(schedule, monday_morning):
    booking = book(schedule, monday_morning, email="siti@example.id")
    assert mail.outbox == []  # not in the request
    assert run_jobs("counters.booking_email") == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert booking.code in message.subject and message.to == ["siti@example.id"]
    assert VALID_NIK not in message.body
    name, content, mimetype = message.attachments[0]
    assert mimetype == "text/calendar" and "DTSTART:20261208T010000Z" in content


def test_no_email_without_an_address(schedule, monday_morning):
    book(schedule, monday_morning)
    assert run_jobs("counters.booking_email") == 0
    assert mail.outbox == []


def test_an_email_overtaken_by_a_later_change_is_not_sent(schedule, monday_morning):
    """Booked and cancelled before a worker came by: only the cancellation goes out, its
    calendar entry the one that counts."""
    booking = book(schedule, monday_morning, email="siti@example.id")
    booking_cancel(booking=booking, now=monday_morning)
    assert run_jobs("counters.booking_email") == 2
    assert [message.subject for message in mail.outbox] == [f"Reservasi {booking.code} dibatalkan"]


def test_bookings_per_nik_per_day_are_limited_with_429(
    schedule, monday_morning, settings, django_capture_on_commit_callbacks
):
    settings.BOOKING_LIMITS = {"nik": 2, "ip": 100}
    with django_capture_on_commit_callbacks(execute=True):
        first = book(schedule, monday_morning)
        booking_cancel(booking=first, now=monday_morning)
        book(schedule, monday_morning)
    with pytest.raises(BookingError) as error:
        book(schedule, monday_morning, start=wita(2026, 12, 9, 9, 0))
    assert error.value.status == 429 and "Batas reservasi" in error.value.message


def test_bookings_per_client_address_per_day_are_limited_with_429(
    schedule, monday_morning, settings, django_capture_on_commit_callbacks
):
    settings.BOOKING_LIMITS = {"nik": 5, "ip": 2}
    with django_capture_on_commit_callbacks(execute=True):
        book(schedule, monday_morning, client_ip="10.1.2.3")
        book(schedule, monday_morning, client_ip="10.1.2.3", nik=OTHER_NIK)
    with pytest.raises(BookingError) as error:
        book(schedule, monday_morning, client_ip="10.1.2.3", nik="6408011505900003")
    assert error.value.status == 429
    book(schedule, monday_morning, client_ip="10.9.9.9", nik="6408011505900003")


def test_booked_visits_past_their_check_in_window_become_no_shows(schedule, monday_morning):
    booking = book(schedule, monday_morning)
    assert booking_mark_no_shows(now=wita(2026, 12, 8, 9, 15)) == 0
    assert booking_mark_no_shows(now=wita(2026, 12, 8, 9, 16)) == 1
    with scopes_disabled():
        booking.refresh_from_db()
    assert booking.status == Booking.Status.NO_SHOW
