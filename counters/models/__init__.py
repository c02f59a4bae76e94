"""Data of the counters app: the queue engine and bookings (reservasi)."""

from counters.models.booking import Booking, BookingClosure, BookingSchedule, BookingSlot

__all__ = ["Booking", "BookingClosure", "BookingSchedule", "BookingSlot"]
