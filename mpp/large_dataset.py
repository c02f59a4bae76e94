"""`seed_demo --scale large`: a district-sized dataset for `make bench`, written with COPY.

60 agencies, 1,500 services, 200 counters, 1,000,000 tickets over the last 90 days with
SKM answers for a fifth of the finished ones, 5,000 businesses and 50,000 products, on top
of the realistic demo. Idempotent: a second run finds the rows there and adds nothing.
"""

import random
import secrets
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from common import clock
from common.bulk import copy_rows
from counters.models import AgencySchedule, Counter, SurveyResponse, Ticket
from counters.survey.models import ELEMENT_FIELDS
from services.models import Agency, Location, Service
from services.services import search_vocabulary_rebuild, services_reindex
from umkm.models import Business, Category, Kecamatan, Product

TARGET = {
    "agencies": 60,
    "services": 1500,
    "counters": 200,
    "tickets": 1_000_000,
    "businesses": 5000,
    "products": 50_000,
}
DAYS = 90
PRIORITIES = ["lansia", "disabilitas", "ibu_hamil", "anak"]
LOCATION = "expo-sangatta"

# Offices of Kutai Timur and vertical agencies that serve citizens; with the 18 kecamatan
# offices they bring the demo's eight agencies to sixty.
OFFICES = [
    "Dinas Kesehatan",
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Sosial",
    "Dinas Tenaga Kerja dan Transmigrasi",
    "Dinas Perhubungan",
    "Dinas Lingkungan Hidup",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perumahan dan Kawasan Permukiman",
    "Dinas Koperasi dan UKM",
    "Dinas Perindustrian dan Perdagangan",
    "Dinas Pertanian dan Peternakan",
    "Dinas Perikanan",
    "Dinas Pemuda dan Olahraga",
    "Dinas Pariwisata",
    "Dinas Pemberdayaan Masyarakat dan Desa",
    "Badan Pendapatan Daerah",
    "Badan Kepegawaian dan Pengembangan SDM",
    "Kantor Pertanahan Kabupaten Kutai Timur",
    "Pengadilan Agama Sangatta",
    "Kejaksaan Negeri Kutai Timur",
    "Kantor Kementerian Agama Kabupaten Kutai Timur",
    "BPJS Ketenagakerjaan Sangatta",
    "PT Taspen (Persero) Layanan Sangatta",
    "Perumda Air Minum Tirta Tuah Benua",
    "PT Pos Indonesia KCP Sangatta",
    "Bank Rakyat Indonesia Unit Sangatta",
    "Bank Mandiri KCP Sangatta",
    "Bank Negara Indonesia KCP Sangatta",
    "Badan Narkotika Nasional Kabupaten Kutai Timur",
    "Rumah Sakit Umum Daerah Kudungga",
    "Dinas Kependudukan Provinsi (UPTD Kutim)",
    "Kantor SAR Sangatta",
    "Badan Penanggulangan Bencana Daerah",
    "Satpol PP dan Damkar",
]


# The columns a generated ticket row gives, in order (here and in the benchmark's line).
TICKET_COLUMNS = [
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
    "issued_at",
    "called_at",
    "started_at",
    "finished_at",
    "recall_count",
    "counter_id",
]


def _agencies(location: Location) -> list[Agency]:
    existing = Agency.objects.count()
    names = [f"Kantor Camat {label}" for _value, label in Kecamatan.choices] + OFFICES
    order = 100
    for name in names[: max(0, TARGET["agencies"] - existing)]:
        slug = slugify(name)[:50]
        agency, _ = Agency.objects.get_or_create(
            slug=slug, defaults={"name": name, "short_name": name[:40], "order": order}
        )
        agency.locations.add(location)
        order += 1
    return list(Agency.objects.order_by("order", "pk"))


def _services(agencies: list[Agency], location: Location) -> None:
    templates = list(Service.objects.filter(agency__order__lt=100).order_by("pk"))
    missing = TARGET["services"] - Service.objects.count()
    extra = [a for a in agencies if a.order >= 100]
    if missing <= 0 or not extra or not templates:
        return
    new = []
    for index in range(missing):
        agency, template = extra[index % len(extra)], templates[index % len(templates)]
        new.append(
            Service(
                agency=agency,
                slug=f"{template.slug}-{index}",
                name=f"{template.name} ({agency.short_name})",
                summary=template.summary,
                description=template.description,
                category=template.category,
                keywords=template.keywords,
                processing_time=template.processing_time,
                processing_unit=template.processing_unit,
                processing_amount=template.processing_amount,
                fee=template.fee,
                product=template.product,
                queue_prefix="ABCDEFGHJKLMNPRSTU"[index // len(extra) % 18],
                average_minutes=template.average_minutes,
                order=index,
            )
        )
    created = Service.objects.bulk_create(new, batch_size=500)
    Service.locations.through.objects.bulk_create(
        [Service.locations.through(service_id=s.pk, location_id=location.pk) for s in created]
    )
    services_reindex(services=created)
    search_vocabulary_rebuild()


def _counters(agencies: list[Agency], location: Location) -> None:
    number = (
        Counter.objects.filter(location=location).order_by("-number").first().number
        if Counter.objects.filter(location=location).exists()
        else 0
    )
    for agency in agencies:
        for weekday in range(7):
            AgencySchedule.objects.get_or_create(
                agency=agency,
                location=location,
                weekday=weekday,
                defaults={"opens_at": time(0, 0), "closes_at": time(23, 59, 59)},
            )
    index = 0
    while Counter.objects.count() < TARGET["counters"]:
        agency = agencies[index % len(agencies)]
        index += 1
        number += 1
        counter = Counter.objects.create(
            agency=agency, location=location, number=number, name=f"{agency.short_name} {number}"
        )
        counter.services.set(agency.services.all())


def _tickets(location: Location, rng: random.Random) -> int:
    missing = TARGET["tickets"] - Ticket.objects.count()
    if missing <= 0:
        return 0
    services = list(
        Service.objects.filter(locations=location).values_list(
            "pk", "agency_id", "queue_prefix", "average_minutes"
        )
    )
    counters: dict[int, list[int]] = {}
    for counter_id, agency_id in Counter.objects.filter(location=location).values_list(
        "pk", "agency_id"
    ):
        counters.setdefault(agency_id, []).append(counter_id)
    services = [s for s in services if s[1] in counters]
    zone = timezone.get_current_timezone()
    today = clock.today()
    per_day = missing // DAYS + 1

    # Numbers already given on those days (the demo's history) go on from their last one.
    taken: dict = {}
    for day, prefix, last in (
        Ticket.objects.filter(location=location, day__gte=today - timedelta(days=DAYS))
        .values_list("day", "prefix")
        .annotate(last=Max("number"))
    ):
        taken.setdefault(day, {})[prefix] = last

    def rows():
        written = 0
        for back in range(DAYS, 0, -1):
            day = today - timedelta(days=back)
            numbers = dict(taken.get(day, {}))
            opening = datetime.combine(day, time(7, 45), tzinfo=zone)
            for _ in range(min(per_day, missing - written)):
                service_id, agency_id, prefix, minutes = rng.choice(services)
                numbers[prefix] = numbers.get(prefix, 0) + 1
                issued = opening + timedelta(seconds=rng.uniform(0, 7 * 3600))
                called = issued + timedelta(seconds=rng.expovariate(1 / 900))
                started = called + timedelta(seconds=rng.randint(20, 150))
                finished = started + timedelta(minutes=max(1.0, rng.gauss(minutes, minutes / 3)))
                status = rng.choices(["done", "no_show", "cancelled"], [90, 6, 4])[0]
                priority = rng.choice(PRIORITIES) if rng.random() < 0.08 else ""
                booked = rng.random() < 0.15
                served = status == "done"
                yield [
                    agency_id,
                    location.pk,
                    service_id,
                    day.isoformat(),
                    prefix,
                    numbers[prefix],
                    secrets.token_urlsafe(12),
                    priority,
                    "booking" if booked else "kiosk",
                    status,
                    0 if priority else (1 if booked else 2),
                    issued.isoformat(),
                    issued.isoformat(),
                    None if status == "cancelled" else called.isoformat(),
                    started.isoformat() if served else None,
                    (finished if served else called).isoformat(),
                    0,
                    None if status == "cancelled" else rng.choice(counters[agency_id]),
                ]
                written += 1

    copy_rows(Ticket._meta.db_table, TICKET_COLUMNS, rows())
    return missing


def _surveys() -> None:
    """SKM answers for about a fifth of the finished tickets, mostly 3 and 4, in one
    INSERT … SELECT (random() in SQL: the answers need no Python round trip)."""
    if SurveyResponse.objects.count() > TARGET["tickets"] // 10:
        return
    fields = list(ELEMENT_FIELDS)

    def pick(values: list[str]) -> str:
        array = ", ".join(f"'{value}'" for value in values)
        return f"(ARRAY[{array}])[1 + floor(random() * {len(values)})::int]"

    answers = ", ".join("2 + floor(random() * 2.6)::int" for _ in fields)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {SurveyResponse._meta.db_table} (ticket_id, agency_id, service_id,
                location_id, counter_id, day, submitted_at, {", ".join(fields)}, age, sex,
                education, occupation, suggestion)
            SELECT id, agency_id, service_id, location_id, counter_id, day, finished_at,
                {answers}, 17 + floor(random() * 50)::int,
                {pick(SurveyResponse.Sex.values)}, {pick(SurveyResponse.Education.values)},
                {pick(SurveyResponse.Occupation.values)}, ''
            FROM {Ticket._meta.db_table}
            WHERE status = 'done' AND random() < 0.2
                AND NOT EXISTS (SELECT 1 FROM {SurveyResponse._meta.db_table} s
                                WHERE s.ticket_id = {Ticket._meta.db_table}.id)
            """  # noqa: S608 — no outside input: table names and choice values of our models
        )


def _umkm(rng: random.Random) -> None:
    users = get_user_model()
    missing = TARGET["businesses"] - Business.objects.count()
    if missing > 0:
        start = users.objects.count()
        owners = users.objects.bulk_create(
            [users(username=f"umkm-bench-{start + i}", password="!") for i in range(missing)],
            batch_size=1000,
        )
        kecamatan = [value for value, _label in Kecamatan.choices]
        categories = [value for value, _label in Category.choices]
        Business.objects.bulk_create(
            [
                Business(
                    owner=owner,
                    name=f"Usaha {owner.username[11:]} {rng.choice(kecamatan)}",
                    slug=f"usaha-{owner.username}",
                    category=rng.choice(categories),
                    kecamatan=rng.choice(kecamatan),
                    address="Sangatta",
                    whatsapp=f"+62812{rng.randint(10_000_000, 99_999_999)}",
                    status=Business.Status.APPROVED,
                    is_dekranasda_member=rng.random() < 0.2,
                )
                for owner in owners
            ],
            batch_size=1000,
        )
    missing = TARGET["products"] - Product.objects.count()
    if missing > 0:
        businesses = list(Business.objects.values_list("pk", "category"))
        words = [
            "Amplang",
            "Kerupuk Ikan",
            "Kopi Robusta",
            "Madu Kelulut",
            "Gula Aren",
            "Anyaman Rotan",
            "Kalung Manik",
            "Tenun Ulap Doyo",
            "Abon Ikan",
            "Keripik",
        ]
        Product.objects.bulk_create(
            [
                Product(
                    business_id=business_id,
                    name=f"{rng.choice(words)} {i}",
                    slug=f"produk-bench-{i}",
                    price=rng.randrange(5_000, 750_000, 500),
                    unit="buah",
                    category=category,
                    is_available=rng.random() < 0.95,
                )
                for i in range(missing)
                for business_id, category in [businesses[i % len(businesses)]]
            ],
            batch_size=2000,
        )


def build_large_dataset() -> dict:
    location = Location.objects.get(slug=LOCATION)
    rng = random.Random(2026)  # noqa: S311 — benchmark data, reproducible
    agencies = _agencies(location)
    _services(agencies, location)
    _counters(agencies, location)
    _tickets(location, rng)
    _surveys()
    _umkm(rng)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "surveys": SurveyResponse.objects.count(),
        "tickets": Ticket.objects.count(),
        "services": Service.objects.count(),
        "products": Product.objects.count(),
    }
