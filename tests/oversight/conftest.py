"""Fixtures of the watch's tests: two agencies' lines at one location, a clock set by hand."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django_scopes import scope, scopes_disabled

from common import clock
from counters.models import Ticket
from counters.queue import services as queue
from tests.counters.conftest import open_all_week
from tests.factories import CounterFactory, ServiceFactory

WITA = ZoneInfo("Asia/Makassar")
NOW = datetime(2026, 11, 2, 10, 0, tzinfo=WITA)  # a Monday morning


@pytest.fixture
def now(monkeypatch):
    """The one clock, at NOW unless a test moves it (now.set(moment))."""

    class Clock:
        moment = NOW

        def set(self, moment):
            self.moment = moment

    fixed = Clock()
    monkeypatch.setattr(clock, "now", lambda: fixed.moment)
    return fixed


def service_of(agency, location, prefix):
    open_all_week(agency, location)
    return ServiceFactory(agency=agency, queue_prefix=prefix, locations=[location])


@pytest.fixture
def service_a(agency_a, location):
    return service_of(agency_a, location, "A")


@pytest.fixture
def service_b(agency_b, location):
    return service_of(agency_b, location, "B")


def waiting(service, location, *, minutes_ago: list[int]) -> list[Ticket]:
    """Tickets waiting in the service's line, taken these many minutes before NOW."""
    made = []
    with scopes_disabled():
        for number, ago in enumerate(sorted(minutes_ago, reverse=True), start=1):
            issued = NOW - timedelta(minutes=ago)
            made.append(
                Ticket.objects.create(
                    agency=service.agency,
                    location=location,
                    service=service,
                    day=NOW.date(),
                    prefix=service.queue_prefix,
                    number=number,
                    source=Ticket.Source.KIOSK,
                    queue_class=Ticket.QueueClass.WALK_IN,
                    queued_at=issued,
                    issued_at=issued,
                )
            )
    return made


def open_counter(service, location, operator, number=1):
    counter = CounterFactory(
        agency=service.agency, location=location, number=number, services=[service]
    )
    with scope(agency=service.agency):
        return queue.counter_open(counter=counter, operator=operator)
