"""A service's processing time as a unit and amount: read from its Indonesian text, kept
consistent by the database and the model's validation, filled in for existing and demo
services."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django_scopes import scopes_disabled

from services.demo_catalog import SERVICES
from services.models import Service
from services.processing_time import parse_processing_time
from tests.factories import ServiceFactory

Unit = Service.ProcessingUnit

# Every distinct processing time of the demo catalog, with what it promises.
DEMO_TEXTS = {
    "1 hari kerja": (Unit.WORKING_DAYS, 1),
    "1 hari kerja bila persyaratan lengkap": (Unit.WORKING_DAYS, 1),
    "1 hari kerja setelah pencatatan": (Unit.WORKING_DAYS, 1),
    "1 hari kerja setelah perekaman bila persyaratan lengkap": (Unit.WORKING_DAYS, 1),
    "15 menit": (Unit.SAME_DAY, None),
    "4 hari kerja setelah wawancara dan pembayaran": (Unit.WORKING_DAYS, 4),
    "Paling lama 28 hari kerja sejak dokumen dinyatakan lengkap": (Unit.WORKING_DAYS, 28),
    "Paling lama 3 hari kerja": (Unit.WORKING_DAYS, 3),
    "Paling lama 3 hari kerja setelah pemeriksaan kelaikan": (Unit.WORKING_DAYS, 3),
    "Paling lama 5 hari kerja": (Unit.WORKING_DAYS, 5),
    "Paling lama 5 hari kerja sejak persyaratan lengkap": (Unit.WORKING_DAYS, 5),
    "STNK di hari yang sama; BPKB paling lama 14 hari kerja": (Unit.WORKING_DAYS, 14),
    "Sekitar 10 menit": (Unit.SAME_DAY, None),
    "Sekitar 30 menit": (Unit.SAME_DAY, None),
    "Selesai pada hari yang sama": (Unit.SAME_DAY, None),
    "Selesai pada hari yang sama (sekitar 30 menit)": (Unit.SAME_DAY, None),
    "Selesai pada hari yang sama bila persyaratan lengkap": (Unit.SAME_DAY, None),
    "Selesai pada hari yang sama setelah cek fisik": (Unit.SAME_DAY, None),
    "Selesai saat itu juga": (Unit.SAME_DAY, None),
    "Selesai saat itu juga bila data lengkap": (Unit.SAME_DAY, None),
    "Selesai saat itu juga; berlaku pada bulan berikutnya": (Unit.SAME_DAY, None),
    # The card's activation "paling cepat 14 hari" later is the soonest, not a promise.
    "Selesai saat itu juga; kartu aktif setelah iuran pertama dibayar (paling cepat 14 hari "
    "sejak pendaftaran)": (Unit.SAME_DAY, None),
    "Sesuai penilaian kelayakan usaha oleh bank": (Unit.UNSPECIFIED, None),
    "Setelah berita acara pemeriksaan; paspor terbit 4 hari kerja setelah pembayaran": (
        Unit.WORKING_DAYS,
        4,
    ),
    "Terbit saat itu juga setelah data di OSS lengkap": (Unit.SAME_DAY, None),
}


def test_every_processing_time_of_the_demo_catalog_has_its_expected_reading():
    texts = {service["processing_time"] for entries in SERVICES.values() for service in entries}
    assert texts == set(DEMO_TEXTS)


@pytest.mark.parametrize(("text", "expected"), DEMO_TEXTS.items())
def test_demo_processing_times_are_read_as_their_unit_and_amount(text, expected):
    assert parse_processing_time(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7 hari", (Unit.DAYS, 7)),
        ("Paling lama 2 x 24 jam", (Unit.HOURS, 24)),
        ("3  Hari  Kerja", (Unit.WORKING_DAYS, 3)),
        ("10 hari kalender atau 5 hari kerja", (Unit.DAYS, 10)),
        ("Paling cepat 3 hari, paling lama 10 hari kerja", (Unit.WORKING_DAYS, 10)),
        ("0 hari kerja", (Unit.UNSPECIFIED, None)),
        ("99999 hari", (Unit.UNSPECIFIED, None)),
        ("", (Unit.UNSPECIFIED, None)),
    ],
)
def test_other_texts_are_read_by_the_longest_promise_they_make(text, expected):
    assert parse_processing_time(text) == expected


def unsaved_service(agency, unit, amount) -> Service:
    """A service whose other fields pass validation, with this unit and amount."""
    return ServiceFactory.build(
        agency=agency,
        processing_time="Menurut satuan yang diuji",
        product="Surat izin",
        processing_unit=unit,
        processing_amount=amount,
    )


CONSISTENT = [
    (Unit.UNSPECIFIED, None),
    (Unit.SAME_DAY, None),
    (Unit.HOURS, 4),
    (Unit.DAYS, 14),
    (Unit.WORKING_DAYS, 5),
]
INCONSISTENT = [
    (Unit.UNSPECIFIED, 3),
    (Unit.SAME_DAY, 1),
    (Unit.HOURS, None),
    (Unit.DAYS, 0),
    (Unit.WORKING_DAYS, None),
    ("weeks", 2),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("unit", "amount"), CONSISTENT)
def test_an_amount_goes_with_hours_and_days_only(agency_a, unit, amount):
    service = unsaved_service(agency_a, unit, amount)
    with scopes_disabled():
        service.full_clean()
        service.save()


@pytest.mark.django_db
@pytest.mark.parametrize(("unit", "amount"), INCONSISTENT)
def test_the_database_refuses_a_unit_and_amount_that_do_not_fit(agency_a, unit, amount):
    with scopes_disabled(), pytest.raises(IntegrityError) as refused, transaction.atomic():
        ServiceFactory(agency=agency_a, processing_unit=unit, processing_amount=amount)
    assert "service_processing_amount_with_unit" in str(refused.value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("unit", "amount", "message"),
    [
        (Unit.WORKING_DAYS, None, "Isi jumlah hari kerja, paling sedikit 1."),
        (Unit.DAYS, 0, "Isi jumlah hari kalender, paling sedikit 1."),
        (
            Unit.SAME_DAY,
            2,
            "Kosongkan jumlahnya: satuan “Selesai pada hari yang sama” tidak memakai jumlah.",
        ),
        (
            Unit.UNSPECIFIED,
            2,
            "Kosongkan jumlahnya: satuan “tidak ditentukan” tidak memakai jumlah.",
        ),
    ],
)
def test_validation_says_in_indonesian_what_the_amount_needs(agency_a, unit, amount, message):
    service = unsaved_service(agency_a, unit, amount)
    with scopes_disabled(), pytest.raises(ValidationError) as refused:
        service.full_clean()
    assert refused.value.message_dict == {"processing_amount": [message]}


@pytest.mark.django_db
def test_the_migration_reads_the_unit_and_amount_of_existing_services(agency_a):
    migration = importlib.import_module("services.migrations.0005_processing_unit")
    with scopes_disabled():
        texts = ["Paling lama 5 hari kerja", "Selesai saat itu juga", "Sesuai penilaian bank"]
        for text in texts:
            ServiceFactory(agency=agency_a, processing_time=text)
        migration.fill_from_text(apps, schema_editor=None)
        found = Service.objects.filter(agency=agency_a).order_by("processing_time")
        assert [(s.processing_time, s.processing_unit, s.processing_amount) for s in found] == [
            ("Paling lama 5 hari kerja", Unit.WORKING_DAYS, 5),
            ("Selesai saat itu juga", Unit.SAME_DAY, None),
            ("Sesuai penilaian bank", Unit.UNSPECIFIED, None),
        ]


@pytest.mark.django_db
def test_the_demo_catalog_has_the_unit_and_amount_of_its_texts(demo_catalog):
    for service in demo_catalog:
        assert (service.processing_unit, service.processing_amount) == DEMO_TEXTS[
            service.processing_time
        ]
