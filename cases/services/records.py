"""What every write to a case shares: the audit row (and the citizen's message) of a change,
the rule of a change of status, the row lock, the checked phone and persyaratan."""

from collections.abc import Sequence
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from cases import deadlines
from cases.errors import CaseRefused
from cases.messages import case_tell
from cases.models import ONE_CASE_PER_TICKET, UNIQUE_REFERENCE, Case, CaseEvent
from common.db import broke
from common.validators import normalize_phone
from services.models import Service, ServiceRequirement

Status = Case.Status


def record_event(
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


def requirements_of(service: Service, missing: Sequence[int]) -> list[ServiceRequirement]:
    """The missing items, each one of the service's own persyaratan."""
    with scopes_disabled():
        found = list(ServiceRequirement.objects.filter(service=service, pk__in=missing))
    if len(found) != len(set(missing)):
        raise CaseRefused(_("Persyaratan yang kurang harus dipilih dari daftar layanan ini."))
    return found


def normalized_phone(value: str) -> str:
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


def refused_by_database(error: IntegrityError) -> CaseRefused | None:
    """What a write that broke one of the case's named constraints tells its user (None for
    any other refusal, which the caller raises as it is)."""
    if broke(error, ONE_CASE_PER_TICKET):
        return CaseRefused(_("Kunjungan ini sudah punya berkas."), status=409)
    if broke(error, UNIQUE_REFERENCE):
        return CaseRefused(_("Nomor registrasi ini sudah dipakai berkas lain."), status=409)
    return None


def lock_case(case: Case) -> Case:
    # Two changes of one case (a clerk and the agency's system) are applied one after the
    # other: the second sees the first's status and refuses a transition it no longer allows.
    with scopes_disabled():
        return Case.objects.select_for_update().select_related("service").get(pk=case.pk)
