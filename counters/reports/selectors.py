"""Report figures of tickets and SKM answers, aggregated in SQL per agency and period."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    F,
    Func,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay, TruncMonth
from django_scopes import scopes_disabled

from common.aggregates import Percentile, Seconds
from counters.queue.models import Counter, CounterPause, Ticket
from counters.survey.ikm import Ikm, ikm_compute
from counters.survey.models import ELEMENT_FIELDS, SurveyResponse
from services.models import Agency

WAIT = Seconds(F("called_at"), F("issued_at"))
SERVICE = Seconds(F("finished_at"), F("started_at"))
SERVED = Q(status=Ticket.Status.DONE, started_at__isnull=False, finished_at__isnull=False)
CALLED = Q(called_at__isnull=False)


def _ticket_figures() -> dict:
    return {
        "issued": Count("id"),
        "served": Count("id", filter=Q(status=Ticket.Status.DONE)),
        "no_show": Count("id", filter=Q(status=Ticket.Status.NO_SHOW)),
        "cancelled": Count("id", filter=Q(status=Ticket.Status.CANCELLED)),
        "transferred": Count("id", filter=Q(status=Ticket.Status.TRANSFERRED)),
        "booked": Count("id", filter=Q(source=Ticket.Source.BOOKING)),
        "walk_in": Count("id", filter=~Q(source=Ticket.Source.BOOKING)),
        "wait_median": Percentile(WAIT, fraction=0.5, filter=CALLED),
        "wait_p90": Percentile(WAIT, fraction=0.9, filter=CALLED),
        "service_median": Percentile(SERVICE, fraction=0.5, filter=SERVED),
        "service_p90": Percentile(SERVICE, fraction=0.9, filter=SERVED),
    }


def _survey_sums() -> dict:
    return {"respondents": Count("id")} | {name: Sum(name) for name in ELEMENT_FIELDS}


def ikm_from_row(row: dict) -> Ikm:
    return ikm_compute(
        respondents=row["respondents"] or 0,
        element_sums=[row[name] or 0 for name in ELEMENT_FIELDS],
    )


@dataclass
class AgencyReport:
    agency: Agency
    start: date
    end: date
    totals: dict
    by_service: list[dict]
    by_counter: list[dict]
    by_operator: list[dict]
    heatmap: list[list[int]]
    ikm: Ikm
    # Per group, for the agency's head and the mall only (never an operator's own report).
    ikm_by_service: list[tuple[str, Ikm]] = field(default_factory=list)
    ikm_by_counter: list[tuple[str, Ikm]] = field(default_factory=list)
    ikm_by_officer: list[tuple[str, Ikm]] = field(default_factory=list)


def _narrow(rows: QuerySet, *, operator=None, service=None, location=None, via="") -> QuerySet:
    if operator is not None:
        rows = rows.filter(**{f"{via}operator": operator})
    if service is not None:
        rows = rows.filter(service=service)
    if location is not None:
        rows = rows.filter(location=location)
    return rows


def _heatmap(tickets: QuerySet) -> list[list[int]]:
    """Arrivals per ISO weekday (rows Monday..Sunday) and hour (columns 0..23), local time."""
    grid = [[0] * 24 for _ in range(7)]
    rows = (
        tickets.order_by()
        .annotate(weekday=ExtractIsoWeekDay("issued_at"), hour=ExtractHour("issued_at"))
        .values("weekday", "hour")
        .annotate(n=Count("id"))
    )
    for row in rows:
        grid[row["weekday"] - 1][row["hour"]] = row["n"]
    return grid


def _officer_name(row: dict) -> str:
    full = f"{row['ticket__operator__first_name']} {row['ticket__operator__last_name']}"
    return full.strip() or row["ticket__operator__username"]


def _ikm_groups(surveys: QuerySet) -> dict[str, list[tuple[str, Ikm]]]:
    """The IKM of each service, counter and officer (who served the ticket): one grouped
    query each, through the one IKM definition."""

    def grouped(rows: QuerySet, keys: tuple[str, ...], label) -> list[tuple[str, Ikm]]:
        rows = rows.order_by().values(*keys).annotate(**_survey_sums()).order_by(*keys)
        return [(label(row), ikm_from_row(row)) for row in rows]

    officer = ("ticket__operator__username", "ticket__operator__first_name")
    return {
        "ikm_by_service": grouped(surveys, ("service__name",), lambda row: row["service__name"]),
        "ikm_by_counter": grouped(
            surveys.filter(counter__isnull=False),
            ("counter__number",),
            lambda row: str(row["counter__number"]),
        ),
        "ikm_by_officer": grouped(
            surveys.filter(ticket__operator__isnull=False),
            (*officer, "ticket__operator__last_name"),
            _officer_name,
        ),
    }


def agency_report(
    *, agency: Agency, start: date, end: date, operator=None, service=None, location=None
) -> AgencyReport:
    """Every figure of one agency's report over [start, end]; only `operator`'s when given."""
    narrow = {"operator": operator, "service": service, "location": location}
    with scopes_disabled():
        tickets = _narrow(
            Ticket.objects.filter(agency=agency, day__gte=start, day__lte=end), **narrow
        )
        figures = _ticket_figures()
        totals = tickets.order_by().aggregate(**figures)
        by_service = list(
            tickets.order_by().values("service__name").annotate(**figures).order_by("service__name")
        )
        by_counter = list(
            tickets.filter(counter__isnull=False)
            .order_by()
            .values("counter__number")
            .annotate(**figures)
            .order_by("counter__number")
        )
        by_operator = list(
            tickets.filter(operator__isnull=False)
            .order_by()
            .values("operator__username", "operator__first_name", "operator__last_name")
            .annotate(**figures)
            .order_by("operator__username")
        )
        surveys = _narrow(
            SurveyResponse.objects.filter(agency=agency, day__gte=start, day__lte=end),
            via="ticket__",
            **narrow,
        )
        ikm = ikm_from_row(surveys.order_by().aggregate(**_survey_sums()))
        groups = {} if operator is not None else _ikm_groups(surveys)
        return AgencyReport(
            agency=agency,
            start=start,
            end=end,
            totals=totals,
            by_service=by_service,
            by_counter=by_counter,
            by_operator=by_operator,
            heatmap=_heatmap(tickets),
            ikm=ikm,
            **groups,
        )


def agency_ikm(*, agency: Agency, start: date, end: date) -> Ikm:
    """The IKM of one agency over [start, end] (public: only aggregates)."""
    with scopes_disabled():
        surveys = SurveyResponse.objects.filter(agency=agency, day__gte=start, day__lte=end)
        return ikm_from_row(surveys.order_by().aggregate(**_survey_sums()))


def mall_overview(*, start: date, end: date) -> list[dict]:
    """Per active agency: ticket figures and IKM over [start, end], side by side (2 queries)."""
    with scopes_disabled():
        figures = {name: aggregate for name, aggregate in _ticket_figures().items()}
        rows = {
            row["agency_id"]: row
            for row in Ticket.objects.filter(day__gte=start, day__lte=end)
            .order_by()
            .values("agency_id")
            .annotate(**figures)
        }
        surveys = {
            row["agency_id"]: ikm_from_row(row)
            for row in SurveyResponse.objects.filter(day__gte=start, day__lte=end)
            .order_by()
            .values("agency_id")
            .annotate(**_survey_sums())
        }
        overview = []
        for agency in Agency.objects.filter(is_active=True).order_by("name"):
            overview.append(
                {
                    "agency": agency,
                    "figures": rows.get(agency.id, {}),
                    "ikm": surveys.get(agency.id, ikm_compute(respondents=0, element_sums=[])),
                }
            )
        return overview


def monthly_trend(*, start: date, end: date) -> dict[int, dict[date, dict]]:
    """Per agency and month (its first day) over [start, end]: tickets issued, the median
    wait in seconds and the IKM, as the period figures count them (2 queries)."""
    figures = _ticket_figures()
    with scopes_disabled():
        tickets = (
            Ticket.objects.filter(day__gte=start, day__lte=end)
            .order_by()
            .annotate(month=TruncMonth("day"))
            .values("agency_id", "month")
            .annotate(issued=figures["issued"], wait_median=figures["wait_median"])
        )
        surveys = (
            SurveyResponse.objects.filter(day__gte=start, day__lte=end)
            .order_by()
            .annotate(month=TruncMonth("day"))
            .values("agency_id", "month")
            .annotate(**_survey_sums())
        )
        trend: dict[int, dict[date, dict]] = {}
        for row in tickets:
            month = trend.setdefault(row["agency_id"], {}).setdefault(row["month"], {})
            month.update(issued=row["issued"], wait_median=row["wait_median"])
        for row in surveys:
            month = trend.setdefault(row["agency_id"], {}).setdefault(row["month"], {})
            month["ikm"] = ikm_from_row(row)
        return trend


def live_lines(*, day: date, moment) -> dict[tuple[int, int], dict]:
    """Per (agency, location) right now: tickets waiting, their longest and median wait so
    far in whole minutes, and counters open (paused ones included: 2 queries)."""
    waited = Seconds(Value(moment, output_field=DateTimeField()), F("issued_at"))
    with scopes_disabled():
        lines: dict[tuple[int, int], dict] = {}
        waiting = (
            Ticket.objects.filter(day=day, status=Ticket.Status.WAITING)
            .order_by()
            .values("agency_id", "location_id")
            .annotate(
                waiting=Count("id"),
                oldest=Min("issued_at"),
                median=Percentile(waited, fraction=0.5),
            )
        )
        for row in waiting:
            lines[row["agency_id"], row["location_id"]] = {
                "waiting": row["waiting"],
                "longest_wait": int((moment - row["oldest"]).total_seconds() // 60),
                "median_wait": int(row["median"] // 60),
                "open": 0,
            }
        counters = (
            Counter.objects.filter(is_open=True)
            .order_by()
            .values("agency_id", "location_id")
            .annotate(open=Count("id"))
        )
        for row in counters:
            key = row["agency_id"], row["location_id"]
            lines.setdefault(key, {"waiting": 0, "longest_wait": 0, "median_wait": 0})
            lines[key]["open"] = row["open"]
        return lines


def mall_live(*, day: date, moment) -> dict[int, dict]:
    """Per agency right now, over its locations: tickets waiting, the longest wait in
    minutes, counters open."""
    live: dict[int, dict] = {}
    for (agency_id, _location_id), line in live_lines(day=day, moment=moment).items():
        total = live.setdefault(agency_id, {"waiting": 0, "longest_wait": 0, "open": 0})
        total["waiting"] += line["waiting"]
        total["longest_wait"] = max(total["longest_wait"], line["longest_wait"])
        total["open"] += line["open"]
    return live


def idle_counters(*, day: date, moment) -> list[dict]:
    """The open counters that serve nobody now and are not on a declared pause, each with
    its last call today and the newest and count of tickets waiting for its services at its
    location (1 query)."""
    with scopes_disabled():
        line = Ticket.objects.filter(
            day=day,
            status=Ticket.Status.WAITING,
            location_id=OuterRef("location_id"),
            service__counters=OuterRef("pk"),
        ).order_by()
        return list(
            Counter.objects.filter(is_open=True)
            .exclude(
                Exists(Ticket.objects.filter(counter=OuterRef("pk"), status__in=Ticket.ACTIVE))
            )
            .exclude(Exists(CounterPause.objects.filter(counter=OuterRef("pk"), ended_at=None)))
            .annotate(
                last_call=Subquery(
                    Ticket.objects.filter(counter=OuterRef("pk"), day=day, called_at__isnull=False)
                    .order_by("-called_at")
                    .values("called_at")[:1]
                ),
                newest_waiting=Subquery(line.order_by("-issued_at").values("issued_at")[:1]),
                waiting=Subquery(line.annotate(n=Func(F("id"), function="COUNT")).values("n")[:1]),
            )
            .filter(waiting__gt=0)
            .order_by("agency_id", "location_id", "number")
            .values("agency_id", "location_id", "number", "last_call", "newest_waiting", "waiting")
        )
