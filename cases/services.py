"""Every write to a case: open (at the counter, finishing the visit, or by the back
office), change status (one or a selection), assign, note, set its unit and reference,
transfer. One transaction each, with its audit row; the citizen's message is queued in the
same transaction."""

from collections.abc import Sequence
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from cases import deadlines
from cases.errors import CaseRefused, InvalidCaseTransition
from cases.messages import (
    PORTAL_CONSENT_SOURCE,
    case_messages_consent,
    case_messages_withdraw,
    case_tell,
)
from cases.models import ONE_CASE_PER_TICKET, UNIQUE_REFERENCE, Case, CaseEvent
from common import clock
from common.db import broke
from common.validators import normalize_phone
from counters.booking.models import Booking
from counters.queue.models import Ticket
from counters.queue.services import ticket_finish
from notifications.consent import PHONE_CHANNELS
from services.models import Location, Service, ServiceRequirement
from services.permissions import can_operate

Status = Case.Status
Action = CaseEvent.Action


def _record(
    *,
    case: Case,
    action: str,
    source: str,
    actor=None,
    from_status: str = "",
    note: str = "",
    reference: str = "",
    at: datetime,
) -> CaseEvent:
    event = CaseEvent.objects.create(
        agency_id=case.agency_id,
        case=case,
        action=action,
        source=source,
        from_status=from_status,
        to_status=case.status,
        actor=actor if actor is not None and actor.is_authenticated else None,
        note=note,
        reference=reference,
        due_at=case.due_at,
        at=at,
    )
    if action in CaseEvent.PUBLIC:
        case_tell(case, event)
    return event


def _requirements_of(service: Service, missing: Sequence[int]) -> list[ServiceRequirement]:
    """The missing items, each one of the service's own persyaratan."""
    with scopes_disabled():
        found = list(ServiceRequirement.objects.filter(service=service, pk__in=missing))
    if len(found) != len(set(missing)):
        raise CaseRefused(_("Persyaratan yang kurang harus dipilih dari daftar layanan ini."))
    return found


def _phone(value: str) -> str:
    if not value.strip():
        return ""
    try:
        return normalize_phone(value)
    except ValidationError as error:
        raise CaseRefused(error.messages[0]) from error


def _check_outcome(
    *, status: str, missing: Sequence[int], missing_note: str, reason: str, basis: str
) -> None:
    if status == Status.INCOMPLETE and not (missing or missing_note.strip()):
        raise CaseRefused(_("Sebutkan persyaratan yang kurang."))
    if status == Status.REFUSED and not (reason.strip() and basis.strip()):
        raise CaseRefused(_("Penolakan harus menyebut alasan dan dasar hukumnya."))


def apply_status(
    case: Case,
    *,
    status: str,
    now: datetime,
    missing: Sequence[int],
    missing_note: str,
    reason: str,
    basis: str,
) -> None:
    """Set `status` on `case` with what it carries, stopping or restarting its clock; the
    caller saves it (with its audit row)."""
    _check_outcome(
        status=status, missing=missing, missing_note=missing_note, reason=reason, basis=basis
    )
    if case.paused_at is not None and status != Status.INCOMPLETE:
        case.due_at = deadlines.due_after_pause(
            service=case.service, due=case.due_at, paused_at=case.paused_at, resumed_at=now
        )
        case.paused_at = None
    if status == Status.INCOMPLETE:
        # The clock waits for the citizen, from now until the file is complete again.
        case.paused_at = now
        case.missing_note = missing_note.strip()
    if status == Status.REFUSED:
        case.refusal_reason, case.refusal_basis = reason.strip(), basis.strip()
    if status in Case.COMPLETED and case.completed_at is None:
        case.completed_at = now
    if status in Case.CLOSED:
        case.closed_at = now
    case.status = status


def case_open(
    *,
    service: Service,
    nik_last4: str,
    actor=None,
    source: str = CaseEvent.Source.COUNTER,
    status: str = Status.IN_PROCESS,
    ticket: Ticket | None = None,
    booking: Booking | None = None,
    location: Location | None = None,
    name: str = "",
    phone: str = "",
    language: str = "id",
    missing: Sequence[int] = (),
    missing_note: str = "",
    reason: str = "",
    basis: str = "",
    reference: str = "",
    holder_unit: str = "",
    note: str = "",
) -> Case:
    """A new case of `service`, due by its published processing time from now."""
    if status not in Case.OPENING:
        raise CaseRefused(_("Berkas baru hanya bisa diproses, kurang, atau ditolak."))
    if not (len(nik_last4) == 4 and nik_last4.isdigit()):
        raise CaseRefused(_("Isi 4 digit terakhir NIK pemohon."))
    for visit in (ticket, booking):
        if visit is not None and visit.agency_id != service.agency_id:
            raise CaseRefused(_("Kunjungan ini milik instansi lain."))
    now = clock.now()
    case = Case(
        agency_id=service.agency_id,
        service=service,
        location=location or (ticket.location if ticket else None),
        ticket=ticket,
        booking=booking,
        name=name.strip(),
        nik_last4=nik_last4,
        phone=_phone(phone),
        language=language,
        reference=reference.strip(),
        holder_unit=holder_unit.strip(),
        opened_at=now,
        due_at=deadlines.due_at(service=service, opened_at=now),
    )
    requirements = _requirements_of(service, missing)
    apply_status(
        case,
        status=status,
        now=now,
        missing=missing,
        missing_note=missing_note,
        reason=reason,
        basis=basis,
    )
    try:
        with transaction.atomic():
            case.save()
            case.missing_requirements.set(requirements)
            _record(case=case, action=Action.OPENED, source=source, actor=actor, note=note, at=now)
    except IntegrityError as error:
        if broke(error, ONE_CASE_PER_TICKET):
            raise CaseRefused(_("Kunjungan ini sudah punya berkas."), status=409) from error
        if broke(error, UNIQUE_REFERENCE):
            raise CaseRefused(
                _("Nomor registrasi ini sudah dipakai berkas lain."), status=409
            ) from error
        raise
    return case


def _lock(case: Case) -> Case:
    # Two changes of one case (a clerk and the agency's system) are applied one after the
    # other: the second sees the first's status and refuses a transition it no longer allows.
    with scopes_disabled():
        return Case.objects.select_for_update().select_related("service").get(pk=case.pk)


def case_change_status(
    *,
    case: Case,
    status: str,
    source: str,
    actor=None,
    note: str = "",
    reference: str = "",
    missing: Sequence[int] = (),
    missing_note: str = "",
    reason: str = "",
    basis: str = "",
    pickup_location: Location | None = None,
    pickup_note: str = "",
) -> tuple[Case, CaseEvent | None]:
    """Move `case` to `status`. Idempotent: a change sent again with the same `reference`,
    or to the status the case already has, records nothing and returns the case as it is
    (with the event that made it, when the reference names one)."""
    now = clock.now()
    with transaction.atomic():
        locked = _lock(case)
        if reference:
            sent_before = locked.events.filter(reference=reference).first()
            if sent_before is not None:
                return locked, sent_before
        if status == locked.status:
            return locked, None
        if status not in Status.values:
            raise CaseRefused(_("Status berkas tidak dikenal."))
        if status not in Case.TRANSITIONS.get(locked.status, ()):
            raise InvalidCaseTransition(
                _("Berkas berstatus %(from)s tidak bisa menjadi %(to)s.")
                % {"from": locked.get_status_display(), "to": Status(status).label}
            )
        requirements = _requirements_of(locked.service, missing)
        from_status = locked.status
        apply_status(
            locked,
            status=status,
            now=now,
            missing=missing,
            missing_note=missing_note,
            reason=reason,
            basis=basis,
        )
        if status == Status.INCOMPLETE:
            locked.missing_requirements.set(requirements)
        if status == Status.READY:
            locked.pickup_location = pickup_location or locked.pickup_location or locked.location
            locked.pickup_note = pickup_note.strip() or locked.pickup_note
        locked.save()
        event = _record(
            case=locked,
            action=Action.STATUS,
            source=source,
            actor=actor,
            from_status=from_status,
            note=note,
            reference=reference,
            at=now,
        )
    return locked, event


def case_assign(*, case: Case, assignee, actor) -> Case:
    """Give the case to one of its agency's staff (None: to nobody)."""
    if assignee is not None and not can_operate(assignee, case.agency):
        raise CaseRefused(_("Petugas ini bukan staf instansi pemilik berkas."))
    with transaction.atomic():
        locked = _lock(case)
        locked.assignee = assignee
        locked.save(update_fields=["assignee"])
        _record(
            case=locked,
            action=Action.ASSIGNED,
            source=CaseEvent.Source.STAFF,
            actor=actor,
            from_status=locked.status,
            note=assignee.get_username() if assignee is not None else "",
            at=clock.now(),
        )
    return locked


def case_add_note(*, case: Case, actor, note: str) -> CaseEvent:
    """An internal note on the case: in its audit trail, never on the citizen's timeline."""
    if not note.strip():
        raise CaseRefused(_("Catatan tidak boleh kosong."))
    with transaction.atomic():
        locked = _lock(case)
        return _record(
            case=locked,
            action=Action.NOTE,
            source=CaseEvent.Source.STAFF,
            actor=actor,
            from_status=locked.status,
            note=note.strip(),
            at=clock.now(),
        )


def case_transfer(*, case: Case, service: Service, actor, note: str) -> Case:
    """Hand an open case to another agency's `service` (explicit, with a reason): it is
    that agency's from now on, due by the new service's processing time."""
    if not note.strip():
        raise CaseRefused(_("Sebutkan alasan pengalihan."))
    now = clock.now()
    with transaction.atomic():
        locked = _lock(case)
        if locked.is_closed:
            raise InvalidCaseTransition(_("Berkas yang sudah ditutup tidak bisa dialihkan."))
        if service.agency_id == locked.agency_id:
            raise CaseRefused(_("Pilih layanan instansi lain."))
        previous = locked.agency.name
        locked.agency_id, locked.service, locked.assignee = service.agency_id, service, None
        locked.reference = ""
        locked.due_at = deadlines.due_at(service=service, opened_at=now)
        if locked.paused_at is not None:
            locked.paused_at = now
        locked.save()
        locked.missing_requirements.clear()
        _record(
            case=locked,
            action=Action.TRANSFERRED,
            source=CaseEvent.Source.STAFF,
            actor=actor,
            from_status=locked.status,
            note=_("Dari %(agency)s: %(note)s") % {"agency": previous, "note": note.strip()},
            at=now,
        )
    return locked


def _phone_with_consent(phone: str, channels: Sequence[str]) -> str:
    """The citizen's number, kept only with their yes to case messages on some channel
    (UU 27/2022): recorded here, before the case's first message is queued."""
    number = _phone(phone)
    if number and not channels:
        raise CaseRefused(
            _("Nomor ponsel hanya disimpan bila pemohon setuju menerima pesan tentang berkas.")
        )
    if number:
        case_messages_consent(phone=number, channels=channels)
    return number


def case_open_at_counter(
    *,
    ticket: Ticket,
    operator,
    status: str,
    nik_last4: str,
    name: str = "",
    phone: str = "",
    channels: Sequence[str] = (),
    missing: Sequence[int] = (),
    missing_note: str = "",
    reason: str = "",
    basis: str = "",
) -> Case:
    """The operator finishes the visit being served and opens its case: both or neither
    (a refused case leaves the ticket being served)."""
    with transaction.atomic():
        finished = ticket_finish(ticket=ticket, operator=operator)
        return case_open(
            service=finished.service,
            ticket=finished,
            booking=Booking.objects.filter(ticket=finished).first(),
            actor=operator,
            source=CaseEvent.Source.COUNTER,
            status=status,
            nik_last4=nik_last4,
            name=name,
            phone=_phone_with_consent(phone, channels),
            missing=missing,
            missing_note=missing_note,
            reason=reason,
            basis=basis,
        )


def case_open_by_staff(
    *,
    service: Service,
    actor,
    status: str,
    nik_last4: str,
    booking: Booking | None = None,
    name: str = "",
    phone: str = "",
    channels: Sequence[str] = (),
    missing: Sequence[int] = (),
    missing_note: str = "",
    reason: str = "",
    basis: str = "",
    reference: str = "",
    note: str = "",
) -> Case:
    """A case the back office opens itself: from a booking, or with no visit at all."""
    with transaction.atomic():
        return case_open(
            service=service,
            booking=booking,
            location=booking.location if booking else None,
            actor=actor,
            source=CaseEvent.Source.STAFF,
            status=status,
            nik_last4=nik_last4,
            name=name,
            phone=_phone_with_consent(phone, channels),
            missing=missing,
            missing_note=missing_note,
            reason=reason,
            basis=basis,
            reference=reference,
            note=note,
        )


def case_set_details(*, case: Case, actor, holder_unit: str, reference: str) -> Case:
    """Who holds the file inside the agency and its number in the agency's own system; the
    change is a note in the audit trail."""
    holder_unit, reference = holder_unit.strip(), reference.strip()
    with transaction.atomic():
        locked = _lock(case)
        if (locked.holder_unit, locked.reference) == (holder_unit, reference):
            return locked
        locked.holder_unit, locked.reference = holder_unit, reference
        try:
            with transaction.atomic():
                locked.save(update_fields=["holder_unit", "reference"])
        except IntegrityError as error:
            if broke(error, UNIQUE_REFERENCE):
                raise CaseRefused(
                    _("Nomor registrasi ini sudah dipakai berkas lain."), status=409
                ) from error
            raise
        _record(
            case=locked,
            action=Action.NOTE,
            source=CaseEvent.Source.STAFF,
            actor=actor,
            from_status=locked.status,
            note=_("Unit pemegang: %(unit)s; nomor registrasi: %(reference)s")
            % {"unit": holder_unit or "—", "reference": reference or "—"},
            at=clock.now(),
        )
    return locked


def case_change_status_many(
    *, cases: Sequence[Case], status: str, actor, note: str = ""
) -> tuple[list[Case], list[tuple[Case, str]]]:
    """The same change for several cases, each in its own transaction through
    case_change_status: a refusal of one leaves the others changed. Returns the changed
    cases and the refused ones with the reason."""
    changed, refused = [], []
    for case in cases:
        try:
            updated, event = case_change_status(
                case=case, status=status, source=CaseEvent.Source.STAFF, actor=actor, note=note
            )
        except (CaseRefused, InvalidCaseTransition) as error:
            refused.append((case, error.message))
            continue
        if event is None:
            refused.append((updated, _("Sudah berstatus %s.") % updated.get_status_display()))
        else:
            changed.append(updated)
    return changed, refused


def case_messages_allow(*, case: Case, phone: str, channels: Sequence[str], language: str) -> Case:
    """The citizen's number for this case's messages, left on the tracking page, and their
    yes to them on `channels`; refused once the case is closed (nothing more will happen)."""
    phone, channels = _phone(phone), list(channels)
    if not phone:
        raise CaseRefused(_("Isi nomor ponsel."))
    if not channels or not set(channels) <= set(PHONE_CHANNELS):
        raise CaseRefused(_("Pilih paling sedikit satu kanal."))
    with transaction.atomic():
        locked = _lock(case)
        if locked.is_closed:
            raise CaseRefused(
                _("Berkas ini sudah selesai; pemberitahuan tidak diperlukan lagi."),
                code="closed",
                status=409,
            )
        locked.phone, locked.language = phone, language
        locked.save(update_fields=["phone", "language"])
        case_messages_consent(phone=phone, channels=channels, source=PORTAL_CONSENT_SOURCE)
    return locked


def case_messages_stop(*, case: Case) -> Case:
    """No more messages about this case: its number is forgotten and the number's yes to
    case messages withdrawn."""
    with transaction.atomic():
        locked = _lock(case)
        if locked.phone:
            case_messages_withdraw(phone=locked.phone, source=PORTAL_CONSENT_SOURCE)
            locked.phone = ""
            locked.save(update_fields=["phone"])
    return locked
