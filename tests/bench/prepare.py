"""Inside Django (manage.py shell): build the bench dataset and the fixtures each scenario
uses (tokens, ticket codes, open counters, free booking seats); prints them as JSON."""

import json
import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django_scopes import scopes_disabled

from common import clock
from counters.booking.selectors import day_slots
from counters.models import Booking, BookingSchedule, Counter, DailyQuota, Ticket, TicketSequence
from counters.queue.services.counters import counter_open
from mpp.bench_views import create_floor_table
from services.models import ApiToken, Location, Membership, Service, hash_token
from tests.bench.scenarios import BENCH_BOOKER
from umkm.models import Category, Kecamatan, Product

OPERATORS = 192
WAITING_TICKETS = 40_000
SEARCHES = [
    "akte kelahiran",
    "ktp hilang",
    "kartu keluarga",
    "perpanjang stnk",
    "skck",
    "npwp",
    "paspor",
    "bpjs",
    "pindah domisili",
    "izin usaha",
    "kelahrian",
    "pbg",
    "akta kematian",
    "rekening",
    "pajak motor",
    "surat pindah",
    "nib",
    "ktp-el",
]


def token_for(**owner) -> str:
    raw = ApiToken.generate()
    ApiToken.objects.create(**owner, name="bench", key_hash=hash_token(raw), prefix=raw[:8])
    return raw


def operators(location: Location) -> list[dict]:
    """One operator per open counter, each with a token."""
    users = get_user_model().objects
    counters = list(Counter.objects.filter(location=location).order_by("number")[:OPERATORS])
    seats = []
    for index, counter in enumerate(counters):
        user, _ = users.get_or_create(username=f"bench-operator-{index}")
        Membership.objects.get_or_create(
            agency=counter.agency, user=user, defaults={"role": Membership.Role.OPERATOR}
        )
        Ticket.objects.filter(counter=counter, status__in=Ticket.ACTIVE).update(status="done")
        counter_open(counter=counter, operator=user)
        seats.append({"counter": counter.pk, "token": token_for(user=user)})
    return seats


def waiting_pool(location: Location, counters: list[int]) -> list[str]:
    """A fresh line of waiting tickets for the open counters, numbered after today's
    sequence: every run measures the same line, whatever earlier runs left waiting."""
    today = clock.today()
    services = list(
        Service.objects.filter(counters__pk__in=counters)
        .distinct()
        .values_list("pk", "agency_id", "queue_prefix")
    )
    now = clock.now()
    Ticket.objects.filter(status="waiting").update(status="cancelled")
    waiting = Ticket.objects.filter(
        status="waiting", day=today, service_id__in=[s[0] for s in services]
    )
    missing = WAITING_TICKETS
    last = dict(
        TicketSequence.objects.filter(location=location, day=today).values_list(
            "prefix", "last_number"
        )
    )
    rows = []
    for index in range(missing):
        service_id, agency_id, prefix = services[index % len(services)]
        last[prefix] = last.get(prefix, 0) + 1
        rows.append(
            Ticket(
                agency_id=agency_id,
                location=location,
                service_id=service_id,
                day=today,
                prefix=prefix,
                number=last[prefix],
                source="kiosk",
                queue_class=2,
                queued_at=now,
                issued_at=now,
            )
        )
    Ticket.objects.bulk_create(rows, batch_size=5000)
    for prefix, number in last.items():
        TicketSequence.objects.update_or_create(
            location=location, prefix=prefix, day=today, defaults={"last_number": number}
        )
    return list(waiting.order_by("?").values_list("code", flat=True)[:2000])


def booking_seats(location: Location) -> list[dict]:
    """Every free seat of the coming days, once: each bench booking takes its own seat.
    Earlier runs' bookings are taken back first, so that every run finds the same seats."""
    Booking.objects.filter(name=BENCH_BOOKER).delete()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE counters_bookingslot s SET booked = (SELECT count(*) FROM counters_booking b"
            " WHERE b.slot_id = s.id AND b.status IN ('booked', 'checked_in'))"
        )
    seats = []
    today = clock.today()
    schedules = BookingSchedule.objects.filter(location=location, is_active=True).select_related(
        "service__agency"
    )
    for schedule in schedules:
        service = f"{schedule.service.agency.slug}/{schedule.service.slug}"
        for days in range(1, 8):
            for slot in day_slots(schedule, today + timedelta(days=days)):
                seats += [
                    {"service": service, "start": slot.starts_at.isoformat()}
                ] * slot.remaining
    random.shuffle(seats)
    return seats


def main() -> None:
    create_floor_table()
    call_command("seed_demo", "--always-open", "--force", "--scale", "large")
    with scopes_disabled():
        location = Location.objects.get(slug="expo-sangatta")
        ApiToken.objects.filter(name="bench").delete()
        seats = operators(location)
        data = {
            "kiosk_token": token_for(kiosk_location=location),
            "operators": seats,
            "ticket_codes": waiting_pool(location, [seat["counter"] for seat in seats]),
            "services": [
                f"/layanan/{agency}/{slug}/"
                for agency, slug in Service.objects.filter(is_active=True).values_list(
                    "agency__slug", "slug"
                )[:300]
            ],
            # Walk-in services without a daily cap: repeated runs on one day never fill it.
            "issue_services": [
                f"{agency}/{slug}"
                for agency, slug in Service.objects.filter(agency__order__lt=100)
                .exclude(pk__in=DailyQuota.objects.values("service"))
                .values_list("agency__slug", "slug")
            ],
            "searches": SEARCHES,
            "umkm_filters": [""]
            + [f"?kategori={c}" for c, _ in Category.choices]
            + [f"?kecamatan={k}" for k, _ in Kecamatan.choices]
            + ["?page=3", "?q=madu"],
            "booking_seats": booking_seats(location),
            "dataset": {
                "tickets": Ticket.objects.count(),
                "services": Service.objects.count(),
                "products": Product.objects.count(),
            },
        }
    # As autovacuum would have by then: the line just replaced leaves dead index entries
    # that every call would otherwise step over.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE counters_ticket")
    print(json.dumps(data))


def time_report() -> None:
    """Milliseconds of the busiest agency's 90-day report (best of three runs): every figure
    the report page shows, as the page computes them."""
    import time

    from django.db.models import Count

    from counters.reports.selectors import agency_report
    from services.models import Agency

    today = clock.today()
    with scopes_disabled():
        busiest = (
            Ticket.objects.values("agency").annotate(n=Count("id")).order_by("-n").first()["agency"]
        )
        agency = Agency.objects.get(pk=busiest)
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            agency_report(agency=agency, start=today - timedelta(days=90), end=today)
            timings.append((time.perf_counter() - started) * 1000)
    print(round(min(timings), 1))
