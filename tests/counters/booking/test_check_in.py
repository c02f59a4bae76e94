"""Check-in at the kiosk: the window edges, the ticket it becomes, served before walk-ins."""

import pytest
from django_scopes import scope, scopes_disabled

from common import clock
from counters.booking.services import (
    BookingError,
    booking_cancel,
    booking_check_in,
    booking_create,
)
from counters.models import Booking, BookingEvent, DailyQuota, PersonalDataAccess, Ticket
from counters.queue import services as queue
from counters.queue.errors import QuotaFull
from services.models import Membership
from tests.counters.booking.conftest import VALID_NIK, wita
from tests.counters.conftest import open_all_week
from tests.factories import CounterFactory, LocationFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

SLOT = wita(2026, 12, 8, 9, 0)


@pytest.fixture
def booking(schedule, location):
    open_all_week(schedule.agency, location)
    schedule.service.locations.add(location)
    return booking_create(
        schedule=schedule,
        starts_at=SLOT,
        name="Siti Rahmawati",
        nik=VALID_NIK,
        phone="081234567890",
        now=wita(2026, 12, 7, 7, 0),
    )


def check_in_at(monkeypatch, booking, moment, location=None):
    monkeypatch.setattr(clock, "now", lambda: moment)
    return booking_check_in(code=booking.code.lower(), location=location or booking.location)


@pytest.mark.parametrize(
    "moment", [wita(2026, 12, 8, 8, 30), wita(2026, 12, 8, 9, 0), wita(2026, 12, 8, 9, 15)]
)
def test_check_in_inside_the_window_issues_a_booking_ticket(monkeypatch, booking, moment):
    ticket = check_in_at(monkeypatch, booking, moment)
    assert ticket.source == Ticket.Source.BOOKING
    assert ticket.queue_class == Ticket.QueueClass.BOOKING
    assert ticket.booked_slot_start == SLOT
    with scopes_disabled():
        booking.refresh_from_db()
    assert booking.status == Booking.Status.CHECKED_IN
    assert booking.ticket == ticket and booking.checked_in_at == moment


@pytest.mark.parametrize(
    ("moment", "code"),
    [
        (wita(2026, 12, 8, 8, 29, 59), "too_early"),
        (wita(2026, 12, 8, 9, 15, 1), "too_late"),
        (wita(2026, 12, 9, 9, 0), "too_late"),
    ],
)
def test_check_in_outside_the_window_says_so_and_issues_nothing(monkeypatch, booking, moment, code):
    with pytest.raises(BookingError) as error:
        check_in_at(monkeypatch, booking, moment)
    assert error.value.code == code
    assert "WITA" in error.value.message
    with scopes_disabled():
        assert not Ticket.objects.exists()
        assert Booking.objects.get(pk=booking.pk).status == Booking.Status.BOOKED


def test_a_second_scan_makes_no_second_ticket(monkeypatch, booking):
    ticket = check_in_at(monkeypatch, booking, wita(2026, 12, 8, 8, 45))
    with pytest.raises(BookingError) as error:
        check_in_at(monkeypatch, booking, wita(2026, 12, 8, 8, 46))
    assert error.value.code == "already_checked_in"
    assert ticket.display_number in error.value.message
    with scopes_disabled():
        assert Ticket.objects.count() == 1


def test_cancelled_bookings_unknown_codes_and_other_locations_are_refused(monkeypatch, booking):
    with pytest.raises(BookingError) as error:
        check_in_at(monkeypatch, booking, wita(2026, 12, 8, 8, 45), location=LocationFactory())
    assert error.value.code == "wrong_location"
    monkeypatch.setattr(clock, "now", lambda: wita(2026, 12, 8, 8, 45))
    with pytest.raises(BookingError) as error:
        booking_check_in(code="ZZZZ2222", location=booking.location)
    assert error.value.status == 404
    booking_cancel(booking=booking, now=wita(2026, 12, 8, 8, 0))
    with pytest.raises(BookingError) as error:
        check_in_at(monkeypatch, booking, wita(2026, 12, 8, 8, 45))
    assert error.value.code == "not_checkable"


def test_a_checked_in_booking_is_called_before_earlier_walk_ins(
    monkeypatch, booking, schedule, operator_a
):
    monkeypatch.setattr(clock, "now", lambda: wita(2026, 12, 8, 8, 40))
    walk_in = queue.ticket_issue(service=schedule.service, location=schedule.location)
    booked = check_in_at(monkeypatch, booking, wita(2026, 12, 8, 8, 45))
    counter = CounterFactory(
        agency=schedule.agency, location=schedule.location, number=1, services=[schedule.service]
    )
    with scope(agency=schedule.agency):
        counter = queue.counter_open(counter=counter, operator=operator_a)
        assert queue.ticket_call_next(counter=counter, operator=operator_a) == booked
        queue.ticket_start(ticket=booked, operator=operator_a)
        queue.ticket_finish(ticket=booked, operator=operator_a)
        assert queue.ticket_call_next(counter=counter, operator=operator_a) == walk_in


@pytest.fixture
def serving(monkeypatch, booking, schedule, operator_a):
    """The booking checked in and called at counter 1 by operator_a."""
    booked = check_in_at(monkeypatch, booking, wita(2026, 12, 8, 8, 45))
    counter = CounterFactory(
        agency=schedule.agency, location=schedule.location, number=1, services=[schedule.service]
    )
    with scope(agency=schedule.agency):
        counter = queue.counter_open(counter=counter, operator=operator_a)
        assert queue.ticket_call_next(counter=counter, operator=operator_a) == booked
    return counter, booked


def reveal(client, counter, ticket):
    return client.post(
        f"/loket/{counter.pk}/data-pribadi/", {"ticket": ticket.code}, HTTP_HX_REQUEST="true"
    ).content.decode()


def test_the_serving_counter_sees_the_nik_masked_until_it_asks(
    client, booking, serving, operator_a
):
    counter, _ticket = serving
    client.force_login(operator_a)
    page = client.get(f"/loket/{counter.pk}/").content.decode()
    assert booking.code in page and "6408********0001" in page and "+62812****7890" in page
    assert VALID_NIK not in page and "+6281234567890" not in page


def test_revealing_the_nik_shows_it_and_records_who_when_and_where(
    client, booking, serving, operator_a
):
    counter, ticket = serving
    client.force_login(operator_a)
    page = reveal(client, counter, ticket)
    assert VALID_NIK in page and "+6281234567890" in page
    with scopes_disabled():
        access = PersonalDataAccess.objects.get()
    assert (access.booking_id, access.user, access.counter_id) == (
        booking.pk,
        operator_a,
        counter.pk,
    )
    assert access.username == "operator-a" and access.agency_id == booking.agency_id


def test_revealing_personal_data_records_who_revealed_it_and_at_which_counter(
    client,
    booking,
    serving,
    operator_a,
):
    counter, ticket = serving
    client.force_login(operator_a)
    reveal(client, counter, ticket)
    with scopes_disabled():
        event = BookingEvent.objects.filter(booking=booking).last()
    assert (event.action, event.actor, event.note) == ("revealed", operator_a, str(counter))
    assert event.from_status == event.to_status == "checked_in"


def test_a_colleague_not_serving_the_booking_is_refused(client, serving, agency_a):
    counter, ticket = serving
    colleague = UserFactory(username="rekan")
    MembershipFactory(agency=agency_a, user=colleague, role=Membership.Role.ADMIN)
    client.force_login(colleague)
    page = reveal(client, counter, ticket)
    assert VALID_NIK not in page
    assert "hanya terlihat oleh petugas yang sedang melayani" in page
    with scopes_disabled():
        assert not PersonalDataAccess.objects.exists()


def test_another_agencys_operator_gets_404(client, serving, operator_b):
    counter, ticket = serving
    client.force_login(operator_b)
    response = client.post(f"/loket/{counter.pk}/data-pribadi/", {"ticket": ticket.code})
    assert response.status_code == 404
    with scopes_disabled():
        assert not PersonalDataAccess.objects.exists()


def test_after_the_visit_the_nik_is_not_revealed_any_more(client, serving, operator_a):
    counter, ticket = serving
    with scope(agency=counter.agency):
        queue.ticket_start(ticket=ticket, operator=operator_a)
        queue.ticket_finish(ticket=ticket, operator=operator_a)
    client.force_login(operator_a)
    assert VALID_NIK not in reveal(client, counter, ticket)
    with scopes_disabled():
        assert not PersonalDataAccess.objects.exists()


def test_the_walk_in_quota_never_refuses_a_booked_visitor_but_counts_them(monkeypatch, booking):
    """A booking is a promise: its check-in goes through when walk-ins have filled the
    day's quota, and a walk-in after it finds the quota taken."""
    with scopes_disabled():
        DailyQuota.objects.create(
            agency=booking.agency, service=booking.service, location=booking.location, limit=2
        )
    monkeypatch.setattr(clock, "now", lambda: wita(2026, 12, 8, 8, 0))
    queue.ticket_issue(service=booking.service, location=booking.location)
    ticket = check_in_at(monkeypatch, booking, wita(2026, 12, 8, 8, 45))
    assert ticket.source == Ticket.Source.BOOKING
    with pytest.raises(QuotaFull):
        queue.ticket_issue(service=booking.service, location=booking.location)


def test_a_booked_visitor_checks_in_when_walk_ins_filled_the_quota(monkeypatch, booking):
    with scopes_disabled():
        DailyQuota.objects.create(
            agency=booking.agency, service=booking.service, location=booking.location, limit=1
        )
    monkeypatch.setattr(clock, "now", lambda: wita(2026, 12, 8, 8, 0))
    queue.ticket_issue(service=booking.service, location=booking.location)
    ticket = check_in_at(monkeypatch, booking, wita(2026, 12, 8, 8, 45))
    with scopes_disabled():
        booking.refresh_from_db()
    assert booking.status == Booking.Status.CHECKED_IN and booking.ticket == ticket


def test_a_check_in_records_the_ticket_number(monkeypatch, booking):
    ticket = check_in_at(monkeypatch, booking, wita(2026, 12, 8, 8, 45))
    with scopes_disabled():
        event = BookingEvent.objects.filter(booking=booking).last()
    assert (event.action, event.from_status, event.to_status) == (
        "checked_in",
        "booked",
        "checked_in",
    )
    assert event.note == ticket.display_number and event.at == wita(2026, 12, 8, 8, 45)
