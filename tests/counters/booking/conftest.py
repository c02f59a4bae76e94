"""Fixtures of the booking tests: a bookable schedule, fixed local times, a clean cache."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.utils import timezone

from counters.booking.selectors import booking_days, day_slots
from counters.booking.services import booking_create
from tests.factories import BookingScheduleFactory, ServiceFactory

WITA = ZoneInfo("Asia/Makassar")
VALID_NIK = "6408011505900001"
OTHER_NIK = "6408015505920002"


def wita(*args) -> datetime:
    return datetime(*args, tzinfo=WITA)


NINE = wita(2026, 12, 8, 9, 0)


def book(schedule, now, *, start=NINE, nik=VALID_NIK, **extra):
    """A booking of Siti's (or of `nik`) through the one booking service."""
    data = {"name": "Siti Rahmawati", "phone": "0812 3456 7890", **extra}
    return booking_create(schedule=schedule, starts_at=start, nik=nik, now=now, **data)


@pytest.fixture(autouse=True)
def clean_cache():
    """Abuse-limit counters live in the shared cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def schedule(agency_a, location):
    service = ServiceFactory(
        agency=agency_a, slug="ktp-el", name="Perekaman KTP-el", is_bookable=True
    )
    return BookingScheduleFactory(service=service, agency=agency_a, location=location)


@pytest.fixture
def open_schedule(schedule):
    """Every day of the week, so that tests on the real clock don't depend on the weekday."""
    schedule.weekdays = list(range(7))
    schedule.save()
    return schedule


def next_slot(schedule, skip=0):
    """A slot of the first open day after today (on the real clock)."""
    today = timezone.localdate()
    day = next(d.date for d in booking_days(schedule) if d.is_open and d.date > today)
    return day_slots(schedule, day)[skip]


@pytest.fixture
def monday_morning():
    """Monday 7 December 2026, 07.00 WITA: an ordinary working day."""
    return wita(2026, 12, 7, 7, 0)
