"""A day an agency closes, or a schedule it switches off: everyone already booked is told
(a closed day with a link to choose another time; their booking stays theirs to move or
cancel)."""

from django_scopes import scopes_disabled

from common import clock
from counters.booking.messages import booking_tell
from counters.booking.models import Booking, BookingClosure, BookingSchedule


def booking_closure_announce(closure_id: int) -> int:
    """Tell the citizens booked on the closed day (at its location, or at every location
    of the agency when it names none); returns how many."""
    with scopes_disabled():
        closure = BookingClosure.objects.filter(pk=closure_id).first()
        if closure is None:
            return 0
        booked = Booking.objects.filter(agency=closure.agency_id, local_date=closure.date)
        if closure.location_id:
            booked = booked.filter(location=closure.location_id)
        return _tell(booked, "closed")


def booking_schedule_stopped_announce(schedule_id: int) -> int:
    """Tell the citizens booked from now on at a schedule the agency switched off (the
    service takes no bookings there any more); returns how many. None if it is on again."""
    with scopes_disabled():
        schedule = BookingSchedule.objects.filter(pk=schedule_id, is_active=False).first()
        if schedule is None:
            return 0
        booked = Booking.objects.filter(
            service=schedule.service_id, location=schedule.location_id, starts_at__gte=clock.now()
        )
        return _tell(booked, "stopped")


def _tell(bookings, kind: str) -> int:
    """Each booked one, once however often it is announced: the message's key names the
    booking's revision."""
    told = 0
    booked = bookings.filter(status=Booking.Status.BOOKED).select_related("service", "location")
    for booking in booked:
        booking_tell(booking, kind)
        told += 1
    return told
