"""The queue's and bookings' periodic work and deferred side effects, run by the worker.

Each task calls the one service (or command) that the manual command calls too; a
booking's e-mail is a task of counters.booking.messages."""

import io

from django.core.management import call_command
from procrastinate.contrib.django import app

from common import clock
from counters.booking.messages import booking_email
from counters.booking.services import (
    booking_closure_announce,
    booking_mark_no_shows,
    booking_schedule_stopped_announce,
    booking_send_reminders,
)
from counters.queue.messages import ticket_phones_forget


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


@app.periodic(cron="20 18 * * *")  # 02:20 WITA
@app.task(name="counters.forget_ticket_phones", queueing_lock="forget_ticket_phones")
def forget_ticket_phones(timestamp: int) -> int:
    return ticket_phones_forget(before=clock.today())


@app.task(name="counters.announce_closure", queue="messages")
def announce_closure(closure_id: int) -> int:
    return booking_closure_announce(closure_id)


@app.task(name="counters.announce_schedule_stopped", queue="messages")
def announce_schedule_stopped(schedule_id: int) -> int:
    return booking_schedule_stopped_announce(schedule_id)


__all__ = [
    "announce_closure",
    "announce_schedule_stopped",
    "anonymise_bookings",
    "booking_email",
    "forget_ticket_phones",
    "mark_booking_no_shows",
    "send_booking_reminders",
]
