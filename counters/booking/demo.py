"""Demo booking schedules for the bookable services in the database (used by seed_demo)."""

from datetime import date, time

from counters.booking.models import BookingClosure, BookingSchedule
from counters.queue.models import AgencySchedule
from services.models import Location, Service

DEMO_LOCATION = "expo-sangatta"
# Gedung Expo Sangatta serves Monday to Thursday 08.00–15.00 and Friday 08.00–11.30 WITA;
# bookings take the mornings from Monday to Thursday and leave the afternoon to walk-ins.
REGULAR = {
    "weekdays": [0, 1, 2, 3],
    "opens_at": time(8, 0),
    "closes_at": time(12, 0),
    "slot_minutes": 30,
    "days_ahead": 14,
    "min_notice_minutes": 60,
}
ALWAYS_OPEN = {
    "weekdays": list(range(7)),
    "opens_at": time(0, 0),
    "closes_at": time(0, 0),
    "slot_minutes": 30,
    "days_ahead": 14,
    "min_notice_minutes": 0,
}
CLOSURES = [(date(2026, 12, 24), "Cuti bersama Hari Raya Natal")]


def slot_capacity(service: Service) -> int:
    """Seats of a half-hour slot: shorter services fit more visitors."""
    return max(2, min(6, 60 // max(service.average_minutes, 1)))


def present_weekdays(agency, location) -> list[int]:
    """Booking mornings fall on the days the agency is at the location (its queue hours,
    seeded before this), Monday to Thursday."""
    days = AgencySchedule.objects.filter(agency=agency, location=location).values_list(
        "weekday", flat=True
    )
    return sorted(set(days) & set(REGULAR["weekdays"])) or REGULAR["weekdays"]


def seed(*, always_open: bool = False) -> dict:
    location = Location.objects.filter(slug=DEMO_LOCATION).first()
    if location is None:
        return {"booking_schedules": 0}
    services = Service.objects.filter(
        is_bookable=True, is_active=True, locations=location
    ).select_related("agency")
    hours = ALWAYS_OPEN if always_open else REGULAR
    for service in services:
        defaults = {
            "agency": service.agency,
            "capacity": slot_capacity(service),
            "is_active": True,
            **hours,
        }
        if not always_open:
            defaults["weekdays"] = present_weekdays(service.agency, location)
        BookingSchedule.objects.update_or_create(
            service=service, location=location, defaults=defaults
        )
    agencies = {service.agency for service in services}
    for agency in agencies:
        for day, reason in CLOSURES:
            BookingClosure.objects.update_or_create(
                agency=agency, location=None, date=day, defaults={"reason": reason}
            )
    return {"booking_schedules": len(services)}
