"""Opening a case: at the counter (finishing the visit in the same transaction), by the
back office, or from any path through case_open."""

from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cases import deadlines
from cases.errors import CaseRefused
from cases.messages import case_messages_consent
from cases.models import Case, CaseEvent
from cases.services.records import (
    apply_status,
    normalized_phone,
    record_event,
    refused_by_database,
    requirements_of,
)
from common import clock
from counters.booking.models import Booking
from counters.queue.models import Ticket
from counters.queue.services import ticket_finish
from services.models import Location, Service

Status = Case.Status
Action = CaseEvent.Action


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
        phone=normalized_phone(phone),
        language=language,
        reference=reference.strip(),
        holder_unit=holder_unit.strip(),
        opened_at=now,
        due_at=deadlines.due_at(service=service, opened_at=now),
    )
    requirements = requirements_of(service, missing)
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
            record_event(
                case=case, action=Action.OPENED, source=source, actor=actor, note=note, at=now
            )
    except IntegrityError as error:
        refusal = refused_by_database(error)
        if refusal is None:
            raise
        raise refusal from error
    return case


def _phone_with_consent(phone: str, channels: Sequence[str]) -> str:
    """The citizen's number, kept only with their yes to case messages on some channel
    (UU 27/2022): recorded here, before the case's first message is queued."""
    number = normalized_phone(phone)
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
