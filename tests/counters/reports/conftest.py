"""A small handmade day of tickets with known waits and service times."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django_scopes import scopes_disabled

from counters.models import SurveyResponse, Ticket

WITA = ZoneInfo("Asia/Makassar")
DAY = date(2026, 11, 2)  # a Monday


def make_ticket(
    *,
    service,
    location,
    number,
    status,
    wait_min=None,
    serve_min=None,
    hour=9,
    counter=None,
    operator=None,
    source="kiosk",
    day=DAY,
):
    issued = datetime(day.year, day.month, day.day, hour, number, tzinfo=WITA)
    called = issued + timedelta(minutes=wait_min) if wait_min is not None else None
    started = called if serve_min is not None else None
    finished = started + timedelta(minutes=serve_min) if serve_min is not None else None
    with scopes_disabled():
        return Ticket.objects.create(
            agency=service.agency,
            location=location,
            service=service,
            day=day,
            prefix=service.queue_prefix,
            number=number,
            source=source,
            status=status,
            queue_class=Ticket.QueueClass.WALK_IN,
            queued_at=issued,
            issued_at=issued,
            called_at=called,
            started_at=started,
            finished_at=finished,
            counter=counter,
            operator=operator,
        )


def make_survey(ticket, answers, **extra):
    from counters.models import ELEMENT_FIELDS

    with scopes_disabled():
        return SurveyResponse.objects.create(
            ticket=ticket,
            agency=ticket.agency,
            service=ticket.service,
            location=ticket.location,
            day=ticket.day,
            age=30,
            sex="L",
            education="sma",
            occupation="swasta",
            **dict(zip(ELEMENT_FIELDS, answers, strict=True)),
            **extra,
        )


@pytest.fixture
def handmade_day(service_a, service_b, location, counter_a, operator_a, admin_a):
    """Agency A: waits 10, 20, 30, 40 min (done, served 5, 10, 15, 20 min), one no-show after
    50 min, one cancelled never called, one booking; agency B: one ticket."""
    done = [
        make_ticket(
            service=service_a,
            location=location,
            number=n,
            status="done",
            wait_min=w,
            serve_min=s,
            counter=counter_a,
            operator=operator_a,
            source="booking" if n == 1 else "kiosk",
            hour=9 if n < 3 else 14,
        )
        for n, w, s in ((1, 10, 5), (2, 20, 10), (3, 30, 15), (4, 40, 20))
    ]
    make_ticket(service=service_a, location=location, number=5, status="no_show", wait_min=50)
    make_ticket(service=service_a, location=location, number=6, status="cancelled")
    make_ticket(
        service=service_b, location=location, number=1, status="done", wait_min=99, serve_min=99
    )
    make_survey(done[0], [4, 4, 3, 4, 3, 4, 4, 3, 4])
    make_survey(done[1], [3, 3, 3, 4, 3, 3, 4, 2, 3])
    make_survey(done[2], [4, 3, 2, 4, 3, 4, 4, 3, 3])
    make_survey(done[3], [3, 3, 3, 4, 4, 4, 3, 2, 4])
    return done
