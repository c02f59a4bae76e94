"""Reads of the watch: the conditions that hold right now (a few grouped queries over the
whole mall), the open incidents, an agency's incidents and the monthly summary."""

from datetime import date, datetime, timedelta

from django.db.models import (
    Count,
    DateTimeField,
    DurationField,
    ExpressionWrapper,
    F,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, TruncMonth
from django_scopes import scopes_disabled

from cases.reports.selectors import late_case_counts
from common import clock
from complaints.selectors.staff import late_complaint_counts
from counters.reports.selectors import idle_counters, live_lines
from oversight.models import (
    DEFAULT_IDLE_LIMIT_MINUTES,
    DEFAULT_WAIT_LIMIT_MINUTES,
    Incident,
)
from services.models import Agency

Kind = Incident.Kind
# A line is "without a counter" once its first visitor has waited this long: the moment
# between one operator closing and the next opening is no incident.
UNATTENDED_AFTER_MINUTES = 5
# (agency id, location id or None, kind) -> the figures that describe it
Conditions = dict[tuple[int, int | None, str], dict]


def agency_limits() -> dict[int, tuple[int, int]]:
    """{active agency id: (wait limit, idle limit) in minutes}, defaults where unset."""
    with scopes_disabled():
        rows = Agency.objects.filter(is_active=True).values_list(
            "id",
            Coalesce("oversight_setting__wait_limit_minutes", Value(DEFAULT_WAIT_LIMIT_MINUTES)),
            Coalesce("oversight_setting__idle_limit_minutes", Value(DEFAULT_IDLE_LIMIT_MINUTES)),
        )
        return {agency_id: (wait, idle) for agency_id, wait, idle in rows}


def _line_conditions(lines: dict, limits: dict) -> Conditions:
    found: Conditions = {}
    for (agency_id, location_id), line in lines.items():
        if agency_id not in limits or not line["waiting"]:
            continue
        wait_limit = limits[agency_id][0]
        figures = {
            "waiting": line["waiting"],
            "longest": line["longest_wait"],
            "median": line["median_wait"],
            "open": line["open"],
        }
        if not line["open"] and line["longest_wait"] >= UNATTENDED_AFTER_MINUTES:
            found[agency_id, location_id, Kind.UNATTENDED] = figures
        if line["longest_wait"] >= wait_limit:
            found[agency_id, location_id, Kind.LONG_WAIT] = {**figures, "limit": wait_limit}
    return found


def _idle_conditions(counters: list[dict], limits: dict, moment: datetime) -> Conditions:
    """Counters that called nobody for their agency's idle limit while someone joined
    their line in that time (the line grew while they sat idle)."""
    found: Conditions = {}
    for counter in counters:
        if counter["agency_id"] not in limits:
            continue
        idle_limit = limits[counter["agency_id"]][1]
        since = moment - timedelta(minutes=idle_limit)
        called_since = counter["last_call"] is not None and counter["last_call"] >= since
        if called_since or counter["newest_waiting"] < since:
            continue
        key = (counter["agency_id"], counter["location_id"], Kind.IDLE_COUNTERS)
        figures = found.setdefault(key, {"numbers": [], "waiting": 0, "limit": idle_limit})
        figures["numbers"].append(counter["number"])
        figures["waiting"] = max(figures["waiting"], counter["waiting"])
    for figures in found.values():
        figures["counters"] = ", ".join(str(number) for number in figures.pop("numbers"))
    return found


def current_conditions(*, moment: datetime) -> Conditions:
    """Every condition that holds at `moment` in every active agency (6 queries)."""
    limits = agency_limits()
    day = clock.local_day(moment)
    found = _line_conditions(live_lines(day=day, moment=moment), limits)
    found |= _idle_conditions(idle_counters(day=day, moment=moment), limits, moment)
    for kind, counts in (
        (Kind.LATE_CASES, late_case_counts(now=moment)),
        (Kind.LATE_COMPLAINTS, late_complaint_counts(now=moment)),
    ):
        for agency_id, count in counts.items():
            if agency_id in limits:
                found[agency_id, None, kind] = {"count": count}
    return found


def open_incidents(*, agency: Agency | None = None) -> list[Incident]:
    """The incidents that last now, the oldest first (one agency's when given)."""
    with scopes_disabled():
        rows = Incident.objects.filter(closed_at__isnull=True)
        if agency is not None:
            rows = rows.filter(agency=agency)
        return list(
            rows.select_related("agency", "location").order_by("opened_at", "agency__name", "id")
        )


def _overlapping(start: date, end: date) -> Q:
    """Incidents that lasted some time in the local days [start, end]."""
    return Q(opened_at__date__lte=end) & (Q(closed_at__isnull=True) | Q(closed_at__date__gte=start))


def agency_incidents(*, agency: Agency, start: date, end: date, limit: int) -> QuerySet:
    """The agency's incidents over [start, end], the latest first, at most `limit`."""
    with scopes_disabled():
        return (
            Incident.objects.filter(_overlapping(start, end), agency=agency)
            .select_related("location")
            .order_by("-opened_at", "-id")[:limit]
        )


def monthly_summary(*, start: date, end: date, agency: Agency | None = None) -> list[dict]:
    """Per month (of the opening, local time) and agency: incidents by kind and their total
    duration (the open ones until now), over [start, end] (1 query)."""
    lasted = ExpressionWrapper(
        Coalesce(F("closed_at"), Value(clock.now()), output_field=DateTimeField()) - F("opened_at"),
        output_field=DurationField(),
    )
    with scopes_disabled():
        rows = Incident.objects.filter(_overlapping(start, end))
        if agency is not None:
            rows = rows.filter(agency=agency)
        rows = (
            rows.order_by()
            .annotate(month=TruncMonth("opened_at"))
            .values("month", "agency__short_name", "agency__name")
            .annotate(
                total=Count("id"),
                duration=Sum(lasted),
                **{kind: Count("id", filter=Q(kind=kind)) for kind in Kind.values},
            )
            .order_by("-month", "agency__name")
        )
        return [
            {
                "month": row["month"],
                "agency": row["agency__short_name"] or row["agency__name"],
                "by_kind": [row[kind] for kind in Kind.values],
                "total": row["total"],
                "hours": round(row["duration"].total_seconds() / 3600, 1),
            }
            for row in rows
        ]
