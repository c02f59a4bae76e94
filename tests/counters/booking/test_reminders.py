"""Reminders for tomorrow's bookings: once per booking, however often the command runs."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled

from counters.booking.services import booking_cancel, booking_create, booking_send_reminders
from counters.models import Booking
from tests.counters.booking.conftest import OTHER_NIK, VALID_NIK, next_slot, wita
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db

MONDAY_EVENING = wita(2026, 12, 7, 18, 0)


def book(schedule, nik, start, email="warga@example.id"):
    return booking_create(
        schedule=schedule,
        starts_at=start,
        name="Siti Rahmawati",
        nik=nik,
        phone="081234567890",
        email=email,
        now=wita(2026, 12, 7, 7, 0),
    )


def test_tomorrows_booked_visitors_get_one_reminder_the_email_with_the_ics(schedule):
    tomorrow = book(schedule, VALID_NIK, wita(2026, 12, 8, 9, 0))
    book(schedule, OTHER_NIK, wita(2026, 12, 9, 9, 0))  # the day after: not yet
    book(schedule, "6408011505900003", wita(2026, 12, 8, 10, 0), email="")  # no address
    cancelled = book(schedule, "6408011505900004", wita(2026, 12, 8, 10, 0))
    booking_cancel(booking=cancelled, now=MONDAY_EVENING)
    run_jobs()
    mail.outbox.clear()
    # Every booked visit of tomorrow is reminded (by message where allowed), once.
    assert booking_send_reminders(now=MONDAY_EVENING) == 2
    assert booking_send_reminders(now=MONDAY_EVENING) == 0
    run_jobs()
    assert len(mail.outbox) == 1
    assert tomorrow.code in mail.outbox[0].subject and "Pengingat" in mail.outbox[0].subject
    assert mail.outbox[0].attachments[0][2] == "text/calendar"
    with scopes_disabled():
        assert Booking.objects.get(pk=tomorrow.pk).reminder_sent_at == MONDAY_EVENING


def test_the_command_runs_twice_without_sending_twice(open_schedule):
    booking = booking_create(
        schedule=open_schedule,
        starts_at=next_slot(open_schedule).starts_at,
        name="Siti Rahmawati",
        nik=VALID_NIK,
        phone="081234567890",
        email="warga@example.id",
    )
    with scopes_disabled():  # whatever day the first free slot is, make it tomorrow's
        Booking.objects.filter(pk=booking.pk).update(
            local_date=timezone.localdate() + timedelta(days=1)
        )
    run_jobs()
    mail.outbox.clear()
    call_command("send_booking_reminders", stdout=StringIO())
    call_command("send_booking_reminders", stdout=StringIO())
    run_jobs()
    assert len(mail.outbox) == 1
