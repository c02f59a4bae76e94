"""A year of finished demo days before today at one location: queues whose waits follow the
morning peak, bookings and the booked visitors who never came, SKM answers with a few
suggestions. Simulated in Python with one random generator per day (a day always gives the
same figures, whenever it is seeded) and written with COPY and INSERT … SELECT, so that
seed_demo stays a matter of seconds. A day that has tickets already is left as it is: a
second run adds nothing."""

import random
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.utils import timezone

from common.bulk import copy_rows, reserve_ids
from common.codes import unambiguous_code
from common.workdays import is_working_day
from counters.booking.demo import REGULAR, slot_capacity
from counters.booking.models import CODE_LENGTH, Booking, BookingEvent, BookingSlot
from counters.booking.services.housekeeping import ANONYMISED_NAME
from counters.queue.models import (
    Counter,
    DailyIssueCount,
    Priority,
    Ticket,
    TicketEvent,
    TicketSequence,
)
from counters.survey.demo import ANSWER_COLUMNS, survey_answer
from counters.survey.models import SurveyResponse
from services.models import Agency, Location, Service

DAYS = 365
OPENING = time(7, 45)
# Relative arrivals per hour after opening: most visitors come before ten.
ARRIVAL_WEIGHTS = (2.4, 2.6, 2.0, 1.4, 1.0, 0.8, 0.6, 0.5)
# Busier at the start of the year and before the school year (KK and akta for enrolment),
# quieter in March–April (Ramadan and Lebaran) and at the year's end.
SEASON = {1: 1.1, 2: 1.0, 3: 0.8, 4: 0.85, 5: 1.0, 6: 1.1, 7: 1.2, 8: 1.1, 12: 0.85}
NO_SHOW = 0.06
PRIORITY_SHARE = 0.1
# Of the visitors of a bookable service who come in the booking hours, those who booked.
BOOKED_SHARE = 0.25
# Booked seats whose visitor never came.
BOOKING_NO_SHOW = 0.15
# The kiosk stops giving numbers once the line can no longer be served before closing.
LAST_CALL = timedelta(minutes=20)
SLOT = timedelta(minutes=REGULAR["slot_minutes"])
PRIORITIES = tuple(Priority.values)


@dataclass
class Desk:
    """One agency at the location: what a simulated day needs of it."""

    agency: Agency
    services: list[Service]
    counters: list[Counter]
    operator_id: int | None
    hours: dict[int, tuple[time, time]]
    visitors: int


@dataclass
class Visit:
    desk: Desk
    day: date
    service: Service
    issued: datetime
    called: datetime
    started: datetime | None
    finished: datetime
    counter_id: int
    priority: str
    slot: tuple | None = None
    number: int = 0
    answer: list | None = None


@dataclass
class Bookings:
    """The booked seats of the history, per (service, slot start): [visits, no-shows]."""

    slots: dict[tuple, list] = field(default_factory=dict)

    def take(self, service: Service, start: datetime) -> tuple | None:
        key = (service, start)
        visits, absent = self.slots.setdefault(key, [[], 0])
        return key if len(visits) + absent < slot_capacity(service) else None


def _arrivals(rng: random.Random, opening: datetime, last: datetime, count: int) -> list:
    hours = max(1, min(len(ARRIVAL_WEIGHTS), int((last - opening).total_seconds() // 3600)))
    weights = ARRIVAL_WEIGHTS[:hours]
    picked = rng.choices(range(hours), weights=weights, k=count)
    return sorted(opening + timedelta(hours=hour, seconds=rng.uniform(0, 3600)) for hour in picked)


def _booking_slot(day: date, visit_at: datetime, bookings: Bookings, service, rng) -> tuple | None:
    """The slot this visitor booked, when they did: bookable services, booking mornings."""
    first = datetime.combine(day, REGULAR["opens_at"], tzinfo=visit_at.tzinfo)
    last = datetime.combine(day, REGULAR["closes_at"], tzinfo=visit_at.tzinfo) - SLOT
    if not service.is_bookable or day.weekday() not in REGULAR["weekdays"]:
        return None
    start = first + SLOT * max(0, int((visit_at - first) / SLOT))
    if start > last or rng.random() >= BOOKED_SHARE:
        return None
    return bookings.take(service, start)


def simulate(desk: Desk, day: date, rng: random.Random, bookings: Bookings) -> list[Visit]:
    """One agency's finished day: arrivals with the morning peak, each served at the first
    free counter; visitors past the last call get no number."""
    _opens_at, closes_at = desk.hours[day.weekday()]
    zone = timezone.get_current_timezone()
    opening = datetime.combine(day, OPENING, tzinfo=zone)
    closing = datetime.combine(day, closes_at, tzinfo=zone)
    window = (closing - opening).total_seconds() / (375 * 60)
    count = round(desk.visitors * window * SEASON.get(day.month, 1.0) * rng.uniform(0.75, 1.2))
    free_at = {counter.pk: opening + timedelta(minutes=15) for counter in desk.counters}
    visits = []
    for arrived in _arrivals(rng, opening, closing - timedelta(minutes=30), count):
        counter_id = min(free_at, key=free_at.get)
        if free_at[counter_id] > closing - LAST_CALL:
            break
        service = rng.choice(desk.services)
        called = max(arrived + timedelta(seconds=30), free_at[counter_id])
        no_show = rng.random() < NO_SHOW
        started = called + timedelta(seconds=rng.randint(30, 150))
        served = max(2.0, rng.gauss(service.average_minutes, service.average_minutes / 3))
        finished = called + timedelta(minutes=3) if no_show else started + timedelta(minutes=served)
        free_at[counter_id] = finished
        visit = Visit(
            desk=desk,
            day=day,
            service=service,
            issued=arrived,
            called=called,
            started=None if no_show else started,
            finished=finished,
            counter_id=counter_id,
            priority=rng.choice(PRIORITIES) if rng.random() < PRIORITY_SHARE else "",
            slot=_booking_slot(day, arrived, bookings, service, rng),
        )
        if visit.slot is not None:
            bookings.slots[visit.slot][0].append(visit)
            if rng.random() < BOOKING_NO_SHOW:
                missed = bookings.take(service, visit.slot[1])
                if missed is not None:
                    bookings.slots[missed][1] += 1
        if not no_show:
            visit.answer = survey_answer(rng, desk.agency.slug)
        visits.append(visit)
    return visits


def _number(visits: list[Visit]) -> None:
    """Numbers per prefix in the order the location's kiosk gave them that day."""
    last: dict[str, int] = {}
    for visit in sorted(visits, key=lambda v: v.issued):
        prefix = visit.service.queue_prefix
        last[prefix] = visit.number = last.get(prefix, 0) + 1


def _ticket_row(ticket_id: int, visit: Visit, location: Location) -> list:
    booked = visit.slot is not None
    priority_class = Ticket.QueueClass.PRIORITY if visit.priority else Ticket.QueueClass.WALK_IN
    return [
        ticket_id,
        visit.desk.agency.pk,
        location.pk,
        visit.service.pk,
        visit.day.isoformat(),
        visit.service.queue_prefix,
        visit.number,
        secrets.token_urlsafe(12),
        visit.priority,
        Ticket.Source.BOOKING if booked else Ticket.Source.KIOSK,
        Ticket.Status.DONE if visit.started else Ticket.Status.NO_SHOW,
        Ticket.QueueClass.BOOKING if booked and not visit.priority else priority_class,
        visit.issued.isoformat(),
        visit.slot[1].isoformat() if booked else None,
        visit.issued.isoformat(),
        visit.called.isoformat(),
        visit.started.isoformat() if visit.started else None,
        visit.finished.isoformat(),
        0,
        visit.issued.isoformat() if booked else None,
        visit.counter_id,
        visit.desk.operator_id,
    ]


TICKET_COLUMNS = [
    "id",
    "agency_id",
    "location_id",
    "service_id",
    "day",
    "prefix",
    "number",
    "code",
    "priority",
    "source",
    "status",
    "queue_class",
    "queued_at",
    "booked_slot_start",
    "issued_at",
    "called_at",
    "started_at",
    "finished_at",
    "recall_count",
    "checked_in_at",
    "counter_id",
    "operator_id",
]
SURVEY_COLUMNS = [
    "ticket_id",
    "agency_id",
    "service_id",
    "location_id",
    "counter_id",
    "day",
    "submitted_at",
    *ANSWER_COLUMNS,
]
BOOKING_COLUMNS = [
    "id",
    "code",
    "agency_id",
    "service_id",
    "location_id",
    "slot_id",
    "starts_at",
    "ends_at",
    "local_date",
    "name",
    "nik",
    "phone",
    "email",
    "status",
    "created_at",
    "updated_at",
    "checked_in_at",
    "ticket_id",
]


def _write_tickets(visits: list[Visit], location: Location) -> dict[int, int]:
    """Tickets and their SKM answers; the ticket id of each visit (by the visit's id())."""
    ids = reserve_ids(Ticket, len(visits))
    copy_rows(
        Ticket._meta.db_table,
        TICKET_COLUMNS,
        (_ticket_row(i, visit, location) for i, visit in zip(ids, visits, strict=True)),
    )
    copy_rows(
        SurveyResponse._meta.db_table,
        SURVEY_COLUMNS,
        (
            [
                i,
                visit.desk.agency.pk,
                visit.service.pk,
                location.pk,
                visit.counter_id,
                visit.day.isoformat(),
                (visit.finished + timedelta(minutes=2)).isoformat(),
                *visit.answer,
            ]
            for i, visit in zip(ids, visits, strict=True)
            if visit.answer is not None
        ),
    )
    return {id(visit): i for i, visit in zip(ids, visits, strict=True)}


def _write_bookings(bookings: Bookings, tickets: dict[int, int], location: Location) -> None:
    """The booked slots and their bookings, already without personal data: the history is
    older than what a booking keeps of the citizen (bookings_anonymise)."""
    slot_ids = reserve_ids(BookingSlot, len(bookings.slots))
    seats = sum(len(visits) + absent for visits, absent in bookings.slots.values())
    booking_ids = iter(reserve_ids(Booking, seats))
    slot_rows, booking_rows = [], []
    for slot_id, ((service, start), (visits, absent)) in zip(
        slot_ids, bookings.slots.items(), strict=True
    ):
        end = start + SLOT
        slot_rows.append(
            [slot_id, service.agency_id, service.pk, location.pk, start, end]
            + [slot_capacity(service), len(visits) + absent]
        )
        booked_at = start - timedelta(days=3)
        for visit in [*visits, *[None] * absent]:
            booking_id = next(booking_ids)
            status = Booking.Status.CHECKED_IN if visit else Booking.Status.NO_SHOW
            booking_rows.append(
                [booking_id, unambiguous_code(CODE_LENGTH), service.agency_id, service.pk]
                + [location.pk, slot_id, start, end, timezone.localtime(start).date()]
                + [ANONYMISED_NAME, f"-{booking_id}", "", "", status, booked_at, end]
                + [visit.issued if visit else None, tickets[id(visit)] if visit else None]
            )
    copy_rows(BookingSlot._meta.db_table, ["id", "agency_id", "service_id", "location_id",
              "starts_at", "ends_at", "capacity", "booked"], slot_rows)  # fmt: skip
    copy_rows(Booking._meta.db_table, BOOKING_COLUMNS, booking_rows)
    if not booking_rows:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {BookingEvent._meta.db_table}
                (agency_id, booking_id, action, from_status, to_status, note, at)
            SELECT b.agency_id, b.id, s.action, s.from_status, b.status, '', s.at
            FROM {Booking._meta.db_table} b CROSS JOIN LATERAL (VALUES
                (1, 'created', '', b.created_at),
                (2, b.status, 'booked', coalesce(b.checked_in_at, b.ends_at))
            ) AS s(step, action, from_status, at)
            WHERE b.id BETWEEN %s AND %s AND b.location_id = %s
            ORDER BY b.id, s.step
            """,  # noqa: S608 — no outside input: our tables' names
            [booking_rows[0][0], booking_rows[-1][0], location.pk],
        )


def _write_derived(ticket_ids: list[int], location: Location, today: date) -> None:
    """What the queue keeps beside its tickets, derived from them in SQL: each ticket's
    events, the day's last number per prefix and the numbers issued per service. The new
    tickets are those of the ids just taken, on days before today (a live ticket issued
    meanwhile would be today's)."""
    ticket = Ticket._meta.db_table
    new = {"first": min(ticket_ids), "last": max(ticket_ids), "location": location.pk}
    new["today"] = today
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {TicketEvent._meta.db_table} (agency_id, location_id, ticket_id,
                action, from_status, to_status, counter_id, actor_id, note, at)
            SELECT t.agency_id, t.location_id, t.id, s.action, s.from_status, s.to_status,
                s.counter_id, s.actor_id, '', s.at
            FROM {ticket} t CROSS JOIN LATERAL (VALUES
                (1, '*', 'issued', '', 'waiting', NULL, NULL, t.issued_at),
                (2, '*', 'called', 'waiting', 'called', t.counter_id, t.operator_id,
                    t.called_at),
                (3, 'done', 'started', 'called', 'serving', t.counter_id, t.operator_id,
                    t.started_at),
                (3, 'no_show', 'no_show', 'called', 'no_show', t.counter_id, t.operator_id,
                    t.finished_at),
                (4, 'done', 'finished', 'serving', 'done', t.counter_id, t.operator_id,
                    t.finished_at)
            ) AS s(step, for_status, action, from_status, to_status, counter_id, actor_id, at)
            WHERE t.id BETWEEN %(first)s AND %(last)s AND t.location_id = %(location)s
                AND t.day < %(today)s AND s.for_status IN ('*', t.status)
            ORDER BY t.id, s.step
            """,  # noqa: S608 — no outside input: our tables' names
            new,
        )
        cursor.execute(
            f"""
            INSERT INTO {TicketSequence._meta.db_table} (location_id, prefix, day, last_number)
            SELECT location_id, prefix, day, max(number) FROM {ticket}
            WHERE id BETWEEN %(first)s AND %(last)s AND location_id = %(location)s
                AND day < %(today)s GROUP BY location_id, prefix, day
            ON CONFLICT (location_id, prefix, day) DO NOTHING
            """,  # noqa: S608 — no outside input: our tables' names
            new,
        )
        cursor.execute(
            f"""
            INSERT INTO {DailyIssueCount._meta.db_table} (service_id, location_id, day, kind,
                issued)
            SELECT service_id, location_id, day, 'all', count(*) FROM {ticket}
            WHERE id BETWEEN %(first)s AND %(last)s AND location_id = %(location)s
                AND day < %(today)s GROUP BY service_id, location_id, day
            ON CONFLICT (service_id, location_id, day, kind) DO NOTHING
            """,  # noqa: S608 — no outside input: our tables' names
            new,
        )


def empty_days(location: Location, today: date) -> list[date]:
    """The working days of the last year before today on which the location has no ticket."""
    first = today - timedelta(days=DAYS)
    seen = set(
        Ticket.objects.filter(location=location, day__gte=first, day__lt=today)
        .values_list("day", flat=True)
        .distinct()
    )
    days = (first + timedelta(days=n) for n in range(DAYS))
    return [day for day in days if day not in seen and is_working_day(day)]


def seed_history(*, location: Location, desks: list[Desk], today: date) -> int:
    """Fill the empty working days of the last year; the number of tickets written."""
    visits: list[Visit] = []
    bookings = Bookings()
    for day in empty_days(location, today):
        rng = random.Random(day.toordinal())  # noqa: S311 — demo data, reproducible
        day_visits = []
        for desk in desks:
            if day.weekday() in desk.hours:
                day_visits += simulate(desk, day, rng, bookings)
        _number(day_visits)
        visits += day_visits
    if not visits:
        return 0
    tickets = _write_tickets(visits, location)
    _write_bookings(bookings, tickets, location)
    _write_derived(list(tickets.values()), location, today)
    return len(visits)
