"""Demo counters, opening hours, quotas and the last year's queue at Gedung Expo Sangatta."""

from datetime import time

from django.contrib.auth import get_user_model

from common import clock
from counters.booking import demo as demo_booking
from counters.queue.history import Desk, seed_history
from counters.queue.models import (
    AgencySchedule,
    BoardSetting,
    Counter,
    DailyQuota,
    QueueSetting,
)
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


def seed(*, always_open: bool = False) -> dict:
    location = Location.objects.filter(slug=LOCATION).first()
    if location is None:
        return {}
    BoardSetting.objects.update_or_create(
        location=location, defaults={"running_text": RUNNING_TEXT}
    )
    users = get_user_model().objects
    next_number, seeded, desks = 1, {}, []
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
        operator = users.filter(username=f"{agency.slug}-loket").first()
        desks.append(
            Desk(
                agency=agency,
                services=services,
                counters=counters,
                operator_id=operator.pk if operator else None,
                hours=weekly_hours(agency.slug, always_open=False),
                visitors=VISITORS.get(agency.slug, DEFAULT_VISITORS),
            )
        )
    seed_history(location=location, desks=desks, today=clock.today())
    seed_quotas(location)
    return {"counters": seeded, **demo_booking.seed(always_open=always_open)}
