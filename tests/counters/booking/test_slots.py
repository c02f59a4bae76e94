"""Slot computation: weekdays, national holidays, closure days, time zone, "too late"."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django_scopes import scopes_disabled

from counters.booking.selectors import booking_days, day_slots, find_open_slot
from tests.counters.booking.conftest import wita
from tests.factories import BookingClosureFactory, LocationFactory

pytestmark = pytest.mark.django_db


def test_a_working_day_is_cut_into_slots_of_the_schedule_in_wita(schedule, monday_morning):
    slots = day_slots(schedule, date(2026, 12, 8), now=monday_morning)
    assert [s.starts_at for s in slots][:2] == [wita(2026, 12, 8, 8, 0), wita(2026, 12, 8, 8, 30)]
    assert len(slots) == 8  # 08.00–12.00 in 30 minutes
    assert slots[-1].ends_at == wita(2026, 12, 8, 12, 0)
    assert str(slots[0].starts_at.utcoffset()) == "8:00:00"
    assert all(s.capacity == 3 and s.remaining == 3 for s in slots)


def test_weekend_days_outside_the_schedule_have_no_slots(schedule, monday_morning):
    assert day_slots(schedule, date(2026, 12, 12), now=monday_morning) == []  # Saturday
    schedule.weekdays = [5]
    schedule.save()
    assert len(day_slots(schedule, date(2026, 12, 12), now=monday_morning)) == 8


def test_national_holidays_have_no_slots_even_on_a_schedule_weekday(schedule, monday_morning):
    christmas = date(2026, 12, 25)  # a Friday
    schedule.days_ahead = 30
    schedule.save()
    assert day_slots(schedule, christmas, now=monday_morning) == []
    day = next(d for d in booking_days(schedule, now=monday_morning) if d.date == christmas)
    assert not day.is_open
    assert "libur nasional" in day.closed_reason


def test_always_open_schedules_still_close_on_national_holidays(schedule, monday_morning):
    schedule.weekdays, schedule.days_ahead = list(range(7)), 30
    schedule.opens_at, schedule.closes_at = time(0, 0), time(0, 0)
    schedule.save()
    assert len(day_slots(schedule, date(2026, 12, 26), now=monday_morning)) == 48
    assert day_slots(schedule, date(2026, 12, 25), now=monday_morning) == []


def test_agency_closure_days_close_the_location_or_every_location(schedule, monday_morning):
    with scopes_disabled():
        BookingClosureFactory(agency=schedule.agency, date=date(2026, 12, 9), reason="Rapat kerja")
        BookingClosureFactory(
            agency=schedule.agency, location=LocationFactory(), date=date(2026, 12, 10)
        )
    assert day_slots(schedule, date(2026, 12, 9), now=monday_morning) == []
    assert len(day_slots(schedule, date(2026, 12, 10), now=monday_morning)) == 8
    day = next(d for d in booking_days(schedule, now=monday_morning) if d.date == date(2026, 12, 9))
    assert "Rapat kerja" in day.closed_reason


def test_another_agencys_closure_does_not_close_this_one(schedule, agency_b, monday_morning):
    with scopes_disabled():
        BookingClosureFactory(agency=agency_b, date=date(2026, 12, 9))
    assert len(day_slots(schedule, date(2026, 12, 9), now=monday_morning)) == 8


def test_slots_closer_than_the_notice_are_too_late_to_book(schedule):
    now = wita(2026, 12, 7, 9, 1)  # notice 60 min: 10.00 is too late by a minute
    starts = [s.starts_at for s in day_slots(schedule, date(2026, 12, 7), now=now)]
    assert starts[0] == wita(2026, 12, 7, 10, 30)
    assert find_open_slot(schedule, wita(2026, 12, 7, 10, 0), now=now) is None
    assert find_open_slot(schedule, wita(2026, 12, 7, 10, 30), now=now) is not None


def test_time_zone_boundaries_use_the_local_day(schedule):
    # 23.30 UTC on Sunday is already Monday 07.30 in WITA: Monday is "today", and its
    # 08.00 slot is inside the one-hour notice.
    now = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)
    days = booking_days(schedule, now=now)
    assert days[0].date == date(2026, 12, 7)
    slots = day_slots(schedule, date(2026, 12, 7), now=now)
    assert slots[0].starts_at == wita(2026, 12, 7, 8, 30)
    assert find_open_slot(schedule, datetime(2026, 12, 7, 0, 30, tzinfo=UTC), now=now) == slots[0]


def test_days_beyond_the_booking_horizon_and_past_days_have_no_slots(schedule, monday_morning):
    horizon = monday_morning.date() + timedelta(days=schedule.days_ahead)
    assert day_slots(schedule, horizon, now=monday_morning)  # Monday 21 December
    assert day_slots(schedule, horizon + timedelta(days=1), now=monday_morning) == []
    assert day_slots(schedule, date(2026, 12, 4), now=monday_morning) == []
    days = booking_days(schedule, now=monday_morning)
    assert days[0].date == monday_morning.date() and days[-1].date == horizon


def test_calendar_counts_remaining_seats_in_three_queries(
    schedule, monday_morning, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        days = booking_days(schedule, now=monday_morning)
    assert days[0].remaining == 8 * 3
    assert [d.is_open for d in days[:7]] == [True, True, True, True, True, False, False]
