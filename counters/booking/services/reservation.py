"""Book, cancel and reschedule: a seat of a slot taken and given back only by
BookingSlot.take_seat and free_seat, each holding the slot row's lock until the
transaction ends; one transaction per write with its BookingEvent row."""

from contextlib import contextmanager
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from common import clock
from common.db import broke, sqlstate
from common.side_effects import after_commit
from common.validators import normalize_nik, normalize_phone
from counters.booking import limits as booking_limits
from counters.booking.messages import booking_messages_allow, booking_tell
from counters.booking.models import (
    ONE_ACTIVE_PER_NIK_SERVICE_DAY,
    UNIQUE_CODE,
    Booking,
    BookingEvent,
    BookingSchedule,
    BookingSlot,
    new_booking_code,
)
from counters.booking.selectors import Slot, bookable_slot
from counters.booking.services.records import BookingError, record_event

LOCK_NOT_AVAILABLE = "55P03"
CODE_ATTEMPTS = 5
EMAIL_MAX_LENGTH = Booking._meta.get_field("email").max_length


def _slot_label(starts_at: datetime) -> str:
    return f"{timezone.localtime(starts_at):%d-%m-%Y %H.%M}"


def _invalid(error: ValidationError) -> BookingError:
    return BookingError(" ".join(error.messages), code="invalid", status=422)


def _slot_full() -> BookingError:
    return BookingError(
        _("Sesi ini sudah penuh. Silakan pilih jam atau hari lain."), code="slot_full"
    )


def _duplicate() -> BookingError:
    return BookingError(
        _("NIK ini sudah punya reservasi aktif untuk layanan yang sama pada hari itu."),
        code="duplicate_booking",
    )


def _bookable_slot_or_error(schedule: BookingSchedule, starts_at: datetime, now) -> Slot:
    """The slot, if it can still be booked; its seats are counted by BookingSlot.take_seat."""
    return _slot_or_error(bookable_slot(schedule, starts_at, now=now))


def _slot_or_error(slot: Slot | None) -> Slot:
    if slot is None:
        raise BookingError(
            _("Sesi ini tidak bisa dipesan (tutup, sudah lewat, atau terlalu mepet)."),
            code="slot_unavailable",
        )
    return slot


@contextmanager
def _busy_when_held_too_long():
    """A wait for a slot row longer than the lock timeout (DB_LOCK_TIMEOUT_MS) becomes
    "busy, try again"."""
    try:
        yield
    except OperationalError as error:
        if not _waited_too_long(error):
            raise
        raise _busy() from error


def _waited_too_long(error: OperationalError) -> bool:
    return sqlstate(error) == LOCK_NOT_AVAILABLE


def _busy() -> BookingError:
    return BookingError(
        _("Banyak yang sedang memesan sesi ini. Silakan coba lagi sebentar lagi."), code="busy"
    )


def _take_seat(schedule: BookingSchedule, slot: Slot) -> int:
    with _busy_when_held_too_long():
        slot_id = BookingSlot.take_seat(schedule, starts_at=slot.starts_at, ends_at=slot.ends_at)
    if slot_id is None:
        raise _slot_full()
    return slot_id


def _free_seat(slot_id: int) -> None:
    with _busy_when_held_too_long():
        BookingSlot.free_seat(slot_id)


def _check_one_per_day(*, nik: str, schedule: BookingSchedule, day, exclude_pk=None) -> None:
    others = Booking.objects.filter(
        nik=nik, service=schedule.service, local_date=day, status__in=Booking.ACTIVE_STATUSES
    ).exclude(pk=exclude_pk)
    if others.exists():
        raise _duplicate()


def _save_guarded(booking: Booking) -> None:
    """Save inside a savepoint; the partial unique index settles a same-NIK race."""
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as error:
        if broke(error, ONE_ACTIVE_PER_NIK_SERVICE_DAY):
            raise _duplicate() from error
        raise


def _clean_person(*, name: str, nik: str, phone: str, email: str) -> tuple[str, ...]:
    name = " ".join((name or "").split())
    if not name:
        raise BookingError(_("Nama wajib diisi."), code="invalid", status=422)
    email = (email or "").strip()
    try:
        if email:
            validate_email(email)
            if len(email) > EMAIL_MAX_LENGTH:
                raise ValidationError(_("Alamat email terlalu panjang."))
        return name[:120], normalize_nik(nik), normalize_phone(phone), email
    except ValidationError as error:
        raise _invalid(error) from error


def _check_limits(today, *, client_ip: str | None, nik: str) -> None:
    if booking_limits.is_over(today, ip=client_ip, nik=nik):
        raise BookingError(
            _("Batas reservasi hari ini sudah tercapai. Silakan coba lagi besok."),
            code="throttled",
            status=429,
        )


def booking_create(
    *,
    schedule: BookingSchedule,
    starts_at: datetime,
    name: str,
    nik: str,
    phone: str,
    email: str = "",
    language: str = "id",
    notify: tuple[str, ...] = (),
    client_ip: str | None = None,
    now: datetime | None = None,
) -> Booking:
    """Book one seat of the slot starting at `starts_at`; raises BookingError when the slot
    is full or closed, the NIK already has a booking that day, or a limit is reached.
    `notify`: the phone channels the citizen allowed messages on; `language` theirs."""
    now = now or clock.now()
    name, nik, phone, email = _clean_person(name=name, nik=nik, phone=phone, email=email)
    today = timezone.localdate(now)
    _check_limits(today, client_ip=client_ip, nik=nik)
    slot = _bookable_slot_or_error(schedule, starts_at, now)
    booking = Booking(
        code=new_booking_code(),
        agency=schedule.agency,
        service=schedule.service,
        location=schedule.location,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        local_date=slot.starts_at.date(),
        name=name,
        nik=nik,
        phone=phone,
        email=email,
        language=language,
        status=Booking.Status.BOOKED,
        created_at=now,
        updated_at=now,
    )
    # A fresh code on the (rare) clash of codes, in a transaction of its own: no savepoint
    # around every insert for a clash that almost never happens.
    for _attempt in range(CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                _book(booking, schedule, slot)
                record_event(booking, BookingEvent.Action.CREATED, from_status="", at=now)
                after_commit(lambda: booking_limits.count(today, ip=client_ip, nik=nik))
                booking_messages_allow(booking, notify)
                booking_tell(booking, "confirmation")
            return booking
        except IntegrityError as error:
            if not broke(error, UNIQUE_CODE):
                raise
            booking.code = new_booking_code()
    raise BookingError(_("Sistem sedang sibuk, silakan coba lagi."), code="busy")


def _book(booking: Booking, schedule: BookingSchedule, slot: Slot) -> None:
    """Take a seat and save the booking on it, in the caller's transaction: a second active
    booking of the NIK that day breaks the partial unique index, and the rollback that
    follows gives the seat back."""
    booking.slot_id = _take_seat(schedule, slot)
    try:
        booking.save(force_insert=True)
    except IntegrityError as error:
        if broke(error, ONE_ACTIVE_PER_NIK_SERVICE_DAY):
            raise _duplicate() from error
        raise


def _locked_booking(booking: Booking) -> Booking:
    # Locked first (before any slot), so that a cancel and a reschedule of the same
    # booking run one after the other and free its seat once. Only this row: locking the
    # joined agency, service and location would block every other booking of the service.
    return (
        Booking.objects.select_for_update(of=("self",))
        .select_related("agency", "service", "location")
        .get(pk=booking.pk)
    )


def _ensure_changeable(booking: Booking, now: datetime, action: str) -> None:
    if booking.status not in Booking.TRANSITIONS[action][0]:
        raise BookingError(
            _("Reservasi ini berstatus %(status)s dan tidak bisa diubah lagi.")
            % {"status": booking.get_status_display().lower()},
            code="not_changeable",
        )
    if booking.starts_at <= now:
        raise BookingError(
            _("Sesi reservasi ini sudah dimulai; tidak bisa diubah lagi."), code="not_changeable"
        )


def booking_cancel(*, booking: Booking, now: datetime | None = None) -> Booking:
    """Cancel a booked visit before its slot starts, giving its seat back."""
    now = now or clock.now()
    with transaction.atomic(), scopes_disabled():
        booking = _locked_booking(booking)
        _ensure_changeable(booking, now, "cancelled")
        _free_seat(booking.slot_id)
        booking.status = Booking.TRANSITIONS["cancelled"][1]
        booking.cancelled_at = now
        booking.sequence += 1
        booking.save(update_fields=["status", "cancelled_at", "sequence", "updated_at"])
        record_event(
            booking, BookingEvent.Action.CANCELLED, from_status=Booking.Status.BOOKED, at=now
        )
        booking_tell(booking, "cancellation")
    return booking


def booking_reschedule(
    *, booking: Booking, schedule: BookingSchedule, starts_at: datetime, now: datetime | None = None
) -> Booking:
    """Move a booked visit to another slot of the same service and location: the new seat
    is taken and the old one freed in one transaction, or nothing changes."""
    now = now or clock.now()
    slot = _bookable_slot_or_error(schedule, starts_at, now)
    with transaction.atomic(), scopes_disabled():
        booking = _locked_booking(booking)
        _ensure_changeable(booking, now, "rescheduled")
        if slot.starts_at == booking.starts_at:
            return booking
        note = f"{_slot_label(booking.starts_at)} → {_slot_label(slot.starts_at)}"
        _check_one_per_day(
            nik=booking.nik, schedule=schedule, day=slot.starts_at.date(), exclude_pk=booking.pk
        )
        # Slot rows are always locked in the order of their start (a reschedule takes two),
        # so that two reschedules crossing each other's slots never deadlock.
        old_slot_id = booking.slot_id
        if slot.starts_at < booking.starts_at:
            booking.slot_id = _take_seat(schedule, slot)
            _free_seat(old_slot_id)
        else:
            _free_seat(old_slot_id)
            booking.slot_id = _take_seat(schedule, slot)
        booking.starts_at, booking.ends_at = slot.starts_at, slot.ends_at
        booking.local_date = slot.starts_at.date()
        booking.reminder_sent_at = None
        booking.sequence += 1
        _save_guarded(booking)
        record_event(
            booking,
            BookingEvent.Action.RESCHEDULED,
            from_status=Booking.Status.BOOKED,
            at=now,
            note=note,
        )
        booking_tell(booking, "reschedule")
    return booking
