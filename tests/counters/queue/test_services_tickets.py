"""The ticket engine: numbering, quota, opening hours, call order and every transition."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError, transaction
from django_scopes import scope, scopes_disabled

from common import clock
from common.errors import DomainError
from counters.models import AgencySchedule, DailyQuota, Priority, Ticket, TicketEvent
from counters.queue import services as queue
from counters.queue.errors import (
    CounterUnavailable,
    InvalidTransition,
    NotYourTicket,
    QuotaFull,
    ServiceClosed,
)
from counters.queue.selectors.counters import counter_by_id
from counters.queue.selectors.reference import service_by_id
from services.models import Service
from tests.factories import CounterFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db
WITA = ZoneInfo("Asia/Makassar")
Status = Ticket.Status


def travel(monkeypatch, moment: datetime) -> None:
    monkeypatch.setattr(clock, "now", lambda: moment)


def issue(service, location, **kwargs) -> Ticket:
    return queue.ticket_issue(service=service, location=location, **kwargs)


# Numbering -----------------------------------------------------------------------------------


def test_numbers_run_per_prefix_and_are_shown_with_three_digits(service_a, service_a2, location):
    first, second = issue(service_a, location), issue(service_a, location)
    other_prefix = issue(service_a2, location)
    assert [first.display_number, second.display_number] == ["A-001", "A-002"]
    assert other_prefix.display_number == "K-001"
    assert first.status == Status.WAITING and first.code != second.code


def test_numbers_run_per_location(service_a, agency_a):
    from tests.counters.conftest import open_all_week
    from tests.factories import LocationFactory

    elsewhere = LocationFactory()
    service_a.locations.add(elsewhere)
    open_all_week(agency_a, elsewhere)
    assert issue(service_a, elsewhere).display_number == "A-001"
    assert issue(service_a, service_a.locations.first()).number == 1


def test_numbers_restart_at_local_midnight_not_at_utc_midnight(monkeypatch, service_a, location):
    travel(monkeypatch, datetime(2026, 11, 27, 10, 0, tzinfo=WITA))
    assert issue(service_a, location).display_number == "A-001"
    travel(monkeypatch, datetime(2026, 11, 27, 23, 59, 30, tzinfo=WITA))
    late = issue(service_a, location)
    assert late.display_number == "A-002" and late.day == date(2026, 11, 27)
    travel(monkeypatch, datetime(2026, 11, 28, 0, 0, 30, tzinfo=WITA))
    after_midnight = issue(service_a, location)
    assert after_midnight.display_number == "A-001" and after_midnight.day == date(2026, 11, 28)
    # 00:00 UTC is 08:00 WITA: the same local day goes on.
    travel(monkeypatch, datetime(2026, 11, 28, 0, 0, tzinfo=ZoneInfo("UTC")))
    assert issue(service_a, location).display_number == "A-002"


def test_the_database_refuses_a_second_live_ticket_with_the_same_number(
    service_a, location, no_scope
):
    ticket = issue(service_a, location)
    with pytest.raises(IntegrityError), transaction.atomic():
        Ticket.objects.create(
            agency=ticket.agency,
            location=location,
            service=service_a,
            day=ticket.day,
            prefix="A",
            number=ticket.number,
            source=Ticket.Source.KIOSK,
            queue_class=Ticket.QueueClass.WALK_IN,
            queued_at=ticket.queued_at,
            issued_at=ticket.issued_at,
        )


def test_issuing_records_an_event(service_a, location, no_scope):
    ticket = issue(service_a, location)
    event = TicketEvent.objects.get(ticket=ticket)
    assert (event.action, event.from_status, event.to_status) == ("issued", "", "waiting")
    assert event.location == location and event.agency == service_a.agency


# Quota and opening hours ---------------------------------------------------------------------


def test_daily_quota_refuses_once_full_and_restarts_the_next_day(
    monkeypatch, service_a, location, no_scope
):
    DailyQuota.objects.create(
        agency=service_a.agency, service=service_a, location=location, limit=2
    )
    travel(monkeypatch, datetime(2026, 11, 27, 9, 0, tzinfo=WITA))
    issue(service_a, location)
    issue(service_a, location)
    with pytest.raises(QuotaFull, match="Kuota KTP-el hari ini"):
        issue(service_a, location)
    assert Ticket.objects.filter(service=service_a).count() == 2
    travel(monkeypatch, datetime(2026, 11, 28, 9, 0, tzinfo=WITA))
    assert issue(service_a, location).display_number == "A-001"


def test_quota_full_leaves_the_number_sequence_untouched(service_a, service_a2, location, no_scope):
    service_a2.queue_prefix = "A"
    service_a2.save()
    DailyQuota.objects.create(
        agency=service_a.agency, service=service_a, location=location, limit=1
    )
    issue(service_a, location)
    with pytest.raises(QuotaFull):
        issue(service_a, location)
    assert issue(service_a2, location).display_number == "A-002"


@pytest.mark.parametrize(
    ("hour", "message"),
    [(7, "Belum buka. Antrian dibuka pukul 08.00"), (15, "Sudah tutup")],
)
def test_no_ticket_outside_opening_hours(monkeypatch, service_a, location, hour, message, no_scope):
    AgencySchedule.objects.filter(agency=service_a.agency).update(
        opens_at=time(8), closes_at=time(14, 30)
    )
    travel(monkeypatch, datetime(2026, 11, 26, hour, 0, tzinfo=WITA))
    with pytest.raises(ServiceClosed, match=message):
        issue(service_a, location)


def test_no_ticket_on_a_day_the_agency_is_absent(monkeypatch, service_a, location, no_scope):
    AgencySchedule.objects.filter(agency=service_a.agency, weekday=4).delete()
    travel(monkeypatch, datetime(2026, 11, 27, 9, 0, tzinfo=WITA))  # a Friday
    with pytest.raises(ServiceClosed, match="tidak melayani di lokasi ini pada hari Jumat"):
        issue(service_a, location)


def test_no_ticket_for_an_inactive_service_or_one_not_offered_here(service_a, location):
    from tests.factories import LocationFactory

    with pytest.raises(ServiceClosed, match="tidak tersedia di"):
        issue(service_a, LocationFactory(name="Gedung Lain"))
    service_a.is_active = False
    service_a.save()
    with pytest.raises(ServiceClosed, match="tidak tersedia"):
        issue(service_a, location)


def test_unknown_priority_is_refused(service_a, location):
    with pytest.raises(DomainError) as refused:
        issue(service_a, location, priority="vip")
    assert refused.value.status == 422


# Call order ----------------------------------------------------------------------------------


def test_call_next_serves_priority_then_bookings_then_arrival(
    service_a, location, counter_a, operator_a, in_a
):
    walk_in_1 = issue(service_a, location)
    walk_in_2 = issue(service_a, location)
    booked = issue(
        service_a,
        location,
        source=Ticket.Source.BOOKING,
        booked_slot_start=clock.now() + timedelta(minutes=10),
    )
    elder = issue(service_a, location, priority=Priority.LANSIA)
    called = []
    for _ in range(4):
        ticket = queue.ticket_call_next(counter=counter_a, operator=operator_a)
        called.append(ticket.pk)
        queue.ticket_start(ticket=ticket, operator=operator_a)
        queue.ticket_finish(ticket=ticket, operator=operator_a)
    assert called == [elder.pk, booked.pk, walk_in_1.pk, walk_in_2.pk]
    assert queue.ticket_call_next(counter=counter_a, operator=operator_a) is None


def test_call_next_takes_only_the_counters_services_at_its_location_of_today(
    monkeypatch, service_a, service_a2, location, counter_a, operator_a, in_a
):
    travel(monkeypatch, datetime(2026, 11, 26, 9, 0, tzinfo=WITA))
    issue(service_a, location)  # yesterday's, never called today
    travel(monkeypatch, datetime(2026, 11, 27, 9, 0, tzinfo=WITA))
    issue(service_a2, location)  # a service counter 1 does not serve
    assert queue.ticket_call_next(counter=counter_a, operator=operator_a) is None
    today = issue(service_a, location)
    called = queue.ticket_call_next(counter=counter_a, operator=operator_a)
    assert called.pk == today.pk
    assert (called.status, called.counter, called.operator) == (
        Status.CALLED,
        counter_a,
        operator_a,
    )
    event = called.events.last()
    assert (event.action, event.from_status, event.to_status) == ("called", "waiting", "called")
    assert event.counter == counter_a and event.actor == operator_a


def test_a_call_keeps_the_tickets_agency_when_its_service_moved_since(
    service_a, agency_b, location, counter_a, operator_a, in_a
):
    issued = issue(service_a, location)
    with scopes_disabled():
        Service.objects.filter(pk=service_a.pk).update(agency=agency_b)
    called = queue.ticket_call_next(counter=counter_by_id(counter_a.pk), operator=operator_a)
    assert called.pk == issued.pk
    assert called.agency_id == called.agency.pk == issued.agency_id != agency_b.pk
    with scopes_disabled():
        assert called.events.last().agency_id == issued.agency_id


def test_call_next_refused_while_a_ticket_is_active_at_the_counter(
    service_a, location, counter_a, operator_a, in_a
):
    issue(service_a, location)
    issue(service_a, location)
    queue.ticket_call_next(counter=counter_a, operator=operator_a)
    with pytest.raises(CounterUnavailable, match="Selesaikan tiket"):
        queue.ticket_call_next(counter=counter_a, operator=operator_a)
    assert Ticket.objects.filter(status=Status.CALLED).count() == 1


def test_call_next_refused_on_a_closed_paused_or_foreign_counter(
    agency_a, service_a, location, counter_a, operator_a, in_a
):
    issue(service_a, location)
    colleague = UserFactory()
    with pytest.raises(CounterUnavailable, match="Buka loket"):
        queue.ticket_call_next(counter=counter_a, operator=colleague)
    queue.counter_pause(counter=counter_a, operator=operator_a, reason="break")
    with pytest.raises(CounterUnavailable, match="jeda"):
        queue.ticket_call_next(counter=counter_a, operator=operator_a)
    queue.counter_resume(counter=counter_a, operator=operator_a)
    queue.counter_close(counter=counter_a, operator=operator_a)
    with pytest.raises(CounterUnavailable, match="Buka loket"):
        queue.ticket_call_next(counter=counter_a, operator=operator_a)
    assert Ticket.objects.get().status == Status.WAITING


def test_calling_a_specific_ticket_out_of_order_records_the_reason(
    service_a, location, counter_a, operator_a, in_a
):
    issue(service_a, location)
    later = issue(service_a, location)
    with pytest.raises(DomainError, match="alasan"):
        queue.ticket_call(ticket=later, counter=counter_a, operator=operator_a, reason="  ")
    called = queue.ticket_call(
        ticket=later, counter=counter_a, operator=operator_a, reason="Berkas sudah diperiksa"
    )
    assert called.status == Status.CALLED
    assert called.events.last().note == "Berkas sudah diperiksa"


def test_calling_a_ticket_of_a_service_the_counter_does_not_serve_is_refused(
    service_a2, location, counter_a, operator_a, in_a
):
    other = issue(service_a2, location)
    with pytest.raises(CounterUnavailable, match="tidak melayani"):
        queue.ticket_call(ticket=other, counter=counter_a, operator=operator_a, reason="Lansia")
    other.refresh_from_db()
    assert other.status == Status.WAITING


# Transitions ---------------------------------------------------------------------------------


def bring_to(status, *, service, location, counter, operator) -> Ticket:
    """A ticket of today in the given status, reached through the engine itself."""
    ticket = issue(service, location)
    if status == Status.WAITING:
        return ticket
    if status == Status.CANCELLED:
        return queue.ticket_cancel(ticket=ticket, actor=operator)
    ticket = queue.ticket_call(ticket=ticket, counter=counter, operator=operator, reason="uji")
    steps = {
        Status.CALLED: [],
        Status.SERVING: [queue.ticket_start],
        Status.DONE: [queue.ticket_start, queue.ticket_finish],
        Status.NO_SHOW: [queue.ticket_no_show],
    }
    for step in steps[status]:
        ticket = step(ticket=ticket, operator=operator)
    return ticket


def act(action, ticket, operator, target=None):
    if action == "transfer":
        return queue.ticket_transfer(ticket=ticket, operator=operator, service=target)
    if action == "cancel":
        return queue.ticket_cancel(ticket=ticket, actor=operator)
    return getattr(queue, f"ticket_{action}")(ticket=ticket, operator=operator)


ALLOWED = {
    "recall": {Status.CALLED: Status.CALLED},
    "start": {Status.CALLED: Status.SERVING},
    "finish": {Status.SERVING: Status.DONE},
    "no_show": {Status.CALLED: Status.NO_SHOW},
    "send_back": {Status.CALLED: Status.WAITING},
    "cancel": {Status.WAITING: Status.CANCELLED, Status.CALLED: Status.CANCELLED},
    "transfer": {Status.SERVING: Status.TRANSFERRED},
}
STARTS = [Status.WAITING, Status.CALLED, Status.SERVING, Status.DONE, Status.NO_SHOW]
STARTS_ALL = [*STARTS, Status.CANCELLED]


@pytest.mark.parametrize("action", list(ALLOWED))
@pytest.mark.parametrize("start", STARTS_ALL)
def test_every_transition_is_allowed_or_refused_per_the_rules(
    action, start, service_a, service_b, location, counter_a, operator_a, in_a
):
    ticket = bring_to(
        start, service=service_a, location=location, counter=counter_a, operator=operator_a
    )
    events_before = ticket.events.count()
    expected = ALLOWED[action].get(start)
    if expected is None:
        with pytest.raises(InvalidTransition, match=ticket.display_number):
            act(action, ticket, operator_a, target=service_b)
        ticket.refresh_from_db()
        assert ticket.status == start
        assert ticket.events.count() == events_before
        return
    act(action, ticket, operator_a, target=service_b)
    ticket.refresh_from_db()
    assert ticket.status == expected
    event = ticket.events.last()
    assert (event.from_status, event.to_status) == (start, expected)
    assert event.actor == operator_a


def test_recall_counts_and_is_announced_again(service_a, location, counter_a, operator_a, in_a):
    ticket = bring_to(
        Status.CALLED, service=service_a, location=location, counter=counter_a, operator=operator_a
    )
    ticket = queue.ticket_recall(ticket=ticket, operator=operator_a)
    ticket = queue.ticket_recall(ticket=ticket, operator=operator_a)
    assert ticket.recall_count == 2
    assert list(ticket.events.values_list("action", flat=True)) == [
        "issued",
        "called",
        "recalled",
        "recalled",
    ]


def test_send_back_puts_the_visitor_at_the_end_of_the_line(
    service_a, location, counter_a, operator_a, in_a
):
    first = issue(service_a, location)
    second = issue(service_a, location)
    queue.ticket_call_next(counter=counter_a, operator=operator_a)
    sent_back = queue.ticket_send_back(ticket=first, operator=operator_a)
    assert (sent_back.counter, sent_back.operator, sent_back.called_at) == (None, None, None)
    assert queue.ticket_call_next(counter=counter_a, operator=operator_a).pk == second.pk


def test_only_the_operator_holding_the_ticket_may_work_it(
    agency_a, service_a, location, counter_a, operator_a, in_a
):
    ticket = bring_to(
        Status.CALLED, service=service_a, location=location, counter=counter_a, operator=operator_a
    )
    colleague = UserFactory()
    for action in ("recall", "start", "no_show", "send_back"):
        with pytest.raises(NotYourTicket):
            act(action, ticket, colleague)
    ticket.refresh_from_db()
    assert ticket.status == Status.CALLED


def test_transfer_keeps_number_and_code_and_joins_the_other_agencys_queue(
    agency_b, service_a, service_b, location, counter_a, counter_b, operator_a, operator_b
):
    with scope(agency=service_a.agency):
        ticket = bring_to(
            Status.SERVING,
            service=service_a,
            location=location,
            counter=counter_a,
            operator=operator_a,
        )
        issue(service_b, location)  # already waiting at B
        moved = queue.ticket_transfer(ticket=ticket, operator=operator_a, service=service_b)
        ticket.refresh_from_db()
    assert ticket.status == Status.TRANSFERRED and ticket.finished_at is not None
    assert (moved.display_number, moved.code) == (ticket.display_number, ticket.code)
    assert (moved.agency, moved.service, moved.status) == (agency_b, service_b, Status.WAITING)
    assert moved.transferred_from == ticket
    with scope(agency=agency_b):
        first = queue.ticket_call_next(counter=counter_b, operator=operator_b)
        assert first.display_number == "S-001"
        queue.ticket_no_show(ticket=first, operator=operator_b)
        assert queue.ticket_call_next(counter=counter_b, operator=operator_b).pk == moved.pk


def test_transfer_to_the_same_or_a_closed_service_is_refused(
    service_a, location, counter_a, operator_a, in_a
):
    ticket = bring_to(
        Status.SERVING, service=service_a, location=location, counter=counter_a, operator=operator_a
    )
    with pytest.raises(DomainError, match="layanan lain"):
        queue.ticket_transfer(ticket=ticket, operator=operator_a, service=service_a)
    inactive = ServiceFactory(agency=service_a.agency, is_active=False, locations=[location])
    with pytest.raises(ServiceClosed):
        queue.ticket_transfer(ticket=ticket, operator=operator_a, service=inactive)
    ticket.refresh_from_db()
    assert ticket.status == Status.SERVING


def test_the_database_holds_an_operator_to_one_active_ticket(
    agency_a, service_a, location, counter_a, operator_a, in_a
):
    bring_to(
        Status.CALLED, service=service_a, location=location, counter=counter_a, operator=operator_a
    )
    other = issue(service_a, location)
    second_counter = CounterFactory(agency=agency_a, location=location, number=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Ticket.objects.filter(pk=other.pk).update(
            status=Status.CALLED, operator=operator_a, counter=second_counter
        )


# Agency isolation ----------------------------------------------------------------------------


def test_an_operator_of_a_can_do_nothing_to_bs_tickets_or_counters(
    service_b, location, counter_a, counter_b, operator_a
):
    with scopes_disabled():
        ticket_b = issue(service_b, location)
    with scope(agency=counter_a.agency):
        for action in ("recall", "start", "finish", "no_show", "send_back", "cancel"):
            with pytest.raises(DomainError) as refused:
                act(action, ticket_b, operator_a)
            assert refused.value.status == 404
        with pytest.raises(DomainError) as refused:
            queue.ticket_call_next(counter=counter_b, operator=operator_a)
        assert refused.value.status == 404
        with pytest.raises(DomainError):
            queue.ticket_call(ticket=ticket_b, counter=counter_a, operator=operator_a, reason="x")
        assert queue.ticket_call_next(counter=counter_a, operator=operator_a) is None
    with scopes_disabled():
        ticket_b.refresh_from_db()
    assert ticket_b.status == Status.WAITING


# Query budgets -------------------------------------------------------------------------------


def test_issuing_and_calling_take_few_round_trips(
    service_a, location, counter_a, operator_a, in_a, django_assert_max_num_queries
):
    issue(service_a, location)
    # Hours and offer, the quota's limit, the tally's and the number's upserts, the ticket,
    # its event, the place in line: the line's interleave, its kind ahead, the other kind
    # put before it (+ savepoint).
    with django_assert_max_num_queries(11):
        issue(service_a, location)
    # The counter's lock with its pause and busy checks, the lines' interleaves, the
    # start of each line, the SKIP LOCKED pick of the whole ticket, the update, its event
    # (+ savepoint), whether anyone waiting left a number to be told. The counter comes
    # with its location and the service from the reference data, as the API reads them.
    counter = counter_by_id(counter_a.pk)
    service_by_id(service_a.pk)
    with django_assert_max_num_queries(9):
        queue.ticket_call_next(counter=counter, operator=operator_a)


def test_ahead_when_issued_counts_as_the_ticket_page_does(service_a, location, monkeypatch):
    """Counted when issued, it agrees with ticket_position for every class."""
    from counters.queue.selectors.tickets import ticket_position

    travel(monkeypatch, datetime(2026, 12, 7, 9, 0, tzinfo=WITA))
    booked = {"source": Ticket.Source.BOOKING}
    kinds = [
        {},
        {"priority": Priority.LANSIA},
        {},
        {**booked, "booked_slot_start": datetime(2026, 12, 7, 10, 0, tzinfo=WITA)},
        {**booked, "booked_slot_start": datetime(2026, 12, 7, 8, 30, tzinfo=WITA)},
        {"priority": Priority.ANAK},
        {},
    ]
    counted = []
    for kind in kinds:
        ticket = issue(service_a, location, **kind)
        with scopes_disabled():
            stored = Ticket.objects.select_related("service").get(pk=ticket.pk)
        assert ticket.position_when_issued == ticket_position(stored)
        counted.append(ticket.position_when_issued.ahead)
    assert counted == [0, 0, 2, 1, 1, 1, 6]


def quota(service, location, limit):
    with scopes_disabled():
        DailyQuota.objects.create(
            agency=service.agency, service=service, location=location, limit=limit
        )


def test_a_transfer_into_a_full_service_goes_through_and_counts_toward_its_quota(
    service_a, service_b, location, counter_a, operator_a
):
    """The transferred visitor is already in the hall and keeps their place: the target's
    walk-in quota never refuses them, but their ticket is one of the day's."""
    quota(service_b, location, limit=2)
    issue(service_b, location)
    with scope(agency=service_a.agency):
        serving = bring_to(
            Status.SERVING,
            service=service_a,
            location=location,
            counter=counter_a,
            operator=operator_a,
        )
        moved = queue.ticket_transfer(ticket=serving, operator=operator_a, service=service_b)
    assert moved.status == Status.WAITING
    with pytest.raises(QuotaFull):
        issue(service_b, location)
    with scope(agency=service_a.agency):
        other = bring_to(
            Status.SERVING,
            service=service_a,
            location=location,
            counter=counter_a,
            operator=operator_a,
        )
        queue.ticket_transfer(ticket=other, operator=operator_a, service=service_b)
    with scopes_disabled():
        assert Ticket.objects.filter(service=service_b, status=Status.WAITING).count() == 3


def test_every_recorded_change_is_one_of_the_model_transitions(
    service_a, service_a2, location, counter_a, operator_a, in_a
):
    """Each action, through the service that applies it, moves a ticket exactly as
    Ticket.TRANSITIONS says (a ticket's first event: into the waiting line)."""
    queue.ticket_issue(service=service_a, location=location)
    called = queue.ticket_call_next(counter=counter_a, operator=operator_a)
    queue.ticket_recall(ticket=called, operator=operator_a)
    queue.ticket_send_back(ticket=called, operator=operator_a)
    called = queue.ticket_call_next(counter=counter_a, operator=operator_a)
    queue.ticket_no_show(ticket=called, operator=operator_a)
    for ending in ("finish", "transfer"):
        queue.ticket_issue(service=service_a, location=location)
        called = queue.ticket_call_next(counter=counter_a, operator=operator_a)
        serving = queue.ticket_start(ticket=called, operator=operator_a)
        if ending == "finish":
            queue.ticket_finish(ticket=serving, operator=operator_a)
        else:
            moved = queue.ticket_transfer(ticket=serving, operator=operator_a, service=service_a2)
    queue.ticket_cancel(ticket=moved, actor=operator_a, reason="pulang")
    # Two tickets from phones: one checks in and is called, the other lapses at its turn.
    DailyQuota.objects.create(
        agency=service_a.agency, service=service_a, location=location, limit=99, online_limit=9
    )
    for nik in ("6408011505900001", "6408015505920002"):
        queue.ticket_take_online(
            service=service_a, location=location, nik=nik, phone="081234567890"
        )
    checked_in = queue.ticket_check_in(
        ticket=Ticket.objects.get(nik="6408015505920002"), location=location
    )
    assert queue.ticket_call_next(counter=counter_a, operator=operator_a).pk == checked_in.pk

    events = list(TicketEvent.objects.all())
    assert {event.action for event in events} == set(TicketEvent.Action.values)
    for event in events:
        allowed, to = Ticket.TRANSITIONS[event.action]
        if event.from_status == "":
            assert event.to_status == Ticket.TRANSITIONS[TicketEvent.Action.ISSUED][1]
        else:
            assert (event.from_status in allowed, event.to_status) == (True, to), event
