"""API of the SKM survey: a visitor's answer for a done ticket and an agency's IKM."""

from datetime import date, timedelta

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from ninja import Field, Query, Router, Schema, Status
from pydantic import ConfigDict

from common import clock
from common.errors import DomainError
from counters.queue.selectors.tickets import ticket_by_code
from counters.reports.selectors import agency_ikm
from counters.survey.models import ELEMENTS, SurveyResponse
from counters.survey.services import survey_submit
from services.api_errors import refusals
from services.models import Agency

router = Router(tags=["survei"])
MAX_DAYS = 366


class SurveyIn(Schema):
    answers: list[int] = Field(..., description="Sembilan jawaban 1–4, urut unsur U1–U9")
    age: int
    sex: SurveyResponse.Sex = Field(..., description="L (laki-laki) atau P (perempuan)")
    education: SurveyResponse.Education
    occupation: SurveyResponse.Occupation
    suggestion: str = ""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "answers": [4, 3, 4, 4, 3, 4, 4, 3, 4],
                    "age": 34,
                    "sex": "P",
                    "education": "d4_s1",
                    "occupation": "wirausaha",
                    "suggestion": "Ruang tunggu sejuk, antrian tertib.",
                }
            ]
        }
    )


class SurveyOut(Schema):
    ticket: str
    submitted_at: str


class ElementOut(Schema):
    element: str
    mean: float


class IkmOut(Schema):
    agency: str
    start: date
    end: date
    n: int
    elements: list[ElementOut]
    ikm: float | None
    grade: str
    grade_label: str


class PeriodIn(Schema):
    start: date | None = Field(None, alias="from")
    end: date | None = Field(None, alias="to")


@router.post("/tickets/{code}/survey", response={201: SurveyOut, **refusals(409, 429)})
def survey_create(request, code: str, payload: SurveyIn):
    """The SKM answer (PermenPAN-RB 14/2017) for a finished ticket: nine elements scored
    1–4 and the respondent's profile. 409 when the ticket is not finished or was already
    answered."""
    ticket = ticket_by_code(code)
    if ticket is None:
        raise Http404
    response = survey_submit(ticket=ticket, **payload.dict())
    return Status(201, {"ticket": ticket.code, "submitted_at": response.submitted_at.isoformat()})


@router.get("/agencies/{agency}/ikm", response=IkmOut)
def agency_ikm_detail(request, agency: str, period: Query[PeriodIn]):
    """An agency's IKM over a period (default: the last 90 days, at most a year): the
    number of respondents, each element's mean, the index (25–100) and its grade."""
    with scopes_disabled():
        tenant = get_object_or_404(Agency, slug=agency, is_active=True)
    end = period.end or clock.today()
    start = period.start or end - timedelta(days=89)
    if start > end or (end - start).days >= MAX_DAYS:
        raise DomainError(
            _("Periode tidak sah: tanggal awal sebelum akhir, paling lama satu tahun."),
            code="invalid",
            status=422,
        )
    result = agency_ikm(agency=tenant, start=start, end=end)
    return {
        "agency": tenant.slug,
        "start": start,
        "end": end,
        "n": result.respondents,
        "elements": [
            {"element": str(label), "mean": float(mean)}
            for (_field, label), mean in zip(ELEMENTS, result.element_means, strict=False)
        ],
        "ikm": float(result.index) if result.index is not None else None,
        "grade": result.grade,
        "grade_label": str(result.grade_label),
    }
