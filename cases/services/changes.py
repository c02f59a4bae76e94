"""Changes of an open case: its status (one or a selection), assignment, notes, its unit
and reference, a transfer to another agency. One transaction each, with its audit row."""

from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cases import deadlines
from cases.errors import CaseRefused, InvalidCaseTransition
from cases.models import Case, CaseEvent
from cases.services.records import (
    apply_status,
    lock_case,
    record_event,
    refused_by_database,
    requirements_of,
)
from common import clock
from services.models import Location, Service
from services.permissions import can_operate

Status = Case.Status
Action = CaseEvent.Action


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
        locked = lock_case(case)
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
        requirements = requirements_of(locked.service, missing)
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
        event = record_event(
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


def case_assign(*, case: Case, assignee, actor) -> Case:
    """Give the case to one of its agency's staff (None: to nobody)."""
    if assignee is not None and not can_operate(assignee, case.agency):
        raise CaseRefused(_("Petugas ini bukan staf instansi pemilik berkas."))
    with transaction.atomic():
        locked = lock_case(case)
        locked.assignee = assignee
        locked.save(update_fields=["assignee"])
        record_event(
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
        locked = lock_case(case)
        return record_event(
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
        locked = lock_case(case)
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
        record_event(
            case=locked,
            action=Action.TRANSFERRED,
            source=CaseEvent.Source.STAFF,
            actor=actor,
            from_status=locked.status,
            note=_("Dari %(agency)s: %(note)s") % {"agency": previous, "note": note.strip()},
            at=now,
        )
    return locked


def case_set_details(*, case: Case, actor, holder_unit: str, reference: str) -> Case:
    """Who holds the file inside the agency and its number in the agency's own system; the
    change is a note in the audit trail."""
    holder_unit, reference = holder_unit.strip(), reference.strip()
    with transaction.atomic():
        locked = lock_case(case)
        if (locked.holder_unit, locked.reference) == (holder_unit, reference):
            return locked
        locked.holder_unit, locked.reference = holder_unit, reference
        try:
            with transaction.atomic():
                locked.save(update_fields=["holder_unit", "reference"])
        except IntegrityError as error:
            refusal = refused_by_database(error)
            if refusal is None:
                raise
            raise refusal from error
        record_event(
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
