"""Fixtures of the case tests: a service promising five working days, fixed WITA times."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django_scopes import scope

from cases.services import case_open
from common import clock
from counters.queue import services as queue
from tests.counters.conftest import open_all_week
from tests.factories import CounterFactory, ServiceFactory, ServiceRequirementFactory

WITA = ZoneInfo("Asia/Makassar")


def wita(*args) -> datetime:
    return datetime(*args, tzinfo=WITA)


@pytest.fixture
def at(monkeypatch):
    """Set the one clock: at(wita(...)) from then on."""

    def set_now(moment: datetime) -> datetime:
        monkeypatch.setattr(clock, "now", lambda: moment)
        return moment

    return set_now


@pytest.fixture
def service(agency_a, location):
    open_all_week(agency_a, location)
    return ServiceFactory(
        agency=agency_a,
        slug="ktp-el",
        name="KTP-el",
        processing_time="Paling lama 5 hari kerja",
        processing_unit="working_days",
        processing_amount=5,
        locations=[location],
    )


@pytest.fixture
def requirements(service):
    return [
        ServiceRequirementFactory(service=service, text="Fotokopi Kartu Keluarga", order=1),
        ServiceRequirementFactory(service=service, text="Surat pengantar RT", order=2),
    ]


def open_case(service, **extra):
    """A case of `service` for the citizen whose NIK ends in 0001, by the one service."""
    return case_open(service=service, **{"nik_last4": "0001", **extra})


@pytest.fixture
def counter(agency_a, location, service, operator_a):
    """Counter 1 of agency A serving the KTP-el service, opened by operator_a."""
    counter = CounterFactory(agency=agency_a, location=location, number=1, services=[service])
    with scope(agency=agency_a):
        return queue.counter_open(counter=counter, operator=operator_a)


@pytest.fixture
def serving(counter, service, location, operator_a):
    """A visitor of the KTP-el service being served at the counter."""
    with scope(agency=counter.agency):
        queue.ticket_issue(service=service, location=location)
        called = queue.ticket_call_next(counter=counter, operator=operator_a)
        return queue.ticket_start(ticket=called, operator=operator_a)
