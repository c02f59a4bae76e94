"""Fixtures of the survey tests: a ticket of agency A served to the end."""

import pytest
from django_scopes import scope

from counters.queue import services as queue


def serve_to_done(*, service, location, counter, operator):
    with scope(agency=service.agency):
        ticket = queue.ticket_issue(service=service, location=location)
        queue.ticket_call_next(counter=counter, operator=operator)
        ticket.refresh_from_db()
        queue.ticket_start(ticket=ticket, operator=operator)
        return queue.ticket_finish(ticket=ticket, operator=operator)


@pytest.fixture
def done_ticket(service_a, location, counter_a, operator_a):
    return serve_to_done(
        service=service_a, location=location, counter=counter_a, operator=operator_a
    )


ANSWER = {"age": 34, "sex": "P", "education": "sma", "occupation": "wirausaha"}
