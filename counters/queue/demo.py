"""Demo counters, opening hours, quotas and yesterday's queue at Gedung Expo Sangatta."""

import random
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from common import clock
from counters.booking import demo as demo_booking
from counters.queue.models import (
    AgencySchedule,
    BoardSetting,
    Counter,
    DailyIssueCount,
    DailyQuota,
    Priority,
    QueueSetting,
    Ticket,
    TicketEvent,
    TicketSequence,
)
from counters.survey.demo import seed_surveys
from services.models import Agency, Location, Service

LOCATION = "expo-sangatta"
AROUND_THE_CLOCK = (time(0, 0), time(23, 59, 59))
MON_THU = (time(8, 0), time(15, 0))
FRIDAY = (time(8, 0), time(11, 30))
# Agencies that come to the interim location only on some weekdays (0 = Monday).
VISITING_DAYS = {"imigrasi": {1, 3}, "kpp-pratama": {0, 2}, "bpjs-kesehatan": {0, 1, 2, 3}}
# Busy agencies open more counters; every agency has at least two.
COUNTERS = {"dukcapil": 4, "samsat": 3, "dpmptsp": 3}
# Visitors on a normal weekday, per agency (the rest get the default).
VISITORS = {"dukcapil": 140, "samsat": 90, "dpmptsp": 45, "bpjs-kesehatan": 40, "polres": 50}
DEFAULT_VISITORS = 25
# (agency, service): (numbers a day, of which from phones)
QUOTAS = {("dukcapil", "ktp-el"): (100, 30), ("imigrasi", "paspor-baru"): (50, 10)}
# After this many priority calls in a row, one regular visitor (per agency).
PRIORITY_RUNS = {"dukcapil": 3}
RUNNING_TEXT = (
    "Selamat datang di Mal Pelayanan Publik Kabupaten Kutai Timur, sementara di Gedung Expo "
    "Sangatta. Siapkan KTP-el dan berkas asli sebelum dipanggil. Lansia, penyandang "
    "disabilitas, ibu hamil atau menyusui dan anak-anak didahulukan. Semua layanan gratis "
    "kecuali yang bertarif resmi; laporkan pungutan liar ke pengelola MPP."
)


def weekly_hours(slug: str, *, always_open: bool) -> dict[int, tuple[time, time]]:
    if always_open:
        return dict.fromkeys(range(7), AROUND_THE_CLOCK)
    days = VISITING_DAYS.get(slug, {0, 1, 2, 3, 4})
    return {day: FRIDAY if day == 4 else MON_THU for day in days}


def last_working_day(today):
    day = today - timedelta(days=1)
    while day.weekday() > 4:
        day -= timedelta(days=1)
    return day


def seed_schedules(agency: Agency, location: Location, *, always_open: bool) -> None:
    hours = weekly_hours(agency.slug, always_open=always_open)
    AgencySchedule.objects.filter(agency=agency, location=location).exclude(
        weekday__in=hours
    ).delete()
    for weekday, (opens_at, closes_at) in hours.items():
        AgencySchedule.objects.update_or_create(
            agency=agency,
            location=location,
            weekday=weekday,
            defaults={"opens_at": opens_at, "closes_at": closes_at},
        )


def seed_counters(
    agency: Agency, location: Location, services: list[Service], first_number: int
) -> list[Counter]:
    counters = []
    for offset in range(COUNTERS.get(agency.slug, 2)):
        counter, _created = Counter.objects.update_or_create(
            location=location,
            number=first_number + offset,
            defaults={"agency": agency, "name": f"{agency.short_name} {offset + 1}"},
        )
        counter.services.set(services)
        counters.append(counter)
    return counters


def seed_quotas(location: Location) -> None:
    for (agency_slug, service_slug), (limit, online_limit) in QUOTAS.items():
        service = Service.objects.filter(agency__slug=agency_slug, slug=service_slug).first()
        if service:
            DailyQuota.objects.update_or_create(
                service=service,
                location=location,
                defaults={
                    "agency_id": service.agency_id,
                    "limit": limit,
                    "online_limit": online_limit,
                },
            )
    for agency_slug, run in PRIORITY_RUNS.items():
        agency = Agency.objects.filter(slug=agency_slug).first()
        if agency:
            QueueSetting.objects.update_or_create(agency=agency, defaults={"priority_run": run})


def simulate_day(
    *,
    agency: Agency,
    location: Location,
    services: list[Service],
    counters: list[Counter],
    operator,
    day,
    rng: random.Random,
    numbers: dict[str, int],
) -> None:
    """A finished day: arrivals from 07.45 until half an hour before closing, each visitor
    served at the first free counter. `numbers` is the location's last number per prefix,
    shared by agencies whose services use the same prefix."""
    zone = timezone.get_current_timezone()
    opening = datetime.combine(day, time(7, 45), tzinfo=zone)
    closing = datetime.combine(day, (FRIDAY if day.weekday() == 4 else MON_THU)[1], tzinfo=zone)
    window = (closing - opening).total_seconds() - 1800
    visitors = round(VISITORS.get(agency.slug, DEFAULT_VISITORS) * window / (375 * 60))
    arrivals = sorted(opening + timedelta(seconds=rng.uniform(0, window)) for _ in range(visitors))
    free_at = {counter.pk: opening + timedelta(minutes=15) for counter in counters}
    tickets, events = [], []
    for arrived in arrivals:
        service = rng.choice(services)
        numbers[service.queue_prefix] = numbers.get(service.queue_prefix, 0) + 1
        counter = min(counters, key=lambda c: free_at[c.pk])
        called = max(arrived + timedelta(seconds=30), free_at[counter.pk])
        started = called + timedelta(seconds=rng.randint(30, 150))
        minutes = max(2.0, rng.gauss(service.average_minutes, service.average_minutes / 3))
        finished = started + timedelta(minutes=minutes)
        no_show = rng.random() < 0.06
        priority = rng.choice(Priority.values) if rng.random() < 0.1 else ""
        ticket = Ticket(
            agency=agency,
            location=location,
            service=service,
            day=day,
            prefix=service.queue_prefix,
            number=numbers[service.queue_prefix],
            priority=priority,
            source=Ticket.Source.KIOSK,
            status=Ticket.Status.NO_SHOW if no_show else Ticket.Status.DONE,
            queue_class=Ticket.QueueClass.PRIORITY if priority else Ticket.QueueClass.WALK_IN,
            queued_at=arrived,
            issued_at=arrived,
            called_at=called,
            started_at=None if no_show else started,
            finished_at=called + timedelta(minutes=3) if no_show else finished,
            counter=counter,
            operator=operator,
        )
        free_at[counter.pk] = ticket.finished_at
        steps = [
            ("issued", "", "waiting", arrived, None),
            ("called", "waiting", "called", called, counter),
        ]
        if no_show:
            steps.append(("no_show", "called", "no_show", ticket.finished_at, counter))
        else:
            steps.append(("started", "called", "serving", started, counter))
            steps.append(("finished", "serving", "done", finished, counter))
        tickets.append(ticket)
        events.append(steps)
    Ticket.objects.bulk_create(tickets)
    TicketEvent.objects.bulk_create(
        TicketEvent(
            agency=agency,
            location=location,
            ticket=ticket,
            action=action,
            from_status=from_status,
            to_status=to_status,
            at=at,
            counter=counter,
            actor=operator if counter else None,
        )
        for ticket, steps in zip(tickets, events, strict=True)
        for action, from_status, to_status, at, counter in steps
    )
    for service in services:
        issued = sum(1 for ticket in tickets if ticket.service_id == service.pk)
        if issued:
            DailyIssueCount.objects.update_or_create(
                service=service, location=location, day=day, defaults={"issued": issued}
            )


def seed(*, always_open: bool = False) -> dict:
    location = Location.objects.filter(slug=LOCATION).first()
    if location is None:
        return {}
    BoardSetting.objects.update_or_create(
        location=location, defaults={"running_text": RUNNING_TEXT}
    )
    history_day = last_working_day(clock.today())
    replay_history = not Ticket.objects.filter(location=location, day=history_day).exists()
    rng = random.Random(history_day.toordinal())  # noqa: S311 — demo data, reproducible
    users = get_user_model().objects
    next_number, seeded, numbers = 1, {}, {}
    for agency in location.agencies.filter(is_active=True).order_by("order", "name"):
        # Numbers are blocks in agency order, stable whichever agencies have services yet.
        first_number = next_number
        next_number += COUNTERS.get(agency.slug, 2)
        seed_schedules(agency, location, always_open=always_open)
        services = list(
            Service.objects.filter(agency=agency, is_active=True, locations=location).order_by(
                "order", "name"
            )
        )
        if not services:
            continue
        counters = seed_counters(agency, location, services, first_number)
        seeded[agency.slug] = counters
        if replay_history and history_day.weekday() in weekly_hours(agency.slug, always_open=False):
            simulate_day(
                agency=agency,
                location=location,
                services=services,
                counters=counters,
                operator=users.filter(username=f"{agency.slug}-loket").first(),
                day=history_day,
                rng=rng,
                numbers=numbers,
            )
    for prefix, last in numbers.items():
        TicketSequence.objects.update_or_create(
            location=location, prefix=prefix, day=history_day, defaults={"last_number": last}
        )
    seed_quotas(location)
    seed_surveys(location)
    return {"counters": seeded, **demo_booking.seed(always_open=always_open)}
