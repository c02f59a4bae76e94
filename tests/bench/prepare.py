"""Inside Django (manage.py shell): build the bench dataset and print, as JSON, the keys the
scenarios draw from (tokens, open counters, every service page, everyday searches, UMKM
filters, free booking seats); `line(depth)` lays a fresh waiting line and prints its codes."""

import json
import os
import random
from datetime import timedelta
from itertools import product
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django_scopes import scopes_disabled

from common import clock
from common.bulk import copy_rows
from counters.booking.selectors import day_slots
from counters.models import Booking, BookingSchedule, Counter, DailyQuota, Ticket, TicketSequence
from counters.queue.caching import queue_changed
from counters.queue.models import Priority, new_ticket_code
from counters.queue.services.counters import counter_open
from mpp.bench_views import create_floor_table
from mpp.large_dataset import TICKET_COLUMNS
from services.models import ApiToken, Location, Membership, Service, hash_token
from services.search import FILLER_WORDS, normalize
from tests.bench.scenarios import BENCH_BOOKER, LOCATION
from umkm.models import Category, Kecamatan, Product

# `BENCH_SCALE=demo` measures the small demo catalogue: for trying the harness, not for figures.
SCALE = os.environ.get("BENCH_SCALE", "large")
OPERATORS = 192
OPERATOR_PREFIX = "bench-operator-"
SEARCHES = int(os.environ.get("BENCH_QUERIES", "30000"))
# Visitors served earlier this morning: their pages are opened again (for the survey).
SERVED_THIS_MORNING = 1500
# Phones polled per line: at most this many waiting tickets, spread over the call order.
POLLED_TICKETS = 2000
PRIORITY_SHARE = 0.08  # as in the large dataset's history
# How citizens start a question; the search drops them, the page cache does not.
FILLERS = ["", "syarat", "cara urus", "bikin", "buat", "gimana", "perpanjang", "syarat bikin"]
TYPO_SHARE = 0.4


def token_for(**owner) -> str:
    raw = ApiToken.generate()
    ApiToken.objects.create(**owner, name="bench", key_hash=hash_token(raw), prefix=raw[:8])
    return raw


def operators(location: Location) -> list[dict]:
    """One operator per counter, each with a token, every counter open and idle."""
    users = get_user_model().objects
    counters = list(Counter.objects.filter(location=location).order_by("number")[:OPERATORS])
    seats = []
    for index, counter in enumerate(counters):
        user, _ = users.get_or_create(username=f"{OPERATOR_PREFIX}{index}")
        Membership.objects.get_or_create(
            agency=counter.agency, user=user, defaults={"role": Membership.Role.OPERATOR}
        )
        Ticket.objects.filter(counter=counter, status__in=Ticket.ACTIVE).update(status="done")
        counter_open(counter=counter, operator=user)
        seats.append({"counter": counter.pk, "token": token_for(user=user)})
    return seats


def catalogue_phrases() -> list[str]:
    """Everyday words of the catalogue's real services: their aliases ("akte lahir", "ktp
    hilang") and the words of their names, alone and in pairs ("akta kelahiran")."""
    phrases = set()
    for name, keywords in Service.objects.filter(is_active=True, agency__order__lt=100).values_list(
        "name", "keywords"
    ):
        phrases.update(normalize(alias) for alias in keywords.split(","))
        words = [word for word in normalize(name).split() if word not in FILLER_WORDS]
        phrases.update(words)
        phrases.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    phrases.discard("")
    return sorted(phrases)


def typo(word: str, rng: random.Random) -> str:
    """A dropped, doubled or swapped letter, as thumbs on a phone make them."""
    i = rng.randrange(len(word) - 1)
    return rng.choice(
        [
            word[:i] + word[i + 1 :],
            word[:i] + word[i] + word[i:],
            word[:i] + word[i + 1] + word[i] + word[i + 2 :],
        ]
    )


def search_queries(count: int, rng: random.Random) -> list[str]:
    """`count` distinct questions (fewer if the catalogue has not that many words)."""
    phrases = catalogue_phrases()
    queries: dict[str, None] = {}
    for _ in range(count * 20):
        if len(queries) == count:
            break
        words = rng.choice(phrases).split()
        if rng.random() < TYPO_SHARE:
            i = rng.randrange(len(words))
            if len(words[i]) >= 4:
                words[i] = typo(words[i], rng)
        queries[" ".join([rng.choice(FILLERS), *words]).strip()] = None
    return list(queries)


def umkm_pages() -> list[str]:
    """The showcase by category and kecamatan (each, both or none), price band, pages 1-3."""
    prices = [{}, {"max_price": 50_000}, {"min_price": 50_000, "max_price": 200_000}]
    prices.append({"min_price": 200_000})
    pages = []
    for category, kecamatan, price, page in product(
        ["", *Category.values], ["", *Kecamatan.values], prices, [None, 2, 3]
    ):
        params = {"category": category, "kecamatan": kecamatan, **price, "halaman": page}
        query = urlencode({name: value for name, value in params.items() if value})
        pages.append(f"/umkm/?{query}" if query else "/umkm/")
    return pages


def booking_seats(location: Location) -> list[dict]:
    """Every free seat of the coming week, once: each bench booking takes its own seat.
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
    random.Random(2026).shuffle(seats)
    return seats


def main() -> None:
    create_floor_table()
    call_command("seed_demo", "--always-open", "--force", "--scale", SCALE)
    rng = random.Random(2026)
    with scopes_disabled():
        location = Location.objects.get(slug=LOCATION)
        ApiToken.objects.filter(name="bench").delete()
        services = Service.objects.filter(is_active=True).order_by("pk")
        data = {
            "kiosk_token": token_for(kiosk_location=location),
            "operators": operators(location),
            "service_pages": [
                f"/layanan/{agency}/{slug}/"
                for agency, slug in services.values_list("agency__slug", "slug")
            ],
            # Walk-in services without a daily cap: repeated runs on one day never fill it.
            "issue_services": [
                f"{agency}/{slug}"
                for agency, slug in services.filter(agency__order__lt=100)
                .exclude(pk__in=DailyQuota.objects.values("service"))
                .values_list("agency__slug", "slug")
            ],
            "search_queries": search_queries(SEARCHES, rng),
            "umkm_pages": umkm_pages(),
            "booking_seats": booking_seats(location),
            "dataset": {
                "scale": SCALE,
                "tickets": Ticket.objects.count(),
                "services": Service.objects.count(),
                "products": Product.objects.count(),
            },
        }
    print(json.dumps(data))


def _line_services(location: Location) -> tuple[list[tuple], list[float], dict[int, list[int]]]:
    """The services of the bench counters with each one's share of a morning's visitors:
    an agency draws by its open counters, and inside it a few services take most (1/rank)."""
    counters: dict[int, list[int]] = {}
    for pk, agency_id in Counter.objects.filter(
        location=location, operator__username__startswith=OPERATOR_PREFIX
    ).values_list("pk", "agency_id"):
        counters.setdefault(agency_id, []).append(pk)
    services, weights = [], []
    for agency_counters in counters.values():
        served = list(
            Service.objects.filter(counters__in=agency_counters)
            .distinct()
            .order_by("order", "pk")
            .values_list("pk", "agency_id", "queue_prefix")
        )
        ranks = [1 / rank for rank in range(1, len(served) + 1)]
        services += served
        weights += [len(agency_counters) * share / sum(ranks) for share in ranks]
    return services, weights, counters


def _ticket_row(
    service: tuple, number: int, *, location: Location, waiting: bool, rng, now, counters
) -> list:
    service_id, agency_id, prefix = service
    priority = rng.choice(Priority.values) if rng.random() < PRIORITY_SHARE else ""
    # Served tickets came earlier this morning (after midnight) and left just now.
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    issued = now if waiting else max(now - timedelta(minutes=rng.uniform(10, 180)), midnight)
    called = None if waiting else issued + (now - issued) / 2
    return [
        agency_id,
        location.pk,
        service_id,
        clock.local_day(now),
        prefix,
        number,
        new_ticket_code(),
        priority,
        "kiosk",
        "waiting" if waiting else "done",
        0 if priority else 2,
        issued,
        issued,
        called,
        called,
        None if waiting else now,
        0,
        None if waiting else rng.choice(counters[agency_id]),
    ]


def take_back(location: Location) -> None:
    """The bench's own tickets at its location go, with their events: today's (the lines it
    laid, the tickets issued and called on them) and any left live by a run stopped on an
    earlier day. The history of earlier days stays as it was, and runs leave no trace in
    the reports."""
    today = clock.today()
    Ticket.objects.filter(location=location).filter(
        Q(day=today) | Q(status__in=[Ticket.Status.WAITING, *Ticket.ACTIVE])
    ).delete()
    TicketSequence.objects.filter(location=location, day=today).delete()


def take_back_all() -> None:
    with scopes_disabled():
        take_back(Location.objects.get(slug=LOCATION))


def line(depth: int) -> None:
    """A fresh morning at the bench location: the last run's tickets taken back, then
    SERVED_THIS_MORNING visitors served earlier today and `depth` waiting tickets in one
    COPY. Prints the codes of the tickets that phones poll."""
    rng = random.Random(depth)
    now, today = clock.now(), clock.today()
    with scopes_disabled():
        location = Location.objects.get(slug=LOCATION)
        services, weights, counters = _line_services(location)
        take_back(location)
        todays = Ticket.objects.filter(location=location, day=today)
        numbers = {}
        rows = []
        for index, service in enumerate(
            rng.choices(services, weights, k=SERVED_THIS_MORNING + depth)
        ):
            prefix = service[2]
            numbers[prefix] = numbers.get(prefix, 0) + 1
            rows.append(
                _ticket_row(
                    service,
                    numbers[prefix],
                    location=location,
                    waiting=index >= SERVED_THIS_MORNING,
                    rng=rng,
                    now=now,
                    counters=counters,
                )
            )
        copy_rows(Ticket._meta.db_table, TICKET_COLUMNS, rows)
        TicketSequence.objects.bulk_create(
            TicketSequence(location=location, prefix=prefix, day=today, last_number=number)
            for prefix, number in numbers.items()
        )
        in_order = list(
            todays.filter(status="waiting")
            .order_by(*Ticket.CALL_ORDER)
            .values_list("code", flat=True)
        )
        step = max(1, len(in_order) // POLLED_TICKETS)
        keys = {
            "depth": len(in_order),
            "location_id": location.pk,
            "day": today.isoformat(),
            "waiting": in_order[::step][:POLLED_TICKETS],
            "served": list(
                todays.filter(status="done")
                .order_by("-id")
                .values_list("code", flat=True)[:SERVED_THIS_MORNING]
            ),
        }
    # As autovacuum would have by then: the tickets taken back leave dead index entries
    # that every call would otherwise step over (copy_rows has analyzed the table).
    with connection.cursor() as cursor:
        cursor.execute("VACUUM counters_ticket")
    # Pages cached under the old line must not answer for the new one.
    queue_changed(location.pk)
    print(json.dumps(keys))


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
