"""The daily jobs: reminders for tomorrow, no-shows of closed windows, and erasing
personal data after the retention period."""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django_scopes import scopes_disabled

from common import clock
from counters.booking.messages import booking_tell
from counters.booking.models import CHECK_IN_CLOSES_AFTER, Booking, BookingEvent


def booking_send_reminders(*, now: datetime | None = None) -> int:
    """Remind tomorrow's booked visitors once (e-mail, and a message where they allowed
    one): each booking is locked (others running this at the same time skip it) and marked
    in the transaction that queues its reminder for the worker."""
    now = now or clock.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    sent = 0
    with scopes_disabled():
        pending = Booking.objects.filter(
            local_date=tomorrow, status=Booking.Status.BOOKED, reminder_sent_at__isnull=True
        )
        for pk in pending.values_list("pk", flat=True):
            with transaction.atomic():
                booking = (
                    pending.select_for_update(skip_locked=True, of=("self",))
                    .select_related("service", "location")
                    .filter(pk=pk)
                    .first()
                )
                if booking is None:
                    continue
                booking_tell(booking, "reminder")
                booking.reminder_sent_at = now
                booking.save(update_fields=["reminder_sent_at", "updated_at"])
                sent += 1
    return sent


def booking_mark_no_shows(*, now: datetime | None = None) -> int:
    """Booked visits whose check-in window has closed become no-shows."""
    now = now or clock.now()
    allowed, to = Booking.TRANSITIONS["no_show"]
    with transaction.atomic(), scopes_disabled():
        # Locked, so that a check-in at this moment either waits and is then no longer
        # picked here, or finds the booking already a no-show.
        due = list(
            Booking.objects.select_for_update()
            .filter(status__in=allowed, starts_at__lt=now - CHECK_IN_CLOSES_AFTER)
            .only("pk", "agency_id", "status")
        )
        Booking.objects.filter(pk__in=[booking.pk for booking in due]).update(
            status=to, updated_at=now
        )
        BookingEvent.objects.bulk_create(
            BookingEvent(
                agency_id=booking.agency_id,
                booking_id=booking.pk,
                action=BookingEvent.Action.NO_SHOW,
                from_status=booking.status,
                to_status=to,
                at=now,
            )
            for booking in due
        )
        return len(due)


ANONYMISED_NAME = "(dihapus)"


def bookings_anonymise(*, before) -> int:
    """Erase the personal data (name, NIK, phone, email) of bookings whose day is before
    `before` (UU 27/2022: kept no longer than needed). The visit itself stays for reports.
    The NIK becomes a per-row placeholder that can never be a real NIK (it has a dash)."""
    now = clock.now()
    with transaction.atomic(), scopes_disabled():
        stale = Booking.objects.filter(local_date__lt=before).exclude(name=ANONYMISED_NAME)
        # Locked, so that a second run at the same moment waits and then skips these rows:
        # each booking is erased, and its event written, once.
        erased = list(stale.select_for_update().only("pk", "agency_id", "status"))
        Booking.objects.filter(pk__in=[booking.pk for booking in erased]).update(
            name=ANONYMISED_NAME,
            nik=Concat(Value("-"), Cast("pk", CharField())),
            phone="",
            email="",
        )
        BookingEvent.objects.bulk_create(
            BookingEvent(
                agency_id=booking.agency_id,
                booking_id=booking.pk,
                action=BookingEvent.Action.ANONYMISED,
                from_status=booking.status,
                to_status=booking.status,
                at=now,
            )
            for booking in erased
        )
        return len(erased)
