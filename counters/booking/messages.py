"""What a citizen with a booking is told, and their yes or no to it.

Each word is queued in the transaction of the change it tells of and sent by a worker: the
e-mail with the calendar file when the citizen gave an address, and a short message on the
phone channels they allowed (notifications). A rolled-back change tells nothing."""

from django.db import transaction
from django.utils import timezone, translation
from django_scopes import scopes_disabled
from procrastinate.contrib.django import app

from common.links import public_url
from common.side_effects import defer_on_commit
from counters.booking.documents import send_booking_email
from counters.booking.models import Booking
from notifications.consent import (
    PHONE_CHANNELS,
    allowed_channels,
    consent_grant,
    consent_withdraw,
)
from notifications.services import message_queue

# A yes given with a booking covers its own messages and the calls of its visit's ticket.
PURPOSES = ("booking", "queue")
CONSENT_SOURCE = "reservasi"
WITHDRAW_SOURCE = "halaman reservasi"

# kind -> the message template; e-mails go for every kind but "closed".
TEMPLATES = {
    "confirmation": "booking_confirmation",
    "reschedule": "booking_confirmation",
    "reminder": "booking_reminder",
    "closed": "booking_closed",
    "stopped": "booking_stopped",
}
EMAIL_KINDS = ("confirmation", "reschedule", "reminder", "cancellation", "closed", "stopped")
# Told by an announcement that may be made more than once for the same booking.
ANNOUNCED = ("closed", "stopped")


def booking_tell(booking: Booking, kind: str) -> None:
    """Queue what the citizen is told of `kind` (confirmation, reschedule, reminder,
    cancellation, closed: the day is closed, stopped: the service takes no bookings there
    any more) in the current transaction."""
    if booking.email and kind in EMAIL_KINDS:
        defer_on_commit(
            booking_email,
            # A notice announced again (a closure saved twice) is e-mailed once.
            once=kind in ANNOUNCED,
            booking_id=booking.pk,
            kind=kind,
            sequence=booking.sequence,
        )
    if kind in TEMPLATES:
        message_queue(
            template=TEMPLATES[kind],
            context=_message_context(booking, kind),
            # One message per change: a reschedule raises the sequence, a retry does not.
            idempotency_key=f"booking:{booking.code}:{kind}:{booking.sequence}",
            phone=booking.phone,
            language=booking.language,
            tenant=booking.agency_id,
        )


def _message_context(booking: Booking, kind: str) -> dict:
    starts_at = timezone.localtime(booking.starts_at)
    page = "booking:reschedule" if kind == "closed" else "booking:manage"
    with translation.override(booking.language):
        return {
            "service": booking.service.localized_name,
            "location": booking.location.name,
            "date": f"{starts_at:%d-%m-%Y}",
            "time": f"{starts_at:%H.%M}",
            "code": booking.code,
            "link": public_url(page, booking.code),
        }


@app.task(name="counters.booking_email", queue="messages")
def booking_email(booking_id: int, kind: str, sequence: int) -> None:
    """A booking's e-mail, sent by a worker in the language the citizen booked in; none
    when the booking has changed again since (`sequence`): the e-mail of that later change
    carries the calendar entry that counts."""
    with scopes_disabled():
        booking = (
            Booking.objects.select_related("service", "location").filter(pk=booking_id).first()
        )
    if booking is not None and booking.email and booking.sequence == sequence:
        with translation.override(booking.language):
            send_booking_email(booking, kind=kind)


def booking_messages_allow(booking: Booking, channels) -> None:
    """The citizen's yes, given with the booking, to messages on these phone channels."""
    for channel in channels:
        for purpose in PURPOSES:
            consent_grant(
                recipient=booking.phone, channel=channel, purpose=purpose, source=CONSENT_SOURCE
            )


def booking_messages_set(booking: Booking, channels) -> None:
    """The booking's number gets booking and queue messages on exactly these phone
    channels from now on: the others' yes is withdrawn (none: one tap stops them all)."""
    with transaction.atomic():
        for channel in PHONE_CHANNELS:
            if channel not in channels:
                for purpose in PURPOSES:
                    consent_withdraw(
                        recipient=booking.phone,
                        channel=channel,
                        purpose=purpose,
                        source=WITHDRAW_SOURCE,
                    )
        booking_messages_allow(booking, channels)


def booking_messages_allowed(booking: Booking) -> list[str]:
    """The phone channels on which the booking's number gets booking messages."""
    return [
        channel
        for channel, _number in allowed_channels(purpose="booking", phone=booking.phone)
        if channel in PHONE_CHANNELS
    ]
