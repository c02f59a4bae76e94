"""What every booking write shares: its error type and its audit row."""

from datetime import datetime

from common.errors import DomainError
from counters.booking.models import Booking, BookingEvent


class BookingError(DomainError):
    """A booking rule was broken; nothing was changed."""


def record_event(
    booking: Booking, action: str, *, from_status: str, at: datetime, actor=None, note: str = ""
) -> BookingEvent:
    """The change's audit row, written by the caller inside the change's transaction."""
    return BookingEvent.objects.create(
        agency_id=booking.agency_id,
        booking_id=booking.pk,
        action=action,
        from_status=from_status,
        to_status=booking.status,
        actor=actor,
        at=at,
        note=note,
    )
