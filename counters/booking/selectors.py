"""Reads of bookings: bookable services, computed slots with remaining seats, a citizen's
booking behind its NIK, and an agency's day list."""

import hmac
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from common import clock
from common.validators import normalize_nik
from common.workdays import national_holidays
from counters.booking.models import MIDNIGHT, Booking, BookingClosure, BookingSchedule, BookingSlot
from counters.queue.selectors.reference import cached_reference, is_slug
from services.models import Service, ServiceRequirement


@dataclass(frozen=True)
class Slot:
    starts_at: datetime
    ends_at: datetime
    capacity: int
    remaining: int


@dataclass(frozen=True)
class Day:
    date: date
    remaining: int
    closed_reason: str

    @property
    def is_open(self) -> bool:
        return not self.closed_reason and self.remaining > 0


def bookable_services() -> QuerySet[Service]:
    """Active bookable services that have at least one active schedule, for the public."""
    with scopes_disabled():
        return (
            Service.objects.filter(
                is_active=True,
                is_bookable=True,
                agency__is_active=True,
                booking_schedules__is_active=True,
                booking_schedules__location__is_active=True,
            )
            .select_related("agency")
            .distinct()
            .order_by("agency__order", "agency__name", "order", "name")
        )


def service_schedules(*, agency_slug: str, service_slug: str) -> list[BookingSchedule]:
    """The active schedules of one public bookable service, one per location (reference
    data: from the cache; seats are never counted from it)."""
    if not (is_slug(agency_slug) and is_slug(service_slug)):
        return []

    def load():
        with scopes_disabled():
            return list(
                BookingSchedule.objects.filter(
                    is_active=True,
                    agency__slug=agency_slug,
                    agency__is_active=True,
                    service__slug=service_slug,
                    service__is_active=True,
                    service__is_bookable=True,
                    location__is_active=True,
                )
                .select_related("agency", "service", "location")
                .order_by("location__order", "location__name")
            )

    return cached_reference(f"ref:schedules:{agency_slug}/{service_slug}", load)


def find_schedule(*, agency_slug: str, service_slug: str, location_slug: str):
    for schedule in service_schedules(agency_slug=agency_slug, service_slug=service_slug):
        if schedule.location.slug == location_slug:
            return schedule
    return None


def local_now(now: datetime | None = None) -> datetime:
    return timezone.localtime(now or clock.now())


def slot_times(schedule: BookingSchedule, day: date) -> list[tuple[datetime, datetime]]:
    """Start and end of every slot of one day in local time (WITA), ignoring closures."""
    tz = timezone.get_default_timezone()
    start = datetime.combine(day, schedule.opens_at, tzinfo=tz)
    if schedule.closes_at == MIDNIGHT:
        closes = datetime.combine(day + timedelta(days=1), MIDNIGHT, tzinfo=tz)
    else:
        closes = datetime.combine(day, schedule.closes_at, tzinfo=tz)
    length = timedelta(minutes=schedule.slot_minutes)
    times = []
    while start + length <= closes:
        times.append((start, start + length))
        start += length
    return times


def _closures(schedule: BookingSchedule, first: date, last: date) -> dict[date, str]:
    def load():
        with scopes_disabled():
            rows = BookingClosure.objects.filter(
                Q(location__isnull=True) | Q(location=schedule.location_id),
                agency=schedule.agency_id,
                date__range=(first, last),
            ).values_list("date", "reason")
        return dict(rows)

    key = f"ref:closures:{schedule.agency_id}:{schedule.location_id}:{first}:{last}"
    return cached_reference(key, load)


def _window_closures(schedule: BookingSchedule, today: date) -> dict[date, str]:
    """The closures of every bookable day from `today`, read and cached as one: the
    calendar, a day's slots and a booking of any day share the one copy."""
    return _closures(schedule, today, today + timedelta(days=schedule.days_ahead))


def _booked_counts(schedule: BookingSchedule, first: date, last: date) -> dict[datetime, int]:
    tz = timezone.get_default_timezone()
    with scopes_disabled():
        rows = BookingSlot.objects.filter(
            service=schedule.service_id,
            location=schedule.location_id,
            starts_at__gte=datetime.combine(first, MIDNIGHT, tzinfo=tz),
            starts_at__lt=datetime.combine(last + timedelta(days=1), MIDNIGHT, tzinfo=tz),
        ).values_list("starts_at", "booked")
    return dict(rows)


def _closed_reason(schedule: BookingSchedule, day: date, today: date, closures: dict) -> str:
    if day < today or day > today + timedelta(days=schedule.days_ahead):
        return _("Di luar rentang tanggal reservasi.")
    holiday = national_holidays(day.year).get(day)
    if holiday:
        return _("Hari libur nasional: %(name)s.") % {"name": holiday}
    if day in closures:
        return _("Tutup: %(reason)s.") % {"reason": closures[day]}
    if day.weekday() not in schedule.weekdays:
        return _("Tidak ada layanan reservasi pada hari ini.")
    return ""


def _earliest_start(schedule: BookingSchedule, now: datetime) -> datetime:
    """A slot can be booked until min_notice_minutes before it starts."""
    return now + timedelta(minutes=schedule.min_notice_minutes)


def _slot(schedule: BookingSchedule, start: datetime, end: datetime, booked: int) -> Slot:
    return Slot(start, end, schedule.capacity, BookingSlot.seats_left(schedule.capacity, booked))


def _open_slots(schedule, day, now, booked) -> list[Slot]:
    earliest = _earliest_start(schedule, now)
    return [
        _slot(schedule, start, end, booked.get(start, 0))
        for start, end in slot_times(schedule, day)
        if start >= earliest
    ]


def day_slots(schedule: BookingSchedule, day: date, *, now: datetime | None = None) -> list[Slot]:
    """The slots one can still book on `day`, with remaining seats (0 when full)."""
    now = local_now(now)
    today = now.date()
    if _closed_reason(schedule, day, today, _window_closures(schedule, today)):
        return []
    return _open_slots(schedule, day, now, _booked_counts(schedule, day, day))


def booking_days(schedule: BookingSchedule, *, now: datetime | None = None) -> list[Day]:
    """The calendar: every day from today to the last bookable one, with seats left or why
    it is closed. Three queries whatever the length."""
    now = local_now(now)
    today = now.date()
    last = today + timedelta(days=schedule.days_ahead)
    closures = _window_closures(schedule, today)
    booked = _booked_counts(schedule, today, last)
    days = []
    for offset in range(schedule.days_ahead + 1):
        day = today + timedelta(days=offset)
        reason = _closed_reason(schedule, day, today, closures)
        slots = [] if reason else _open_slots(schedule, day, now, booked)
        if not reason and not slots:
            reason = _("Sesi hari ini sudah lewat.")
        days.append(Day(day, sum(slot.remaining for slot in slots), reason))
    return days


def _local_start(starts_at: datetime) -> datetime | None:
    """`starts_at` in local time; None at the edges of the calendar (year 1, year 9999 in
    another offset), where no slot can be."""
    try:
        return timezone.localtime(starts_at)
    except OverflowError:
        return None


def find_open_slot(
    schedule: BookingSchedule, starts_at: datetime, *, now: datetime | None = None
) -> Slot | None:
    """The slot starting exactly at `starts_at`, if it can still be booked (seats aside)."""
    local_start = _local_start(starts_at)
    if local_start is None:
        return None
    for slot in day_slots(schedule, local_start.date(), now=now):
        if slot.starts_at == local_start:
            return slot
    return None


def bookable_slot(
    schedule: BookingSchedule, starts_at: datetime, *, now: datetime | None = None
) -> Slot | None:
    """As find_open_slot, without counting the seats: a booking counts them itself, under
    the slot's lock."""
    now = local_now(now)
    local_start = _local_start(starts_at)
    if local_start is None:
        return None
    day, today = local_start.date(), now.date()
    closed = _closed_reason(schedule, day, today, _window_closures(schedule, today))
    if closed or local_start < _earliest_start(schedule, now):
        return None
    # The one slot of the day's grid that starts then, if any (not all of them built).
    for start, end in slot_times(schedule, day):
        if start == local_start:
            return _slot(schedule, start, end, 0)
    return None


def normalize_code(value: str) -> str:
    return "".join(value.split()).replace("-", "").upper()


# Compared against when the code is unknown, so that a miss costs the same as a wrong NIK.
_NO_NIK = "0" * 16


def booking_for_citizen(*, code: str, nik: str) -> Booking | None:
    """The booking with this code, only when the NIK matches (compared in constant time);
    None for an unknown code and a wrong NIK alike."""
    try:
        nik = normalize_nik(nik)
    except ValidationError:
        nik = ""  # an invalid NIK matches nothing
    with scopes_disabled():
        booking = (
            Booking.objects.select_related("agency", "service", "location", "ticket")
            .filter(code=normalize_code(code))
            .first()
        )
    expected = booking.nik if booking else _NO_NIK
    if not hmac.compare_digest(expected.encode(), nik.encode()) or booking is None:
        return None
    return booking


def booking_by_code(code: str) -> Booking | None:
    """For callers that already proved the NIK (the citizen's session)."""
    with scopes_disabled():
        return (
            Booking.objects.select_related("agency", "service", "location", "ticket")
            .filter(code=normalize_code(code))
            .first()
        )


def requirements_of_booking(booking: Booking) -> list[ServiceRequirement]:
    """The documents the booked visitor brings: the service's persyaratan, in order."""
    with scopes_disabled():
        return list(ServiceRequirement.objects.filter(service_id=booking.service_id))


def schedule_of_booking(booking: Booking) -> BookingSchedule | None:
    with scopes_disabled():
        return (
            BookingSchedule.objects.select_related("agency", "service", "location")
            .filter(service=booking.service_id, location=booking.location_id, is_active=True)
            .first()
        )
