"""The booking's audit trail: one event per change, written with the change, scoped to its
agency, kept without personal data after anonymisation, shown read-only in both admins."""

import re
from datetime import date

import pytest
from django_scopes import scope, scopes_disabled

from counters.booking.services import (
    BookingError,
    booking_cancel,
    booking_mark_no_shows,
    booking_reschedule,
    bookings_anonymise,
)
from counters.models import Booking, BookingEvent
from mpp.tenancy import agency_admin_reverse
from tests.counters.booking.conftest import OTHER_NIK, VALID_NIK, wita
from tests.counters.booking.conftest import book as booked
from tests.factories import BookingScheduleFactory, ServiceFactory

pytestmark = pytest.mark.django_db

BOOKED_ON = wita(2026, 12, 7, 7, 0)
TEN = wita(2026, 12, 8, 10, 0)


def book(schedule, **choice):
    return booked(schedule, BOOKED_ON, email="siti@example.id", **choice)


def events(of):
    with scopes_disabled():
        return list(
            BookingEvent.objects.filter(booking=of).values_list(
                "action", "from_status", "to_status", "actor", "at", "note"
            )
        )


def last_event(of):
    with scopes_disabled():
        return BookingEvent.objects.filter(booking=of).last()


def test_a_new_booking_records_its_creation_by_nobody_at_the_booking_moment(schedule):
    created = book(schedule)
    assert events(created) == [("created", "", "booked", None, BOOKED_ON, "")]
    assert last_event(created).agency_id == schedule.agency_id


def test_a_refused_booking_records_nothing(schedule):
    book(schedule)
    with pytest.raises(BookingError):
        book(schedule)
    with scopes_disabled():
        assert BookingEvent.objects.count() == 1


def test_a_reschedule_records_the_old_and_the_new_slot(schedule):
    moved = booking_reschedule(
        booking=book(schedule), schedule=schedule, starts_at=TEN, now=BOOKED_ON
    )
    event = last_event(moved)
    assert (event.action, event.from_status, event.to_status) == ("rescheduled", "booked", "booked")
    assert event.note == "08-12-2026 09.00 → 08-12-2026 10.00"


def test_a_cancellation_records_the_status_change(schedule):
    cancelled = booking_cancel(booking=book(schedule), now=BOOKED_ON)
    assert events(cancelled)[-1] == ("cancelled", "booked", "cancelled", None, BOOKED_ON, "")


def test_marking_no_shows_records_one_event_per_missed_booking_and_none_twice(schedule):
    missed, kept = book(schedule), book(schedule, start=TEN, nik=OTHER_NIK)
    assert booking_mark_no_shows(now=wita(2026, 12, 8, 9, 30)) == 1
    assert booking_mark_no_shows(now=wita(2026, 12, 8, 9, 30)) == 0
    assert events(missed)[-1] == (
        "no_show",
        "booked",
        "no_show",
        None,
        wita(2026, 12, 8, 9, 30),
        "",
    )
    assert [action for action, *_ in events(kept)] == ["created"]


def test_anonymising_keeps_the_trail_records_it_and_no_event_holds_personal_data(schedule):
    erased = booking_reschedule(
        booking=book(schedule), schedule=schedule, starts_at=TEN, now=BOOKED_ON
    )
    assert bookings_anonymise(before=date(2026, 12, 9)) == 1
    assert bookings_anonymise(before=date(2026, 12, 9)) == 0
    trail = events(erased)
    assert [action for action, *_ in trail] == ["created", "rescheduled", "anonymised"]
    assert trail[-1][1:3] == ("booked", "booked")
    personal = (VALID_NIK, "Siti", "0812", "2345", "siti@example.id")
    assert not [value for row in trail for value in row if any(p in str(value) for p in personal)]


@pytest.fixture
def two_agencies_events(schedule, agency_b, location):
    with scopes_disabled():
        service_b = ServiceFactory(agency=agency_b, slug="skck", name="SKCK", is_bookable=True)
    schedule_b = BookingScheduleFactory(service=service_b, agency=agency_b, location=location)
    return book(schedule), book(schedule_b, nik=OTHER_NIK)


def test_each_agency_sees_only_its_own_booking_events(two_agencies_events, agency_a, agency_b):
    own, other = two_agencies_events
    with scope(agency=agency_a):
        assert list(BookingEvent.objects.values_list("booking", flat=True)) == [own.pk]
    with scope(agency=agency_b):
        assert list(BookingEvent.objects.values_list("booking", flat=True)) == [other.pk]


def test_the_agency_admin_shows_the_trail_read_only_on_the_booking_page(
    client, admin_a, agency_a, two_agencies_events
):
    own, _other = two_agencies_events
    booking_cancel(booking=own, now=BOOKED_ON)
    client.force_login(admin_a)
    url = agency_admin_reverse(agency_a.slug, "agency_admin:counters_booking_change", args=[own.pk])
    page = client.get(url).content.decode()
    assert 'id="events-heading"' in page and "Riwayat reservasi" in page
    actions = re.findall(r'<td class="field-action">\s*<p>([^<]*)</p>', page)
    assert actions == ["Dibuat", "Dibatalkan"]
    assert 'name="events-0-action"' not in page
    assert VALID_NIK not in page


def test_the_mall_admin_lists_every_agencys_booking_events_read_only(
    client, mall_admin, two_agencies_events
):
    own, other = two_agencies_events
    client.force_login(mall_admin)
    page = client.get("/admin/counters/bookingevent/").content.decode()
    assert own.code in page and other.code in page
    assert client.get("/admin/counters/bookingevent/add/").status_code == 403
    with scopes_disabled():
        assert Booking.objects.count() == 2
