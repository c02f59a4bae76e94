"""Figures of the periodic SKM report in the layout of PermenPAN-RB 14/2017: who answered,
the value of each element (NRR), its weighted value, the IKM and its grade, the weakest
elements, and the follow-up plans of the period and of the one before."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from counters.survey.ikm import ELEMENT_COUNT, Ikm, enough_respondents, ikm_compute, ikm_grade
from counters.survey.models import ELEMENT_FIELDS, ELEMENTS, SurveyResponse
from counters.survey.periods import SkmPeriod
from counters.survey.report_models import SkmFollowUp, SkmReport
from services.models import Agency

WEAKEST_SHOWN = 3
# The regulation weighs each of the nine elements equally: 1/9, printed as 0,111.
WEIGHT = Decimal(1) / ELEMENT_COUNT
WEIGHT_SHOWN = Decimal("0.111")
THREE_PLACES = Decimal("0.001")
AGE_BANDS = (
    ("10-19", _("Di bawah 20 tahun"), 10, 19),
    ("20-29", _("20–29 tahun"), 20, 29),
    ("30-39", _("30–39 tahun"), 30, 39),
    ("40-49", _("40–49 tahun"), 40, 49),
    ("50-59", _("50–59 tahun"), 50, 59),
    ("60+", _("60 tahun ke atas"), 60, 110),
)


@dataclass(frozen=True)
class Share:
    label: str
    count: int
    percent: Decimal


@dataclass(frozen=True)
class ElementRow:
    number: int
    field: str
    label: str
    total: int
    nrr: Decimal
    weighted: Decimal
    converted: Decimal
    grade: str
    grade_label: str


@dataclass(frozen=True)
class SkmFigures:
    respondents: int
    enough: bool
    profile: list[tuple[str, list[Share]]]
    elements: list[ElementRow]
    weakest: list[ElementRow]
    ikm: Ikm


def _profile_counts() -> dict:
    counts = {"respondents": Count("id")}
    for field, choices in (
        ("sex", SurveyResponse.Sex.choices),
        ("education", SurveyResponse.Education.choices),
        ("occupation", SurveyResponse.Occupation.choices),
    ):
        for value, _label in choices:
            counts[f"{field}:{value}"] = Count("id", filter=Q(**{field: value}))
    for key, _label, low, high in AGE_BANDS:
        counts[f"age:{key}"] = Count("id", filter=Q(age__gte=low, age__lte=high))
    return counts | {name: Sum(name) for name in ELEMENT_FIELDS}


def _shares(row: dict, field: str, choices) -> list[Share]:
    respondents = row["respondents"]
    return [
        Share(
            label=str(label),
            count=row[f"{field}:{value}"],
            percent=(Decimal(100) * row[f"{field}:{value}"] / respondents).quantize(
                Decimal("0.1"), rounding=ROUND_HALF_UP
            ),
        )
        for value, label in choices
    ]


def _elements(row: dict, ikm: Ikm) -> list[ElementRow]:
    """Each element's NRR (its mean, by the one IKM definition), weighted by 1/9 and
    converted to the 25–100 scale with the grade of that value, as the regulation's
    worksheet shows them."""
    rows = []
    for number, ((field, label), nrr) in enumerate(
        zip(ELEMENTS, ikm.element_means, strict=True), start=1
    ):
        converted = (nrr * 25).quantize(Decimal("0.01"))
        grade, grade_label = ikm_grade(converted)
        rows.append(
            ElementRow(
                number=number,
                field=field,
                label=str(label),
                total=row[field],
                nrr=nrr,
                weighted=(nrr * WEIGHT).quantize(THREE_PLACES, rounding=ROUND_HALF_UP),
                converted=converted,
                grade=grade,
                grade_label=str(grade_label),
            )
        )
    return rows


def skm_figures(answers: QuerySet) -> SkmFigures:
    """The report's figures over `answers` (one period's, of one agency or the whole MPP),
    read in one query."""
    row = answers.order_by().aggregate(**_profile_counts())
    respondents = row["respondents"]
    if not enough_respondents(respondents):
        nothing = ikm_compute(respondents=0, element_sums=[])
        return SkmFigures(respondents, False, [], [], [], nothing)
    ikm = ikm_compute(respondents=respondents, element_sums=[row[name] for name in ELEMENT_FIELDS])
    elements = _elements(row, ikm)
    profile = [
        (str(_("Jenis kelamin")), _shares(row, "sex", SurveyResponse.Sex.choices)),
        (
            str(_("Umur")),
            _shares(row, "age", [(key, label) for key, label, _l, _h in AGE_BANDS]),
        ),
        (str(_("Pendidikan")), _shares(row, "education", SurveyResponse.Education.choices)),
        (str(_("Pekerjaan")), _shares(row, "occupation", SurveyResponse.Occupation.choices)),
    ]
    # The lowest sums are the lowest means (one respondent count); ties in the
    # regulation's order of the elements.
    weakest = sorted(elements, key=lambda element: (element.total, element.number))
    return SkmFigures(respondents, True, profile, elements, weakest[:WEAKEST_SHOWN], ikm)


def agency_skm_figures(*, agency: Agency, period: SkmPeriod) -> SkmFigures:
    with scopes_disabled():
        return skm_figures(
            SurveyResponse.objects.filter(agency=agency, day__gte=period.start, day__lte=period.end)
        )


def mall_skm_figures(*, period: SkmPeriod) -> SkmFigures:
    """The whole MPP: every agency's answers of the period together."""
    with scopes_disabled():
        return skm_figures(
            SurveyResponse.objects.filter(day__gte=period.start, day__lte=period.end)
        )


def mall_skm_by_agency(*, period: SkmPeriod) -> list[dict]:
    """Per active agency: its respondents, IKM (only past the minimum) and whether it has
    published its report of the period (two queries)."""
    with scopes_disabled():
        sums = {
            row["agency_id"]: row
            for row in SurveyResponse.objects.filter(day__gte=period.start, day__lte=period.end)
            .order_by()
            .values("agency_id")
            .annotate(respondents=Count("id"), **{name: Sum(name) for name in ELEMENT_FIELDS})
        }
        published = dict(
            SkmReport.objects.filter(
                year=period.year, period=period.code, published_at__isnull=False
            ).values_list("agency_id", "published_at")
        )
        rows = []
        for agency in Agency.objects.filter(is_active=True).order_by("name"):
            row = sums.get(agency.id)
            respondents = row["respondents"] if row else 0
            enough = enough_respondents(respondents)
            ikm = ikm_compute(
                respondents=respondents if enough else 0,
                element_sums=[row[name] for name in ELEMENT_FIELDS] if enough else [],
            )
            rows.append(
                {
                    "agency": agency,
                    "respondents": respondents,
                    "ikm": ikm,
                    "published_at": published.get(agency.id),
                }
            )
        return rows


def skm_report_record(*, agency: Agency, period: SkmPeriod) -> SkmReport | None:
    """The agency's report row of the period with its plan, when it has one."""
    with scopes_disabled():
        return (
            SkmReport.objects.filter(agency=agency, year=period.year, period=period.code)
            .select_related("published_by")
            .prefetch_related("follow_ups")
            .first()
        )


def follow_ups(report: SkmReport | None) -> list[SkmFollowUp]:
    return list(report.follow_ups.all()) if report is not None else []


def published_report(*, agency_slug: str, period: SkmPeriod) -> SkmReport | None:
    """A published report of an active agency (public); None for anything else."""
    with scopes_disabled():
        return (
            SkmReport.objects.filter(
                agency__slug=agency_slug,
                agency__is_active=True,
                year=period.year,
                period=period.code,
                published_at__isnull=False,
            )
            .select_related("agency")
            .prefetch_related("follow_ups")
            .first()
        )


def published_reports() -> QuerySet[SkmReport]:
    """Every published report of active agencies, newest period first (public)."""
    with scopes_disabled():
        return (
            SkmReport.objects.filter(published_at__isnull=False, agency__is_active=True)
            .select_related("agency")
            .order_by("-year", "-period", "agency__name")
        )
