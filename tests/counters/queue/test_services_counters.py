"""Opening, pausing and closing a counter."""

import pytest
from django_scopes import scope, scopes_disabled

from common.errors import DomainError
from counters.models import CounterPause, Ticket
from counters.queue import services as queue
from counters.queue.errors import CounterUnavailable
from tests.factories import CounterFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_opening_a_counter_releases_the_operators_previous_seat(
    agency_a, location, counter_a, operator_a, in_a
):
    other = CounterFactory(agency=agency_a, location=location, number=2)
    queue.counter_open(counter=other, operator=operator_a)
    counter_a.refresh_from_db()
    assert (counter_a.is_open, counter_a.operator) == (False, None)
    other.refresh_from_db()
    assert (other.is_open, other.operator) == (True, operator_a)


def test_an_operator_cannot_take_a_counter_busy_with_a_colleagues_ticket(
    service_a, location, counter_a, operator_a, in_a
):
    queue.ticket_issue(service=service_a, location=location)
    queue.ticket_call_next(counter=counter_a, operator=operator_a)
    with pytest.raises(CounterUnavailable, match="petugas lain"):
        queue.counter_open(counter=counter_a, operator=UserFactory())
    with pytest.raises(CounterUnavailable, match="Selesaikan"):
        queue.counter_close(counter=counter_a, operator=operator_a)


def test_pause_and_resume_are_recorded_with_their_reason(counter_a, operator_a, in_a):
    pause = queue.counter_pause(
        counter=counter_a, operator=operator_a, reason="system_down", note="SIAK luring"
    )
    with pytest.raises(CounterUnavailable, match="sudah dalam jeda"):
        queue.counter_pause(counter=counter_a, operator=operator_a, reason="break")
    queue.counter_resume(counter=counter_a, operator=operator_a)
    pause.refresh_from_db()
    assert pause.ended_at is not None and pause.reason == "system_down"
    with pytest.raises(CounterUnavailable, match="tidak sedang jeda"):
        queue.counter_resume(counter=counter_a, operator=operator_a)


def test_pause_needs_a_known_reason(counter_a, operator_a, in_a):
    with pytest.raises(DomainError) as refused:
        queue.counter_pause(counter=counter_a, operator=operator_a, reason="ngopi")
    assert refused.value.status == 422
    assert not CounterPause.objects.exists()


def test_closing_ends_an_open_pause_and_frees_the_counter(counter_a, operator_a, in_a):
    queue.counter_pause(counter=counter_a, operator=operator_a, reason="break")
    closed = queue.counter_close(counter=counter_a, operator=operator_a)
    assert (closed.is_open, closed.operator) == (False, None)
    assert not CounterPause.objects.filter(ended_at__isnull=True).exists()


def test_an_operator_of_a_cannot_open_pause_or_close_bs_counter(counter_b, operator_a, agency_a):
    with scope(agency=agency_a):
        for action in (queue.counter_open, queue.counter_close, queue.counter_resume):
            with pytest.raises(DomainError) as refused:
                action(counter=counter_b, operator=operator_a)
            assert refused.value.status == 404
        with pytest.raises(DomainError):
            queue.counter_pause(counter=counter_b, operator=operator_a, reason="break")
    with scopes_disabled():
        counter_b.refresh_from_db()
        assert counter_b.operator != operator_a
        assert not Ticket.objects.exists()
