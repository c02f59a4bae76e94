"""A day an agency closes: everyone already booked on it is told, with a link to choose
another time (their booking stays theirs to move or cancel)."""

from django_scopes import scopes_disabled

from counters.booking.messages import booking_tell
from counters.booking.models import Booking, BookingClosure


def booking_closure_announce(closure_id: int) -> int:
    """Tell the citizens booked on the closed day (at its location, or at every location
    of the agency when it names none); returns how many. Once per booking however often
    the closure is saved: the message's key names the booking's revision."""
    with scopes_disabled():
        closure = BookingClosure.objects.filter(pk=closure_id).first()
        if closure is None:
            return 0
        booked = Booking.objects.filter(
            agency=closure.agency_id, local_date=closure.date, status=Booking.Status.BOOKED
        ).select_related("service", "location")
        if closure.location_id:
            booked = booked.filter(location=closure.location_id)
        told = 0
        for booking in booked:
            booking_tell(booking, "closed")
            told += 1
    return told
