"""Writes of bookings: create, cancel, reschedule, check-in, no-shows, anonymisation and
personal-data reveals, each one transaction with its BookingEvent rows; reminders take one
transaction per booking sent. Seats are taken and given back only by BookingSlot.take_seat
and free_seat, each holding the slot row's lock until the transaction ends."""

import logging
from contextlib import contextmanager
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from common import clock
from common.db import broke, sqlstate
from common.errors import DomainError
from common.side_effects import after_commit
from counters import booking_limits
from counters.booking_documents import send_booking_email
from counters.models import (
    Booking,
    BookingEvent,
    BookingSchedule,
    BookingSlot,
    Counter,
    PersonalDataAccess,
    Ticket,
)
from counters.models.booking import (
    CHECK_IN_CLOSES_AFTER,
    ONE_ACTIVE_PER_NIK_SERVICE_DAY,
    UNIQUE_CODE,
    new_booking_code,
)
from counters.selectors.bookings import Slot, bookable_slot, normalize_code
from counters.services.tickets import ticket_issue
from counters.validators import normalize_nik, normalize_phone
from services.models import Location

logger = logging.getLogger(__name__)

LOCK_NOT_AVAILABLE = "55P03"
CODE_ATTEMPTS = 5
EMAIL_MAX_LENGTH = Booking._meta.get_field("email").max_length


class BookingError(DomainError):
    """A booking rule was broken; nothing was changed."""


def _record(
    booking: Booking,
    action: str,
    *,
    from_status: str,
    at: datetime,
    actor=None,
    note: str = "",
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


@transaction.atomic
def booking_create(
    *,
    schedule: BookingSchedule,
    starts_at: datetime,
    name: str,
    nik: str,
    phone: str,
    email: str = "",
    client_ip: str | None = None,
    now: datetime | None = None,
) -> Booking:
    """Book one seat of the slot starting at `starts_at`; raises BookingError when the slot
    is full or closed, the NIK already has a booking that day, or a limit is reached."""
    now = now or clock.now()
    name, nik, phone, email = _clean_person(name=name, nik=nik, phone=phone, email=email)
    today = timezone.localdate(now)
    if booking_limits.is_over("ip", client_ip, today) or booking_limits.is_over("nik", nik, today):
        raise BookingError(
            _("Batas reservasi hari ini sudah tercapai. Silakan coba lagi besok."),
            code="throttled",
            status=429,
        )
    slot = _bookable_slot_or_error(schedule, starts_at, now)
    booking = Booking(
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
        status=Booking.Status.BOOKED,
        created_at=now,
        updated_at=now,
    )
    _book(booking, schedule, slot)
    _record(booking, BookingEvent.Action.CREATED, from_status="", at=now)
    after_commit(lambda: booking_limits.count("ip", client_ip, today))
    after_commit(lambda: booking_limits.count("nik", nik, today))
    if booking.email:
        after_commit(lambda: send_booking_email(booking, kind="confirmation"))
    return booking


def _book(booking: Booking, schedule: BookingSchedule, slot: Slot) -> None:
    """Take a seat and save the booking on it, in one transaction: a second active booking
    of the NIK that day breaks the partial unique index and gives the seat back. A fresh
    code on the (rare) clash of codes."""
    for _attempt in range(CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                booking.slot_id = _take_seat(schedule, slot)
                booking.save(force_insert=True)
            return
        except IntegrityError as error:
            if broke(error, ONE_ACTIVE_PER_NIK_SERVICE_DAY):
                raise _duplicate() from error
            if not broke(error, UNIQUE_CODE):
                raise
            booking.code = new_booking_code()
    raise BookingError(_("Sistem sedang sibuk, silakan coba lagi."), code="busy")


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
        _record(booking, BookingEvent.Action.CANCELLED, from_status=Booking.Status.BOOKED, at=now)
        if booking.email:
            after_commit(lambda: send_booking_email(booking, kind="cancellation"))
    return booking


def booking_reschedule(
    *,
    booking: Booking,
    schedule: BookingSchedule,
    starts_at: datetime,
    now: datetime | None = None,
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
        _record(
            booking,
            BookingEvent.Action.RESCHEDULED,
            from_status=Booking.Status.BOOKED,
            at=now,
            note=note,
        )
        if booking.email:
            after_commit(lambda: send_booking_email(booking, kind="reschedule"))
    return booking


def booking_send_reminders(*, now: datetime | None = None) -> int:
    """Email tomorrow's booked visitors once: each booking is locked (others running the
    command at the same time skip it) and marked in the transaction that sends it."""
    now = now or clock.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    sent = 0
    with scopes_disabled():
        pending = Booking.objects.filter(
            local_date=tomorrow, status=Booking.Status.BOOKED, reminder_sent_at__isnull=True
        ).exclude(email="")
        for pk in pending.values_list("pk", flat=True):
            with transaction.atomic():
                booking = (
                    pending.select_for_update(skip_locked=True, of=("self",))
                    .select_related("service", "location")
                    .filter(pk=pk)
                    .first()
                )
                if booking is None:
                    continue
                try:
                    send_booking_email(booking, kind="reminder")
                except OSError:
                    logger.exception("Reminder for %s could not be sent", booking.code)
                    continue
                booking.reminder_sent_at = now
                booking.save(update_fields=["reminder_sent_at", "updated_at"])
                sent += 1
    return sent


def booking_mark_no_shows(*, now: datetime | None = None) -> int:
    """Booked visits whose check-in window has closed become no-shows."""
    now = now or clock.now()
    allowed, to = Booking.TRANSITIONS["no_show"]
    with transaction.atomic(), scopes_disabled():
        # Locked, so that a check-in at this moment either waits and is then no longer
        # picked here, or finds the booking already a no-show.
        due = list(
            Booking.objects.select_for_update()
            .filter(status__in=allowed, starts_at__lt=now - CHECK_IN_CLOSES_AFTER)
            .only("pk", "agency_id", "status")
        )
        Booking.objects.filter(pk__in=[booking.pk for booking in due]).update(
            status=to, updated_at=now
        )
        BookingEvent.objects.bulk_create(
            BookingEvent(
                agency_id=booking.agency_id,
                booking_id=booking.pk,
                action=BookingEvent.Action.NO_SHOW,
                from_status=booking.status,
                to_status=to,
                at=now,
            )
            for booking in due
        )
        return len(due)


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
        )
        booking.ticket = ticket
        booking.status = Booking.TRANSITIONS["checked_in"][1]
        booking.checked_in_at = now
        booking.save(update_fields=["ticket", "status", "checked_in_at", "updated_at"])
        _record(
            booking,
            BookingEvent.Action.CHECKED_IN,
            from_status=Booking.Status.BOOKED,
            at=now,
            note=ticket.display_number,
        )
    return ticket


ANONYMISED_NAME = "(dihapus)"


def bookings_anonymise(*, before) -> int:
    """Erase the personal data (name, NIK, phone, email) of bookings whose day is before
    `before` (UU 27/2022: kept no longer than needed). The visit itself stays for reports.
    The NIK becomes a per-row placeholder that can never be a real NIK (it has a dash)."""
    now = clock.now()
    with transaction.atomic(), scopes_disabled():
        stale = Booking.objects.filter(local_date__lt=before).exclude(name=ANONYMISED_NAME)
        # Locked, so that a second run at the same moment waits and then skips these rows:
        # each booking is erased, and its event written, once.
        erased = list(stale.select_for_update().only("pk", "agency_id", "status"))
        Booking.objects.filter(pk__in=[booking.pk for booking in erased]).update(
            name=ANONYMISED_NAME,
            nik=Concat(Value("-"), Cast("pk", CharField())),
            phone="",
            email="",
        )
        BookingEvent.objects.bulk_create(
            BookingEvent(
                agency_id=booking.agency_id,
                booking_id=booking.pk,
                action=BookingEvent.Action.ANONYMISED,
                from_status=booking.status,
                to_status=booking.status,
                at=now,
            )
            for booking in erased
        )
        return len(erased)


@transaction.atomic
def booking_personal_data_reveal(*, ticket: Ticket, counter: Counter, user) -> Booking:
    """The booking of the ticket this operator is calling or serving at this counter, for
    its full NIK and phone number; each reveal is recorded (who, when, which booking, which
    counter). Anyone else, or any other moment, is refused: the number stays masked."""
    booking = (
        Booking.objects.filter(
            ticket=ticket,
            ticket__counter=counter,
            ticket__operator_id=user.pk,
            ticket__status__in=Ticket.ACTIVE,
        )
        .select_related("agency")
        .first()
    )
    if booking is None:
        raise BookingError(
            _("Data pribadi hanya terlihat oleh petugas yang sedang melayani reservasi ini."),
            code="permission_denied",
            status=403,
        )
    now = clock.now()
    PersonalDataAccess.objects.create(
        agency=booking.agency,
        booking=booking,
        user=user,
        username=user.get_username(),
        counter=counter,
        at=now,
    )
    _record(
        booking,
        BookingEvent.Action.REVEALED,
        from_status=booking.status,
        at=now,
        actor=user,
        note=str(counter),
    )
    return booking
