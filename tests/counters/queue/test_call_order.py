"""The call order with the agency's interleave: after N priority calls in a row, one regular
call. Call-next, the place in line and the console's list must tell the same order."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django_scopes import scopes_disabled

from common import clock
from counters.models import Priority, QueueSetting, Ticket
from counters.queue import services as queue
from counters.queue.models import Interleave
from counters.queue.selectors.console import console_state
from counters.queue.selectors.counters import counter_by_id
from counters.queue.selectors.reference import service_by_id
from counters.queue.selectors.tickets import ticket_position, tickets_ahead

pytestmark = pytest.mark.django_db

# A line by arrival: P a priority visitor, B a checked-in booking, W a walk-in.
MIXED_LINE = "PWPBPPWBPPPWPWB"


def set_priority_run(agency, every):
    with scopes_disabled():
        QueueSetting.objects.create(agency=agency, priority_run=every)


def issue_line(service, location, kinds: str, *, names: str = "") -> dict[str, Ticket]:
    """Issue one ticket per letter; bookings get slots in the reverse of their arrival, so
    that their own order (by slot) differs from the order they came in."""
    tickets = {}
    names = names.split() or [f"{kind}{index}" for index, kind in enumerate(kinds)]
    bookings = kinds.count("B")
    for index, kind in enumerate(kinds):
        extra = {}
        if kind == "P":
            extra = {"priority": Priority.LANSIA}
        elif kind == "B":
            bookings -= 1
            slot = clock.now() + timedelta(minutes=10 * bookings)
            extra = {"source": Ticket.Source.BOOKING, "booked_slot_start": slot}
        ticket = queue.ticket_issue(service=service, location=location, **extra)
        tickets[names[index]] = ticket
    return tickets


def call_all(counter, operator) -> list[Ticket]:
    called = []
    while ticket := queue.ticket_call_next(counter=counter, operator=operator):
        called.append(ticket)
        queue.ticket_start(ticket=ticket, operator=operator)
        queue.ticket_finish(ticket=ticket, operator=operator)
    return called


def make_streak(service, location, counter, operator, streak: int) -> None:
    """`streak` priority visitors called in a row, with nobody else waiting."""
    issue_line(service, location, "P" * streak)
    assert len(call_all(counter, operator)) == streak


def names_of(called, tickets) -> str:
    by_pk = {ticket.pk: name for name, ticket in tickets.items()}
    return " ".join(by_pk[ticket.pk] for ticket in called)


# The rule itself -----------------------------------------------------------------------------


def kinds_in_order(interleave: Interleave, line: str) -> str:
    priorities = [kind for kind in line if kind == "P"]
    regulars = [kind for kind in line if kind != "P"]
    return "".join(interleave.order(priorities, regulars))


@pytest.mark.parametrize(
    ("every", "streak", "line", "expected"),
    [
        (3, 0, "PPPPPPRRR", "PPPRPPPRR"),
        (3, 2, "PPPPPPRRR", "PRPPPRPPR"),
        (3, 5, "PPPPRR", "RPPPRP"),  # the streak went past the setting: a regular is due
        (1, 0, "PPPR", "PRPP"),  # the regular ones ran out: priority visitors go on
        (2, 0, "PRRRR", "PRRRR"),  # the priority ones ran out: regular visitors go on
        (None, 0, "RRPRP", "PPRRR"),
        (0, 4, "RRPRP", "PPRRR"),
    ],
)
def test_the_interleave_calls_one_regular_after_every_n_priority_calls(
    every, streak, line, expected
):
    assert kinds_in_order(Interleave(every=every, streak=streak), line) == expected


# Call-next -----------------------------------------------------------------------------------


def test_call_next_with_two_calls_a_regular_after_every_two_priority_visitors(
    agency_a, service_a, location, counter_a, operator_a, in_a
):
    set_priority_run(agency_a, 2)
    tickets = issue_line(service_a, location, "WPBPPWPPBP", names="w1 p1 b2 p2 p3 w2 p4 p5 b1 p6")
    called = call_all(counter_a, operator_a)
    # Bookings by their slot before walk-ins; priority visitors by arrival.
    assert names_of(called, tickets) == "p1 p2 b1 p3 p4 b2 p5 p6 w1 w2"


def test_a_streak_made_before_counts_toward_the_next_regular_call(
    agency_a, service_a, location, counter_a, operator_a, in_a
):
    set_priority_run(agency_a, 3)
    make_streak(service_a, location, counter_a, operator_a, 2)
    tickets = issue_line(service_a, location, "PPPPWW", names="p1 p2 p3 p4 w1 w2")
    assert names_of(call_all(counter_a, operator_a), tickets) == "p1 w1 p2 p3 p4 w2"


@pytest.mark.parametrize("every", [None, 0])
def test_without_a_setting_priority_visitors_always_come_first(
    agency_a, service_a, location, counter_a, operator_a, in_a, every
):
    if every is not None:
        set_priority_run(agency_a, every)
    tickets = issue_line(service_a, location, "WPBPPWP", names="w1 p1 b1 p2 p3 w2 p4")
    called = call_all(counter_a, operator_a)
    assert names_of(called, tickets) == "p1 p2 p3 p4 b1 w1 w2"


def test_the_streak_belongs_to_the_line_of_one_service(
    agency_a, service_a, service_a2, location, counter_a, operator_a, in_a
):
    """Priority calls of another service the counter serves leave this line's turn alone."""
    set_priority_run(agency_a, 1)
    counter_a.services.add(service_a2)
    other = issue_line(service_a2, location, "PP", names="k1 k2")
    line = issue_line(service_a, location, "PPW", names="p1 p2 w1")
    called = names_of(call_all(counter_a, operator_a), {**other, **line})
    # Across lines a priority visitor of any service comes first; within each line, one
    # regular call after every priority call, counted in that line only.
    assert called == "k1 k2 p1 w1 p2"


# One order for every reader ------------------------------------------------------------------


@pytest.mark.parametrize("streak", [0, 1, 3])
@pytest.mark.parametrize("every", [None, 0, 1, 2, 3])
def test_every_place_in_line_is_the_number_of_calls_before_it(
    agency_a, service_a, location, counter_a, operator_a, in_a, every, streak
):
    if every is not None:
        set_priority_run(agency_a, every)
    make_streak(service_a, location, counter_a, operator_a, streak)
    tickets = issue_line(service_a, location, MIXED_LINE)
    places = {ticket.pk: ticket_position(ticket).ahead for ticket in tickets.values()}
    listed = [ticket.pk for ticket in console_state(counter_a).waiting]

    called = [ticket.pk for ticket in call_all(counter_a, operator_a)]

    assert places == {pk: calls_before for calls_before, pk in enumerate(called)}
    assert listed == called


@pytest.mark.parametrize(("every", "streak"), [(None, 0), (1, 0), (2, 1), (3, 3)])
def test_on_a_counter_of_two_services_each_place_counts_the_calls_of_its_own_service(
    agency_a, service_a, service_a2, location, counter_a, operator_a, in_a, every, streak
):
    if every is not None:
        set_priority_run(agency_a, every)
    counter_a.services.add(service_a2)
    make_streak(service_a, location, counter_a, operator_a, streak)
    tickets = [
        *issue_line(service_a, location, MIXED_LINE).values(),
        *issue_line(service_a2, location, "WPPBWPPW").values(),
    ]
    places = {ticket.pk: ticket_position(ticket).ahead for ticket in tickets}
    listed = [ticket.pk for ticket in console_state(counter_a).waiting]

    called = call_all(counter_a, operator_a)

    for service in (service_a, service_a2):
        of_service = [ticket.pk for ticket in called if ticket.service_id == service.pk]
        assert {pk: places[pk] for pk in of_service} == {
            pk: calls_before for calls_before, pk in enumerate(of_service)
        }
    assert listed == [ticket.pk for ticket in called]


@pytest.mark.parametrize("every", [None, 1, 2, 3])
def test_the_start_of_the_sequence_is_read_from_the_start_of_each_line(
    agency_a, service_a, service_a2, location, counter_a, operator_a, in_a, every
):
    """call_sequence reads only `length` tickets of each kind of each line: the first ones
    of a long sequence come out the same as when everything is read."""
    if every is not None:
        set_priority_run(agency_a, every)
    make_streak(service_a, location, counter_a, operator_a, 1)
    issue_line(service_a, location, MIXED_LINE * 2)
    issue_line(service_a2, location, "WWPBWPPWPW")
    where = {"location_id": location.pk, "day": clock.today()}
    services = [service_a.pk, service_a2.pk]
    whole = Ticket.call_sequence(**where, service_ids=services, length=100)
    assert len(whole) == len(MIXED_LINE) * 2 + 10
    for length in range(1, 12):
        assert (
            Ticket.call_sequence(**where, service_ids=services, length=length) == (whole[:length])
        )


# Cost ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("length", [4, 60])
def test_a_place_in_line_is_counted_in_two_queries_however_long_the_line(
    agency_a, service_a, location, django_assert_num_queries, length
):
    set_priority_run(agency_a, 1)
    tickets = issue_line(service_a, location, "PW" * (length // 2))
    last_priority, last_regular = list(tickets.values())[-2:]
    # The line's interleave, and both kinds ahead counted in one statement; the interleave
    # once per version of the line.
    cache.clear()
    with django_assert_num_queries(2):
        assert tickets_ahead(last_priority) == length - 2
    with django_assert_num_queries(1):
        assert tickets_ahead(last_regular) == length - 1


@pytest.mark.parametrize("length", [4, 60])
def test_call_next_takes_as_many_queries_however_long_the_line(
    agency_a, service_a, location, counter_a, operator_a, in_a, django_assert_num_queries, length
):
    set_priority_run(agency_a, 2)
    issue_line(service_a, location, "PW" * (length // 2))
    service_by_id(service_a.pk)  # reference data, read once for every call
    counter = counter_by_id(counter_a.pk)  # with its location, as the API and console read it
    # The counter's lock (with the services it calls), the lines' interleaves with the ids
    # of their first tickets, those tickets' places in call order, the SKIP LOCKED pick of
    # one (the whole ticket), the update, its event (+ savepoint), whether anyone waiting
    # left a number.
    with django_assert_num_queries(9):
        assert queue.ticket_call_next(counter=counter, operator=operator_a).is_priority
