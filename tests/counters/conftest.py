"""Fixtures of the queue tests: services of two agencies, open all week, with counters."""

import pytest
from django_scopes import scope

from counters.models import AgencySchedule
from counters.queue import services as queue
from tests.factories import AgencyScheduleFactory, CounterFactory, ServiceFactory


def open_all_week(agency, location):
    for weekday in AgencySchedule.Weekday.values:
        AgencyScheduleFactory(agency=agency, location=location, weekday=weekday)


@pytest.fixture
def service_a(agency_a, location):
    open_all_week(agency_a, location)
    return ServiceFactory(
        agency=agency_a, slug="ktp-el", name="KTP-el", queue_prefix="A", locations=[location]
    )


@pytest.fixture
def service_a2(agency_a, location, service_a):
    return ServiceFactory(
        agency=agency_a, slug="kk", name="Kartu Keluarga", queue_prefix="K", locations=[location]
    )


@pytest.fixture
def service_b(agency_b, location):
    open_all_week(agency_b, location)
    return ServiceFactory(
        agency=agency_b, slug="skck", name="SKCK", queue_prefix="S", locations=[location]
    )


@pytest.fixture
def counter_a(agency_a, location, service_a, operator_a):
    """Counter 1 of agency A, opened by operator_a."""
    counter = CounterFactory(agency=agency_a, location=location, number=1, services=[service_a])
    with scope(agency=agency_a):
        return queue.counter_open(counter=counter, operator=operator_a)


@pytest.fixture
def counter_b(agency_b, location, service_b, operator_b):
    counter = CounterFactory(agency=agency_b, location=location, number=9, services=[service_b])
    with scope(agency=agency_b):
        return queue.counter_open(counter=counter, operator=operator_b)


@pytest.fixture
def in_a(agency_a):
    """Run the test body as the console does for agency A."""
    with scope(agency=agency_a):
        yield
