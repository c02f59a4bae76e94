"""At the kiosk a booking becomes a queue ticket, inside its check-in window."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from common import clock
from counters.booking.models import Booking, BookingEvent
from counters.booking.selectors import normalize_code
from counters.booking.services.records import BookingError, record_event
from counters.queue.models import Ticket
from counters.queue.services.tickets import ticket_issue
from services.models import Location


def _check_in_refusal(booking: Booking, location: Location, now: datetime) -> BookingError | None:
    if booking.location_id != location.pk:
        return BookingError(
            _("Reservasi ini untuk %(location)s, bukan lokasi ini.")
            % {"location": booking.location.name},
            code="wrong_location",
        )
    if booking.status == Booking.Status.CHECKED_IN:
        number = booking.ticket.display_number if booking.ticket else "-"
        return BookingError(
            _("Reservasi ini sudah check-in dengan nomor antrian %(number)s.") % {"number": number},
            code="already_checked_in",
        )
    if booking.status not in Booking.TRANSITIONS["checked_in"][0]:
        return BookingError(
            _("Reservasi ini berstatus %(status)s.")
            % {"status": booking.get_status_display().lower()},
            code="not_checkable",
        )
    if now < booking.check_in_opens_at:
        return BookingError(
            _("Check-in untuk reservasi ini baru dibuka pukul %(time)s WITA.")
            % {"time": timezone.localtime(booking.check_in_opens_at).strftime("%H.%M")},
            code="too_early",
        )
    if now > booking.check_in_closes_at:
        return BookingError(
            _(
                "Waktu check-in reservasi ini sudah lewat (batas pukul %(time)s WITA). "
                "Silakan ambil antrian biasa."
            )
            % {"time": timezone.localtime(booking.check_in_closes_at).strftime("%H.%M")},
            code="too_late",
        )
    return None


def booking_check_in(*, code: str, location: Location, now: datetime | None = None) -> Ticket:
    """At the kiosk, inside the window (30 minutes before to 15 after the slot start), a
    booking becomes a queue ticket called before walk-ins of its service."""
    now = now or clock.now()
    with transaction.atomic(), scopes_disabled():
        # Locked so that two scans of the same QR code make one ticket.
        booking = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("agency", "service", "location")
            .filter(code=normalize_code(code))
            .first()
        )
        if booking is None:
            raise BookingError(_("Kode reservasi tidak ditemukan."), code="not_found", status=404)
        refusal = _check_in_refusal(booking, location, now)
        if refusal is not None:
            raise refusal
        ticket = ticket_issue(
            service=booking.service,
            location=booking.location,
            source=Ticket.Source.BOOKING,
            booked_slot_start=booking.starts_at,
            # The booking's number: its calls are told where the citizen allowed queue
            # messages with the booking.
            phone=booking.phone,
            language=booking.language,
        )
        booking.ticket = ticket
        booking.status = Booking.TRANSITIONS["checked_in"][1]
        booking.checked_in_at = now
        booking.save(update_fields=["ticket", "status", "checked_in_at", "updated_at"])
        record_event(
            booking,
            BookingEvent.Action.CHECKED_IN,
            from_status=Booking.Status.BOOKED,
            at=now,
            note=ticket.display_number,
        )
    return ticket
