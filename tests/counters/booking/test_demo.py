"""Demo booking schedules: derived from the bookable services, idempotent, always-open."""

from datetime import time

import pytest
from django_scopes import scopes_disabled

from counters.booking import demo as demo_booking
from counters.models import BookingClosure, BookingSchedule
from tests.factories import (
    AgencyFactory,
    AgencyScheduleFactory,
    LocationFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_services(no_scope):
    expo = LocationFactory(slug="expo-sangatta", name="Gedung Expo Sangatta")
    agency = AgencyFactory(slug="dukcapil", locations=[expo])
    bookable = ServiceFactory(
        agency=agency, slug="ktp-el", is_bookable=True, average_minutes=15, locations=[expo]
    )
    ServiceFactory(agency=agency, slug="legalisir", is_bookable=False)
    return bookable


def test_every_bookable_service_gets_one_schedule_and_seeding_twice_changes_nothing(demo_services):
    demo_booking.seed(always_open=False)
    demo_booking.seed(always_open=False)
    with scopes_disabled():
        schedule = BookingSchedule.objects.get()
        assert BookingClosure.objects.count() == len(demo_booking.CLOSURES)
    assert schedule.service == demo_services
    assert schedule.weekdays == [0, 1, 2, 3] and schedule.capacity == 4


def test_always_open_books_around_the_clock_every_day(demo_services):
    demo_booking.seed(always_open=True)
    with scopes_disabled():
        schedule = BookingSchedule.objects.get()
    assert schedule.weekdays == list(range(7))
    assert schedule.opens_at == schedule.closes_at == time(0, 0)
    assert schedule.min_notice_minutes == 0


def test_bookings_fall_on_the_days_the_agency_is_at_the_location(demo_services):
    expo = demo_services.locations.get()
    for weekday in (1, 3, 5):  # Tuesday, Thursday and Saturday
        AgencyScheduleFactory(agency=demo_services.agency, location=expo, weekday=weekday)
    demo_booking.seed(always_open=False)
    with scopes_disabled():
        assert BookingSchedule.objects.get().weekdays == [1, 3]
