"""Real parallel transactions on PostgreSQL: numbers, calls, quota and racing actions."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django_scopes import scope, scopes_disabled

from common import clock
from counters.models import (
    DailyIssueCount,
    DailyQuota,
    Priority,
    QueueSetting,
    Ticket,
    TicketEvent,
)
from counters.queue import services as queue
from counters.queue.errors import InvalidTransition, QuotaFull
from counters.queue.services import tickets as engine
from tests.factories import CounterFactory, MembershipFactory, UserFactory

# Each test runs on direct connections and through PgBouncer in transaction pooling mode.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("database_route")]


def run_parallel(count: int, work) -> list:
    """Run work(i) in `count` threads released at the same instant; results or exceptions."""
    barrier = threading.Barrier(count, timeout=60)

    def worker(index):
        try:
            barrier.wait()
            return work(index)
        except Exception as error:  # noqa: BLE001 — the test inspects what each thread got
            return error
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(worker, range(count)))


def widen_race_window(monkeypatch, name: str, *, before: bool = False, module=engine) -> None:
    """Hold each thread a moment before or after the step `name` of `module` (the queue
    engine's by default), so that the threads are surely inside the critical section
    together: without the lock, it fails."""
    original = getattr(module, name)

    def slowed(*args, **kwargs):
        if before:
            time.sleep(0.05)
        result = original(*args, **kwargs)
        if not before:
            time.sleep(0.05)
        return result

    monkeypatch.setattr(module, name, slowed)


def test_fifty_parallel_issues_get_fifty_distinct_consecutive_numbers(service_a, location):
    results = run_parallel(
        50, lambda _i: queue.ticket_issue(service=service_a, location=location).number
    )
    assert sorted(results) == list(range(1, 51))


@pytest.mark.parametrize("priority_run", [None, 2])
def test_parallel_call_next_on_several_counters_never_calls_a_ticket_twice(
    monkeypatch, agency_a, service_a, location, priority_run
):
    """Also when the agency interleaves regular visitors among priority ones: every
    counter still takes a ticket of its own from the sequence."""
    counters_count, rounds = 10, 5
    with scopes_disabled():
        QueueSetting.objects.create(agency=agency_a, priority_run=priority_run)
    for number in range(counters_count * rounds):
        priority = Priority.LANSIA if number % 3 else None
        queue.ticket_issue(service=service_a, location=location, priority=priority)
    counters = []
    with scope(agency=agency_a):
        for number in range(1, counters_count + 1):
            operator = UserFactory()
            MembershipFactory(agency=agency_a, user=operator)
            counter = CounterFactory(
                agency=agency_a, location=location, number=number, services=[service_a]
            )
            counters.append((queue.counter_open(counter=counter, operator=operator), operator))
    # A timeout turns a thread that failed mid-round into a failure, not a hang.
    each_round = threading.Barrier(counters_count, timeout=60)
    widen_race_window(monkeypatch, "_mark_called", before=True)

    def work_counter(index):
        counter, operator = counters[index]
        called = []
        with scope(agency=agency_a):
            for _ in range(rounds):
                each_round.wait()  # every counter presses "call" at the same instant
                ticket = queue.ticket_call_next(counter=counter, operator=operator)
                called.append(ticket.pk)
                queue.ticket_start(ticket=ticket, operator=operator)
                queue.ticket_finish(ticket=ticket, operator=operator)
        return called

    results = run_parallel(counters_count, work_counter)
    assert not [result for result in results if isinstance(result, Exception)]
    called = [pk for result in results for pk in result]
    assert len(called) == len(set(called)) == counters_count * rounds
    with scopes_disabled():
        assert TicketEvent.objects.filter(action="called").count() == counters_count * rounds
        assert set(Ticket.objects.values_list("status", flat=True)) == {"done"}


def test_daily_quota_under_a_parallel_rush_issues_exactly_the_quota(service_a, location):
    with scopes_disabled():
        DailyQuota.objects.create(
            agency=service_a.agency, service=service_a, location=location, limit=20
        )
    results = run_parallel(40, lambda _i: queue.ticket_issue(service=service_a, location=location))
    issued = [result for result in results if isinstance(result, Ticket)]
    refused = [result for result in results if isinstance(result, QuotaFull)]
    assert len(issued) == 20 and len(refused) == 20
    assert sorted(ticket.number for ticket in issued) == list(range(1, 21))
    with scopes_disabled():
        assert Ticket.objects.count() == 20


def test_booked_visitors_racing_walk_ins_for_the_last_places_are_all_served(service_a, location):
    """Check-ins count toward the quota under the same lock but are never refused: every
    booked visitor gets a ticket, walk-ins never go past the quota, numbers stay
    consecutive and the tally counts every ticket."""
    with scopes_disabled():
        DailyQuota.objects.create(
            agency=service_a.agency, service=service_a, location=location, limit=10
        )

    def work(index):
        if index % 2:
            return queue.ticket_issue(
                service=service_a,
                location=location,
                source=Ticket.Source.BOOKING,
                booked_slot_start=clock.now(),
            )
        return queue.ticket_issue(service=service_a, location=location)

    results = run_parallel(40, work)
    booked = [r for r in results if isinstance(r, Ticket) and r.source == Ticket.Source.BOOKING]
    walk_ins = [r for r in results if isinstance(r, Ticket) and r not in booked]
    refused = [r for r in results if isinstance(r, QuotaFull)]
    assert len(booked) == 20 and len(walk_ins) <= 10
    assert len(walk_ins) + len(refused) == 20
    numbers = sorted(ticket.number for ticket in booked + walk_ins)
    assert numbers == list(range(1, len(numbers) + 1))
    with scopes_disabled():
        assert DailyIssueCount.objects.get().issued == Ticket.objects.count() == len(numbers)


@pytest.mark.parametrize("attempt", range(3))
def test_finish_racing_no_show_exactly_one_wins(
    monkeypatch, attempt, agency_a, service_a, location, counter_a, operator_a
):
    with scope(agency=agency_a):
        queue.ticket_issue(service=service_a, location=location)
        ticket = queue.ticket_call_next(counter=counter_a, operator=operator_a)
    widen_race_window(monkeypatch, "_lock_ticket")

    def work(index):
        with scope(agency=agency_a):
            if index == 0:
                started = queue.ticket_start(ticket=ticket, operator=operator_a)
                return queue.ticket_finish(ticket=started, operator=operator_a).status
            return queue.ticket_no_show(ticket=ticket, operator=operator_a).status

    finished, skipped = run_parallel(2, work)
    outcomes = [r for r in (finished, skipped) if not isinstance(r, Exception)]
    errors = [r for r in (finished, skipped) if isinstance(r, Exception)]
    assert len(outcomes) == 1 and len(errors) == 1
    assert isinstance(errors[0], InvalidTransition)
    with scopes_disabled():
        ticket.refresh_from_db()
        assert ticket.status == outcomes[0]
        terminal = ticket.events.filter(action__in=["finished", "no_show"]).count()
    assert terminal == 1
