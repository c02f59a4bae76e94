"""Staff API of cases: an agency's cases, and the state changes its own systems (SIAK, OSS,
passport systems) push by tracking code or by their own reference, idempotently."""

from datetime import datetime

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from pydantic import ConfigDict

from cases import selectors
from cases.models import Case, CaseEvent
from cases.services import case_change_status
from common.errors import DomainError
from common.pagination import counted_page
from services.api_auth import token_or_session
from services.api_errors import refusals
from services.models import Agency, ApiToken
from services.permissions import can_enter_agency, operated_agency_ids
from services.selectors import active_agency
from services.tenancy import staff_scope

router = Router(tags=["berkas (petugas)"])

PER_PAGE = 50


class CaseOut(Schema):
    code: str = Field(description="Kode lacak berkas")
    status: str
    status_label: str
    agency: str
    service: str = Field(description="instansi/layanan")
    service_name: str
    reference: str = Field(description="Nomor berkas di sistem instansi")
    holder_unit: str
    assignee: str | None
    opened_at: datetime
    due_at: datetime | None
    late: bool = Field(description="Melewati batas waktu (berhenti dihitung saat selesai)")
    paused: bool = Field(description="Jam berhenti: menunggu pemohon melengkapi berkas")
    completed_at: datetime | None
    closed_at: datetime | None


def case_out(case: Case) -> dict:
    return {
        "code": case.code,
        "status": case.status,
        "status_label": case.get_status_display(),
        "agency": case.agency.slug,
        "service": f"{case.agency.slug}/{case.service.slug}",
        "service_name": case.service.name,
        "reference": case.reference,
        "holder_unit": case.holder_unit,
        "assignee": case.assignee.username if case.assignee else None,
        "opened_at": case.opened_at,
        "due_at": case.due_at,
        "late": case.late,
        "paused": case.paused_at is not None,
        "completed_at": case.completed_at,
        "closed_at": case.closed_at,
    }


class CasePageOut(Schema):
    count: int
    page: int
    pages: int
    items: list[CaseOut]


def _agency(request, slug: str | None) -> Agency | None:
    """The agency named by `agency=`, or the user's only one; None when it cannot be told
    (staff_scope answers 404 to an agency the user may not enter)."""
    if slug:
        return active_agency(slug)
    own = operated_agency_ids(request.user)
    if len(own) != 1:
        raise DomainError(
            _("Akun ini bekerja untuk lebih dari satu instansi: sebutkan agency=."),
            code="agency_required",
            status=422,
        )
    return Agency.objects.filter(pk=own[0], is_active=True).first()


@router.get("/cases", response={200: CasePageOut, **refusals(404)}, auth=token_or_session)
def case_list(
    request,
    status: Case.Status | None = None,
    late: bool | None = None,
    agency: str | None = Query(None, max_length=50),
    page: int = Query(1, ge=1, le=10_000),
):
    """The agency's cases, soonest due first, 50 a page: every one, or those of `status`;
    `late=true` only those past their due date (the back office's "terlambat"),
    `late=false` the others. A user of several agencies names one with `agency`."""
    with staff_scope(request, _agency(request, agency), may=can_enter_agency):
        cases = selectors.agency_cases(status=status or selectors.ALL)
        if late is not None:
            cases = cases.filter(late=late)
        found = counted_page(cases.select_related("agency"), number=str(page), per_page=PER_PAGE)
        return {
            "count": found.paginator.count,
            "page": found.number,
            "pages": found.paginator.num_pages,
            "items": [case_out(case) for case in found.object_list],
        }


class CaseEventIn(Schema):
    status: Case.Status
    note: str = Field(
        "", max_length=2000, description="Keterangan untuk pemohon (tampil di /lacak/)"
    )
    reference: str = Field(
        "",
        max_length=80,
        description="Id perubahan ini di sistem pengirim: dikirim ulang, tidak dicatat dua kali",
    )
    missing_note: str = Field("", max_length=300, description="incomplete: yang kurang")
    reason: str = Field("", max_length=2000, description="refused: alasan")
    basis: str = Field("", max_length=400, description="refused: dasar hukum")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"status": "ready", "note": "KTP-el sudah dicetak", "reference": "SIAK-EV-88120"},
                {
                    "status": "refused",
                    "reference": "OSS-EV-5521",
                    "reason": "Lokasi usaha di kawasan lindung",
                    "basis": "PP 5/2021 pasal 180",
                },
            ]
        }
    )


def _push(request, case: Case, payload: CaseEventIn) -> dict:
    """Inside the case's agency scope: the change, once per `reference`."""
    case_change_status(
        case=case,
        status=payload.status,
        source=CaseEvent.Source.SYSTEM
        if isinstance(request.auth, ApiToken)
        else CaseEvent.Source.STAFF,
        actor=request.user,
        note=payload.note,
        reference=payload.reference.strip(),
        missing_note=payload.missing_note,
        reason=payload.reason,
        basis=payload.basis,
    )
    return case_out(selectors.case_by_code(case.code))


@router.post(
    "/cases/{code}/events",
    response={200: CaseOut, **refusals(409)},
    auth=token_or_session,
)
def case_event_create(request, code: str, payload: CaseEventIn):
    """Move a case of the caller's agency to `status` (200 with the case). Idempotent: the
    same `reference` sent again, or the status the case already has, changes nothing and
    answers the case. 409 when its current status does not lead there, 422 when the
    status needs what is missing (an incomplete file's `missing_note`, a refusal's
    `reason` and `basis`), 404 for another agency's case."""
    with staff_scope(request, selectors.case_owner(code), may=can_enter_agency) as case:
        return _push(request, case, payload)


@router.post(
    "/cases/by-reference/{path:reference}/events",
    response={200: CaseOut, **refusals(409)},
    auth=token_or_session,
)
def case_event_by_reference(
    request, reference: str, payload: CaseEventIn, agency: str | None = Query(None, max_length=50)
):
    """As /cases/{code}/events, for the case the agency's own system knows by `reference`
    (its nomor registrasi, set in the back office)."""
    with staff_scope(request, _agency(request, agency), may=can_enter_agency):
        case = selectors.case_by_reference(reference)
        if case is None:
            raise Http404
        return _push(request, case, payload)
