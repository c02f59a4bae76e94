"""Every write of a booking, one transaction each with its BookingEvent row: reservation
(book, cancel, reschedule), check-in at the kiosk, the daily jobs, closed days and
personal-data reveals."""

from counters.booking.services.check_in import booking_check_in
from counters.booking.services.closures import (
    booking_closure_announce,
    booking_schedule_stopped_announce,
)
from counters.booking.services.housekeeping import (
    ANONYMISED_NAME,
    booking_mark_no_shows,
    booking_send_reminders,
    bookings_anonymise,
)
from counters.booking.services.personal_data import booking_personal_data_reveal
from counters.booking.services.records import BookingError
from counters.booking.services.reservation import booking_cancel, booking_create, booking_reschedule

__all__ = [
    "ANONYMISED_NAME",
    "BookingError",
    "booking_cancel",
    "booking_check_in",
    "booking_closure_announce",
    "booking_create",
    "booking_mark_no_shows",
    "booking_personal_data_reveal",
    "booking_reschedule",
    "booking_schedule_stopped_announce",
    "booking_send_reminders",
    "bookings_anonymise",
]
