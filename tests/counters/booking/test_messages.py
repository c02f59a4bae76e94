"""What a booked citizen is told on the phone channels they allowed: the confirmation, the
reminder, a closed day; their yes recorded with the booking and withdrawn in one tap."""

import pytest
from django.core import mail
from django_scopes import scopes_disabled

from counters.booking.messages import booking_messages_allowed, booking_messages_set
from counters.booking.services import (
    booking_cancel,
    booking_closure_announce,
    booking_reschedule,
    booking_schedule_stopped_announce,
    booking_send_reminders,
)
from notifications.models import Consent, Message
from tests.counters.booking.conftest import NINE, OTHER_NIK, book, wita
from tests.factories import BookingClosureFactory, LocationFactory
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db

PHONE = "+6281234567890"


def messages(template: str | None = None) -> list[Message]:
    found = Message.objects.order_by("id")
    return list(found.filter(template=template) if template else found)


def test_a_booking_with_whatsapp_allowed_queues_its_confirmation(
    schedule, monday_morning, phone_channels
):
    booking = book(schedule, monday_morning, notify=("whatsapp",))
    assert set(
        Consent.objects.filter(withdrawn_at=None).values_list("channel", "purpose", "recipient")
    ) == {("whatsapp", "booking", PHONE), ("whatsapp", "queue", PHONE)}
    (message,) = messages()
    assert (message.template, message.channel, message.recipient) == (
        "booking_confirmation",
        "whatsapp",
        PHONE,
    )
    assert message.tenant == booking.agency_id
    assert message.context == {
        "service": "Perekaman KTP-el",
        "location": booking.location.name,
        "date": "08-12-2026",
        "time": "09.00",
        "code": booking.code,
        "link": f"https://mpp.kutaitimurkab.go.id/reservasi/{booking.code}/",
    }
    # The minimum: neither the NIK nor the name travels.
    assert booking.nik not in str(message.context) and "Siti" not in str(message.context)


def test_no_message_without_a_yes(schedule, monday_morning, phone_channels):
    book(schedule, monday_morning)
    assert messages() == []
    assert not Consent.objects.exists()


def test_the_confirmation_reaches_the_whatsapp_api_from_the_worker(
    schedule, monday_morning, gateways
):
    whatsapp, _sms = gateways
    booking = book(schedule, monday_morning, notify=("whatsapp",), language="en")
    assert whatsapp.requests == []  # the request itself never talks to the gateway
    run_jobs()
    (sent,) = whatsapp.accepted
    (message,) = messages()
    assert message.state == Message.State.SENT and message.provider_id == sent["id"]
    assert message.language == "en"
    (request,) = whatsapp.requests
    template = request["json"]["template"]
    assert template["name"] == "mpp_reservasi_terkonfirmasi"
    assert template["language"]["code"].startswith("en")
    assert booking.code in str(template["components"])


def test_the_reminder_goes_once_to_every_booked_visitor_who_allowed_it(
    schedule, monday_morning, phone_channels
):
    booking = book(schedule, monday_morning, notify=("sms",))
    book(schedule, monday_morning, nik=OTHER_NIK, phone="0813 1111 2222")  # no yes: none
    evening = wita(2026, 12, 7, 18, 0)
    assert booking_send_reminders(now=evening) == 2
    assert booking_send_reminders(now=evening) == 0
    (reminder,) = messages("booking_reminder")
    assert reminder.channel == "sms" and reminder.context["code"] == booking.code


def test_a_reschedule_is_confirmed_again_and_a_cancellation_sends_no_message(
    schedule, monday_morning, phone_channels
):
    booking = book(schedule, monday_morning, notify=("whatsapp",))
    booking_reschedule(
        booking=booking, schedule=schedule, starts_at=wita(2026, 12, 9, 10, 0), now=monday_morning
    )
    booking_cancel(booking=booking, now=monday_morning)
    confirmations = messages("booking_confirmation")
    assert [m.context["date"] for m in confirmations] == ["08-12-2026", "09-12-2026"]
    assert len(messages()) == 2


def test_a_closed_day_tells_everyone_booked_there_once_with_a_reschedule_link(
    schedule, monday_morning, phone_channels
):
    told = book(schedule, monday_morning, notify=("whatsapp",))
    other_day = book(schedule, monday_morning, nik=OTHER_NIK, start=wita(2026, 12, 9, 9, 0))
    cancelled = book(schedule, monday_morning, nik="6408011505900003", notify=("whatsapp",))
    booking_cancel(booking=cancelled, now=monday_morning)
    elsewhere = BookingClosureFactory(
        agency=schedule.agency, location=LocationFactory(), date=NINE.date()
    )
    assert booking_closure_announce(elsewhere.pk) == 0
    closure = BookingClosureFactory(agency=schedule.agency, location=None, date=NINE.date())
    assert booking_closure_announce(closure.pk) == 1
    assert booking_closure_announce(closure.pk) == 1  # saved again: still one message
    (closed,) = messages("booking_closed")
    assert closed.context["code"] == told.code
    assert closed.context["link"].endswith(f"/reservasi/{told.code}/ubah/")
    assert other_day.code not in str([m.context for m in messages("booking_closed")])


def test_one_tap_withdraws_every_yes_of_the_number(schedule, monday_morning, phone_channels):
    booking = book(schedule, monday_morning, notify=("whatsapp", "sms"))
    assert booking_messages_allowed(booking) == ["whatsapp", "sms"]
    booking_messages_set(booking, [])
    assert booking_messages_allowed(booking) == []
    with scopes_disabled():
        assert not Consent.objects.filter(withdrawn_at=None).exists()
    assert Consent.objects.filter(withdrawn_source="halaman reservasi").count() == 4
    booking_send_reminders(now=wita(2026, 12, 7, 18, 0))
    assert messages("booking_reminder") == []


def test_a_switched_off_schedule_tells_everyone_booked_from_now_on(
    schedule, monday_morning, phone_channels
):
    told = book(schedule, monday_morning, notify=("whatsapp",), email="siti@example.id")
    book(schedule, monday_morning, nik=OTHER_NIK, phone="0813 1111 2222")  # no yes, no address
    assert booking_schedule_stopped_announce(schedule.pk) == 0  # still on: nothing to tell
    schedule.is_active = False
    schedule.save()
    assert booking_schedule_stopped_announce(schedule.pk) == 2
    assert booking_schedule_stopped_announce(schedule.pk) == 2  # and still one message each
    (stopped,) = messages("booking_stopped")
    assert stopped.context["code"] == told.code
    assert stopped.context["link"].endswith(f"/reservasi/{told.code}/")
    run_jobs("counters.booking_email")
    assert [m.subject for m in mail.outbox if "tidak dapat dilayani" in m.subject] == [
        f"Reservasi {told.code} tidak dapat dilayani"
    ]
    assert "kios MPP" in mail.outbox[-1].body and "Dokumen yang dibawa" not in mail.outbox[-1].body
