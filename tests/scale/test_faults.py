"""Faults: workers killed (SIGKILL) in the middle of a burst of ticket issues and bookings
leave nothing half-written, no number twice and no slot over its capacity."""

import json
import os
import signal
import threading
import time
from datetime import timedelta

import psutil
import pytest
from django.db import connection, transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from counters.booking.selectors import booking_days, day_slots
from counters.models import (
    Booking,
    BookingSlot,
    DailyIssueCount,
    Ticket,
    TicketEvent,
    TicketSequence,
)
from services.models import ApiToken, hash_token
from tests.counters.conftest import open_all_week
from tests.factories import BookingScheduleFactory, ServiceFactory
from tests.machine import call
from tests.scale.nodes import app_nodes

pytestmark = pytest.mark.django_db(transaction=True)
CAPACITY = 4
TICKETS = 60
BOOKINGS = 24


def nik(serial: int) -> str:
    return f"64080115059{serial:05d}"


def stopped_in_ticket_transactions(count: int) -> None:
    """Wait until `count` other connections of this database wait for a lock."""
    deadline = time.monotonic() + 30
    with connection.cursor() as cursor:
        while True:
            # Inside a transaction the activity view is a snapshot unless cleared.
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0] >= count:
                return
            assert time.monotonic() < deadline, "the workers never reached the held lock"
            time.sleep(0.01)


def workers_of(master: int) -> list[int]:
    return [child.pid for child in psutil.Process(master).children()]


@pytest.fixture
def burst_setup(agency_a, location):
    open_all_week(agency_a, location)
    service = ServiceFactory(
        agency=agency_a, slug="ktp-el", queue_prefix="A", is_bookable=True, locations=[location]
    )
    schedule = BookingScheduleFactory(
        service=service,
        agency=agency_a,
        location=location,
        weekdays=list(range(7)),
        capacity=CAPACITY,
    )
    with scopes_disabled():
        tomorrow = timezone.localdate() + timedelta(days=1)
        day = next(d.date for d in booking_days(schedule) if d.is_open and d.date >= tomorrow)
        slot = day_slots(schedule, day)[0]
    kiosk = ApiToken.generate()
    ApiToken.objects.create(name="kios", key_hash=hash_token(kiosk), kiosk_location=location)
    return {"kiosk": kiosk, "slot": slot, "location": location}


@pytest.mark.usefixtures("database_route")
def test_a_worker_killed_mid_burst_leaves_nothing_half_written(redis_url, burst_setup):
    location = burst_setup["location"].slug
    ticket_body = json.dumps({"service": "instansi-a/ktp-el", "location": location}).encode()
    jobs = [("ticket", None)] * TICKETS + [("booking", n) for n in range(1, BOOKINGS + 1)]
    answers: list[tuple[str, int, bytes]] = []
    lock = threading.Lock()

    with app_nodes(redis_url, count=1, workers=2, BOOKING_LIMIT_PER_ADDRESS="1000") as [
        (url, master)
    ]:

        def work(share):
            for kind, serial in share:
                if kind == "ticket":
                    answer = call(
                        f"{url}/api/v1/tickets",
                        method="POST",
                        token=burst_setup["kiosk"],
                        body=ticket_body,
                    )
                else:
                    body = {
                        "service": "instansi-a/ktp-el",
                        "location": location,
                        "start": burst_setup["slot"].starts_at.isoformat(),
                        "name": f"Warga {serial}",
                        "nik": nik(serial),
                        "phone": "081234567890",
                    }
                    answer = call(
                        f"{url}/api/v1/bookings", method="POST", body=json.dumps(body).encode()
                    )
                with lock:
                    answers.append((kind, *answer))

        shares = [jobs[index::6] for index in range(6)]
        threads = [threading.Thread(target=work, args=(share,)) for share in shares]
        for thread in threads:
            thread.start()
        while len(answers) < 15:
            time.sleep(0.01)
        victims = workers_of(master.pid)
        with transaction.atomic(), scopes_disabled():
            # Holding the number sequence stops both workers inside a ticket's transaction,
            # one of them with the day's tally already counted: the kill surely lands
            # between two writes that must stand or fall together.
            TicketSequence.objects.select_for_update().get()
            stopped_in_ticket_transactions(len(victims))
            for victim in victims:
                os.kill(victim, signal.SIGKILL)
        for thread in threads:
            thread.join(120)

        # The master replaces the dead workers and the node keeps answering.
        assert not set(victims) & set(workers_of(master.pid))
        assert call(f"{url}/healthz")[0] == 200

    def codes(wanted: str) -> list[str]:
        return [
            json.loads(body)["code"]
            for kind, status, body in answers
            if kind == wanted and status == 201
        ]

    issued, booked = codes("ticket"), codes("booking")
    cut = sum(1 for _kind, status, _body in answers if status == 0)
    # Both workers were inside a request: the kill cut them. 0: that request died with its
    # worker; 409: the slot was full. Nothing else, no 5xx.
    assert cut >= 1
    assert all(status in (0, 201, 409) for _kind, status, _body in answers), answers
    with scopes_disabled():
        tickets = list(Ticket.objects.order_by("number"))
        # Every ticket the kiosk was told of exists; none exists without its audit row.
        assert set(issued) <= {ticket.code for ticket in tickets}
        assert set(TicketEvent.objects.values_list("ticket_id", flat=True)) == {
            t.pk for t in tickets
        }
        # Numbers are consecutive from 1: a killed transaction took its number with it.
        assert [ticket.number for ticket in tickets] == list(range(1, len(tickets) + 1))
        assert DailyIssueCount.objects.get().issued == len(tickets)
        bookings = Booking.objects.all()
        assert set(booked) <= set(bookings.values_list("code", flat=True))
        # Full, never over: a killed booking gave its seat back to the next one.
        assert bookings.count() == CAPACITY
        assert BookingSlot.objects.get().booked == CAPACITY
    # A killed request may have committed before its answer was lost, never the reverse.
    assert len(issued) + cut >= len(tickets) >= len(issued) >= TICKETS - cut
