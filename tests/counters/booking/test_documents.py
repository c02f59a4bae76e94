"""What the citizen takes home from a booking, read with the tools the world uses: the QR
code by zbar, the calendar file by the icalendar package."""

import icalendar
import pytest
from django.core import mail

from counters.booking.services import booking_cancel, booking_reschedule
from tests.counters.booking.conftest import NINE, VALID_NIK, book, wita
from tests.factories import ServiceRequirementFactory
from tests.jobs import run_jobs
from tests.qr_reader import read_qr, svg_in_page

pytestmark = pytest.mark.django_db

ELEVEN_NEXT_DAY = wita(2026, 12, 9, 11, 0)
EMAIL = "siti@example.id"


@pytest.fixture
def requirements(schedule):
    return [
        ServiceRequirementFactory(service=schedule.service, text="Kartu Keluarga", order=1),
        ServiceRequirementFactory(
            service=schedule.service, text="Surat pengantar RT", order=2, bring_original=True
        ),
        ServiceRequirementFactory(service=schedule.service, text="Pas foto 3x4", order=3, copies=2),
    ]


def open_booking_page(client, booking):
    response = client.post(f"/reservasi/{booking.code}/", {"nik": VALID_NIK})
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


def calendar_event(client, booking):
    client.post(f"/reservasi/{booking.code}/", {"nik": VALID_NIK})
    response = client.get(f"/reservasi/{booking.code}/kalender.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def attached_event(message):
    (_name, content, mimetype) = message.attachments[0]
    assert mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(content)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def test_the_booking_qr_on_the_page_is_read_by_zbar_as_the_bare_code(
    client, schedule, monday_morning
):
    booking = book(schedule, monday_morning, email=EMAIL)
    assert read_qr(svg_in_page(open_booking_page(client, booking))) == booking.code


def test_the_calendar_entry_raises_its_sequence_on_reschedule_and_cancels_with_the_same_uid(
    client, schedule, monday_morning
):
    booking = book(schedule, monday_morning, email=EMAIL)
    calendar, first = calendar_event(client, booking)
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert first["UID"] == f"{booking.code}@mpp-kutim"
    assert int(first["SEQUENCE"]) == 0 and str(first["STATUS"]) == "CONFIRMED"
    assert first.decoded("DTSTART") == NINE

    booking_reschedule(
        booking=booking, schedule=schedule, starts_at=ELEVEN_NEXT_DAY, now=monday_morning
    )
    _calendar, moved = calendar_event(client, booking)
    assert moved["UID"] == first["UID"]
    assert int(moved["SEQUENCE"]) == 1 and str(moved["STATUS"]) == "CONFIRMED"
    assert moved.decoded("DTSTART") == ELEVEN_NEXT_DAY

    booking_cancel(booking=booking, now=monday_morning)
    calendar, cancelled = calendar_event(client, booking)
    assert str(calendar["METHOD"]) == "CANCEL"
    assert cancelled["UID"] == first["UID"]
    assert int(cancelled["SEQUENCE"]) == 2 and str(cancelled["STATUS"]) == "CANCELLED"


def test_every_email_carries_the_calendar_entry_of_its_revision(schedule, monday_morning):
    booking = book(schedule, monday_morning, email=EMAIL)
    run_jobs()
    booking_reschedule(
        booking=booking, schedule=schedule, starts_at=ELEVEN_NEXT_DAY, now=monday_morning
    )
    run_jobs()
    booking_cancel(booking=booking, now=monday_morning)
    run_jobs()
    events = [attached_event(message) for message in mail.outbox]
    assert [int(event["SEQUENCE"]) for _calendar, event in events] == [0, 1, 2]
    assert [str(event["STATUS"]) for _calendar, event in events] == [
        "CONFIRMED",
        "CONFIRMED",
        "CANCELLED",
    ]
    assert {str(event["UID"]) for _calendar, event in events} == {f"{booking.code}@mpp-kutim"}
    assert "dibatalkan" in mail.outbox[2].subject


REQUIRED_LINES = [
    "Kartu Keluarga",
    "Surat pengantar RT (bawa asli)",
    "Pas foto 3x4 (fotokopi 2 lembar)",
]


def test_the_confirmation_page_lists_the_documents_to_bring(
    client, schedule, monday_morning, requirements
):
    page = open_booking_page(client, book(schedule, monday_morning, email=EMAIL))
    assert "Dokumen yang dibawa" in page
    for line in REQUIRED_LINES:
        assert f"<li>{line}</li>" in page


def test_the_confirmation_email_lists_the_documents_to_bring(
    schedule, monday_morning, requirements
):
    book(schedule, monday_morning, email=EMAIL)
    run_jobs()
    body = mail.outbox[0].body
    for line in REQUIRED_LINES:
        assert f"- {line}\n" in body


def test_the_calendar_entry_describes_the_documents_to_bring(
    client, schedule, monday_morning, requirements
):
    _calendar, event = calendar_event(client, book(schedule, monday_morning, email=EMAIL))
    description = str(event["DESCRIPTION"])
    for line in REQUIRED_LINES:
        assert f"- {line}" in description.splitlines()
