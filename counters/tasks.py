"""The queue's and bookings' periodic work and deferred side effects, run by the worker.

Each task calls the one service (or command) that the manual command calls too."""

import io

from django.core.management import call_command
from django_scopes import scopes_disabled
from procrastinate.contrib.django import app

from counters.booking.documents import send_booking_email
from counters.booking.models import Booking
from counters.booking.services import booking_mark_no_shows, booking_send_reminders


# Cron times are UTC, as procrastinate reads them: 08:00 UTC is 16:00 WITA.
@app.periodic(cron="0 8 * * *")
@app.task(name="counters.send_booking_reminders", queueing_lock="send_booking_reminders")
def send_booking_reminders(timestamp: int) -> int:
    return booking_send_reminders()


@app.periodic(cron="*/5 * * * *")
@app.task(name="counters.mark_booking_no_shows", queueing_lock="mark_booking_no_shows")
def mark_booking_no_shows(timestamp: int) -> int:
    return booking_mark_no_shows()


@app.periodic(cron="15 18 * * *")  # 02:15 WITA
@app.task(name="counters.anonymise_bookings", queueing_lock="anonymise_bookings")
def anonymise_bookings(timestamp: int) -> str:
    # Through the command: the retention period's cut-off date is computed there.
    output = io.StringIO()
    call_command("anonymise_bookings", stdout=output)
    return output.getvalue().strip()


@app.task(name="counters.booking_email", queue="messages")
def booking_email(booking_id: int, kind: str) -> None:
    """A booking's e-mail (confirmation, cancellation, reschedule), sent by the worker:
    deferred with common.side_effects.defer_on_commit instead of after_commit."""
    with scopes_disabled():
        booking = (
            Booking.objects.select_related("service", "location").filter(pk=booking_id).first()
        )
    if booking is not None and booking.email:
        send_booking_email(booking, kind=kind)
