"""Cases measured against the published promise, aggregated in SQL per agency or service
over a period (local WITA days).

What is measured, and why:
- opened: cases opened in the period; completed: cases whose agency work ended in the
  period (ready, refused, handed over or sent), the cohort that every other figure of the
  period is about.
- on time: a completed case that is not late by cases.models.late_condition, the one rule
  of lateness. The due date already moves later by every pause for the citizen
  (cases.deadlines.due_after_pause), so the rate honours the promise as published.
- cases of services whose processing time cannot be measured (due_at null) are counted as
  opened and completed but stay out of the on-time rate ("measured" is its denominator).
- processing time (median, P90): elapsed time from opening to completion, pauses included.
  Pauses are not stored as intervals, only as the later due date they caused; subtracting
  them would need the timeline of every case, and the on-time rate already accounts for
  them. The figure is therefore what the citizen lived through, in days.
- late now: cases whose agency work is not done yet and that are late now, whenever they
  were opened: the backlog of broken promises, not a figure of the period."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, QuerySet, Value
from django.utils import timezone
from django_scopes import scopes_disabled

from cases.models import Case, late_condition
from counters.reports.selectors import Percentile, Seconds
from services.models import Agency

# The agency's work on the case is not done yet (it is still theirs to finish).
UNFINISHED = Q(completed_at__isnull=True)
DURATION = Seconds(F("completed_at"), F("opened_at"))
SECONDS_PER_DAY = 24 * 60 * 60


@dataclass(frozen=True)
class Period:
    """Local (WITA) days start..end, both included, as the instants that bound them."""

    start: date
    end: date

    @property
    def since(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def until(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))


def _aggregates(period: Period, now: datetime) -> dict:
    opened = Q(opened_at__gte=period.since, opened_at__lt=period.until)
    completed = Q(completed_at__gte=period.since, completed_at__lt=period.until)
    measured = completed & Q(due_at__isnull=False)
    late = late_condition(now)
    return {
        "opened": Count("id", filter=opened),
        "completed": Count("id", filter=completed),
        "measured": Count("id", filter=measured),
        "on_time": Count("id", filter=measured & ~late),
        "duration_median": Percentile(DURATION, fraction=0.5, filter=completed),
        "duration_p90": Percentile(DURATION, fraction=0.9, filter=completed),
        "late_now": Count("id", filter=UNFINISHED & late),
    }


def _relevant(period: Period) -> Q:
    """The rows any figure of the period counts: the rest is never read."""
    return (
        Q(opened_at__gte=period.since, opened_at__lt=period.until)
        | Q(completed_at__gte=period.since, completed_at__lt=period.until)
        | UNFINISHED
    )


def _finish(row: dict) -> dict:
    """The figures of one row as shown: the rate in percent, durations in days."""
    measured = row.get("measured") or 0
    rate = round(100 * row["on_time"] / measured, 1) if measured else None
    days = {
        key: None if row.get(key) is None else round(row[key] / SECONDS_PER_DAY, 1)
        for key in ("duration_median", "duration_p90")
    }
    return {**row, **days, "on_time_rate": rate}


# What the aggregates give over no case at all.
NO_CASES = {
    "opened": 0,
    "completed": 0,
    "measured": 0,
    "on_time": 0,
    "duration_median": None,
    "duration_p90": None,
    "late_now": 0,
}


def case_figures(*, period: Period, now: datetime, agency: Agency | None = None) -> dict:
    """The figures of every case of `agency` (of every active agency when None) together."""
    with scopes_disabled():
        cases = Case.objects.filter(_relevant(period), agency__is_active=True)
        if agency is not None:
            cases = cases.filter(agency=agency)
        return _finish(cases.order_by().aggregate(**_aggregates(period, now)))


def case_figures_by_service(
    *, period: Period, now: datetime, agency: Agency | None = None
) -> list[dict]:
    """One row per service with cases to count (of `agency`, or of every active agency),
    ordered by agency and service as the catalog orders them."""
    with scopes_disabled():
        cases = Case.objects.filter(_relevant(period), agency__is_active=True)
        if agency is not None:
            cases = cases.filter(agency=agency)
        rows = (
            cases.order_by()
            .values(
                "service_id",
                "service__name",
                "service__processing_time",
                "agency__name",
                "agency__short_name",
            )
            .annotate(**_aggregates(period, now))
            .order_by("agency__order", "agency__name", "service__order", "service__name")
        )
        return [_finish(row) for row in rows]


def case_figures_by_agency(*, period: Period, now: datetime) -> list[dict]:
    """Every active agency with its figures (zero when it had no case), by name."""
    with scopes_disabled():
        found = {
            row["agency_id"]: row
            for row in Case.objects.filter(_relevant(period))
            .order_by()
            .values("agency_id")
            .annotate(**_aggregates(period, now))
        }
        return [
            {
                "agency": agency,
                **_finish(found.get(agency.id, NO_CASES)),
            }
            for agency in Agency.objects.filter(is_active=True).order_by("name")
        ]


def late_case_counts(*, now: datetime) -> dict[int, int]:
    """{agency id: how many of its cases late_cases lists} of every agency with one."""
    with scopes_disabled():
        rows = Case.objects.filter(UNFINISHED).late(now).order_by().values("agency_id")
        return {row["agency_id"]: row["n"] for row in rows.annotate(n=Count("id"))}


def late_cases(*, agency: Agency, now: datetime) -> QuerySet:
    """The agency's cases late now whose work is not done, the longest overdue first, each
    with how long it is late (`late_by`)."""
    with scopes_disabled():
        return (
            Case.objects.filter(UNFINISHED, agency=agency)
            .late(now)
            .annotate(late_by=ExpressionWrapper(Value(now) - F("due_at"), DurationField()))
            .select_related("service", "assignee")
            .order_by("due_at", "id")
        )
