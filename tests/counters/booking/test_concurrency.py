"""Real parallel bookings on PostgreSQL: the capacity of a slot is never exceeded."""

import threading
import time
from collections import Counter

import pytest
from django.db import connection, transaction
from django.db.models import Count, Q
from django_scopes import scopes_disabled

from common import clock
from counters.booking.services import (
    BookingError,
    booking_check_in,
    booking_create,
    booking_mark_no_shows,
    booking_reschedule,
)
from counters.models import Booking, BookingEvent, BookingSlot
from tests.counters.booking.conftest import wita
from tests.counters.conftest import open_all_week

pytestmark = pytest.mark.django_db(transaction=True)

NOW = wita(2026, 12, 7, 7, 0)
SLOT = wita(2026, 12, 8, 9, 0)


def nik(number: int) -> str:
    return f"640801150590{number + 1:04d}"


def run_together(jobs):
    """Start every job at the same instant in its own thread and connection; return what
    each one returned or raised."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def worker(index, job):
        try:
            barrier.wait()
            results[index] = job()
        except Exception as error:  # noqa: BLE001 — collected and asserted on below
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=item) for item in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def outcome(result) -> str:
    if isinstance(result, Booking):
        return "booked"
    if isinstance(result, BookingError):
        return result.code
    return repr(result)


def seat_counts_match_bookings():
    with scopes_disabled():
        slots = BookingSlot.objects.annotate(
            active=Count("bookings", filter=Q(bookings__status__in=Booking.ACTIVE_STATUSES))
        )
        return all(slot.booked == slot.active <= slot.capacity for slot in slots)


def book(schedule, number, start=SLOT):
    return booking_create(
        schedule=schedule,
        starts_at=start,
        name=f"Warga {number}",
        nik=nik(number),
        phone="081234567890",
        now=NOW,
    )


@pytest.mark.usefixtures("database_route")
def test_thirty_simultaneous_bookings_of_three_seats_make_exactly_three(schedule):
    results = run_together([lambda n=n: book(schedule, n) for n in range(30)])
    outcomes = Counter(outcome(result) for result in results)
    assert outcomes == {"booked": 3, "slot_full": 27}
    with scopes_disabled():
        assert Booking.objects.filter(starts_at=SLOT).count() == 3
        assert BookingSlot.objects.get(starts_at=SLOT).booked == 3
    assert all(error.status == 409 for error in results if isinstance(error, BookingError))


@pytest.mark.usefixtures("database_route")
def test_reschedules_racing_new_bookings_into_the_last_seat_leave_one_winner(schedule):
    target = wita(2026, 12, 8, 10, 0)
    book(schedule, 100, start=target)
    book(schedule, 101, start=target)  # one seat left
    movers = [book(schedule, n, start=wita(2026, 12, 8, 8, 0) if n < 3 else SLOT) for n in range(6)]
    jobs = [
        lambda b=b: booking_reschedule(booking=b, schedule=schedule, starts_at=target, now=NOW)
        for b in movers
    ] + [lambda n=n: book(schedule, 200 + n, start=target) for n in range(6)]
    outcomes = Counter(outcome(result) for result in run_together(jobs))
    assert outcomes == {"booked": 1, "slot_full": 11}
    with scopes_disabled():
        assert BookingSlot.objects.get(starts_at=target).booked == 3
        assert Booking.objects.filter(starts_at=target, status="booked").count() == 3
    assert seat_counts_match_bookings()


@pytest.mark.usefixtures("database_route")
def test_the_same_nik_booking_two_slots_at_once_gets_one_booking(schedule):
    jobs = [lambda h=h: book(schedule, 7, start=wita(2026, 12, 8, h, 0)) for h in (8, 9, 10, 11)]
    outcomes = Counter(outcome(result) for result in run_together(jobs))
    assert outcomes == {"booked": 1, "duplicate_booking": 3}
    assert seat_counts_match_bookings()


@pytest.fixture
def short_lock_timeout():
    """DB_LOCK_TIMEOUT_MS of 100 ms on this test's connection."""
    with connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = '100ms'")
    yield
    with connection.cursor() as cursor:
        cursor.execute("RESET lock_timeout")


# Direct only: a session's lock_timeout is exactly what a transaction pooler does not keep.
def test_a_slot_locked_too_long_answers_busy_instead_of_hanging(schedule, short_lock_timeout):
    book(schedule, 0)  # the slot row exists
    locked, release = threading.Event(), threading.Event()

    def hold_the_slot():
        try:
            with transaction.atomic(), scopes_disabled():
                BookingSlot.objects.select_for_update().get(starts_at=SLOT)
                locked.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    holder = threading.Thread(target=hold_the_slot)
    holder.start()
    locked.wait(timeout=30)
    try:
        with pytest.raises(BookingError) as error:
            book(schedule, 1)
    finally:
        release.set()
        holder.join()
    assert error.value.code == "busy" and error.value.status == 409
    assert book(schedule, 1).status == Booking.Status.BOOKED


def wait_until_blocked_on_a_lock(seconds: float = 5.0) -> bool:
    """True once another connection waits for a row lock (bounded: `seconds`)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return True
        time.sleep(0.05)
    return False


def test_the_no_show_run_waits_for_a_check_in_in_progress_and_leaves_it_checked_in(
    schedule, location, monkeypatch
):
    """The kiosk checks the visitor in at 09.14 while the no-show run of 09.30 starts: the
    run must wait for the check-in's row lock and then leave that booking alone."""
    open_all_week(schedule.agency, location)
    schedule.service.locations.add(location)
    booking = book(schedule, 0)
    monkeypatch.setattr(clock, "now", lambda: wita(2026, 12, 8, 9, 14))
    checked_in, release, marked = threading.Event(), threading.Event(), []

    def check_in():
        try:
            with transaction.atomic():
                booking_check_in(code=booking.code, location=location)
                checked_in.set()
                release.wait(10)
        finally:
            connection.close()

    def mark_no_shows():
        try:
            checked_in.wait(10)
            marked.append(booking_mark_no_shows(now=wita(2026, 12, 8, 9, 30)))
        finally:
            connection.close()

    threads = [threading.Thread(target=check_in), threading.Thread(target=mark_no_shows)]
    for thread in threads:
        thread.start()
    checked_in.wait(10)
    blocked = wait_until_blocked_on_a_lock()
    release.set()
    for thread in threads:
        thread.join(15)
    assert blocked and marked == [0]
    with scopes_disabled():
        assert Booking.objects.get(pk=booking.pk).status == Booking.Status.CHECKED_IN
        assert not BookingEvent.objects.filter(action=BookingEvent.Action.NO_SHOW).exists()
