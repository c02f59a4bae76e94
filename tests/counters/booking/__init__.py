"""Tests of bookings (reservasi)."""
