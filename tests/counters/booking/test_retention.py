"""Retention: personal data of old bookings is erased; the visits stay for reports."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled

from counters.booking.services import ANONYMISED_NAME, booking_create, bookings_anonymise
from counters.models import Booking
from tests.counters.booking.conftest import OTHER_NIK, VALID_NIK, wita

pytestmark = pytest.mark.django_db


def book(schedule, nik, start):
    return booking_create(
        schedule=schedule,
        starts_at=start,
        name="Siti Rahmawati",
        nik=nik,
        phone="081234567890",
        email="warga@example.id",
        now=wita(2026, 12, 7, 7, 0),
    )


def test_old_bookings_lose_name_nik_phone_and_email_but_stay_counted(schedule):
    old = book(schedule, VALID_NIK, wita(2026, 12, 8, 9, 0))
    also_old = book(schedule, OTHER_NIK, wita(2026, 12, 8, 9, 0))
    recent = book(schedule, "6408011505900003", wita(2026, 12, 9, 9, 0))
    assert bookings_anonymise(before=date(2026, 12, 9)) == 2
    assert bookings_anonymise(before=date(2026, 12, 9)) == 0
    with scopes_disabled():
        for booking in Booking.objects.filter(pk__in=[old.pk, also_old.pk]):
            assert booking.name == ANONYMISED_NAME
            assert booking.nik == f"-{booking.pk}"
            assert (booking.phone, booking.email) == ("", "")
            assert booking.status == "booked"
        kept = Booking.objects.get(pk=recent.pk)
    assert (kept.name, kept.nik) == ("Siti Rahmawati", "6408011505900003")


def test_command_uses_the_retention_period(schedule, settings):
    booking = book(schedule, VALID_NIK, wita(2026, 12, 8, 9, 0))
    with scopes_disabled():
        Booking.objects.filter(pk=booking.pk).update(
            local_date=timezone.localdate() - timedelta(days=31)
        )
    settings.PERSONAL_DATA_RETENTION_DAYS = 60
    out = StringIO()
    call_command("anonymise_bookings", stdout=out)
    assert out.getvalue().startswith("0 reservasi")
    call_command("anonymise_bookings", "--days", "30", stdout=out)
    with scopes_disabled():
        assert Booking.objects.get(pk=booking.pk).name == ANONYMISED_NAME
