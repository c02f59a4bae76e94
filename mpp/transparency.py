"""The public transparency figures of a month, quarter or year, composed here where the apps
meet (counters reads neither cases nor complaints): the one selector that the page, its CSV
and its JSON read."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django import forms
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.reports.selectors import Period, case_figures_by_agency, case_figures_by_service
from complaints.selectors.staff import complaint_figures
from complaints.transparency import complaints_section, first_of_month_before, recent_start
from counters.reports.selectors import mall_overview, monthly_trend
from counters.reports.views import minutes

TREND_MONTHS = 12
# How far back the picker offers each kind of period.
MONTHS_OFFERED, QUARTERS_OFFERED, YEARS_OFFERED = 24, 8, 3


@dataclass(frozen=True)
class ReportPeriod:
    """Local days start..end of a month ("2026-11"), quarter ("2026-tw4") or year ("2026");
    a period that has not ended yet ends today."""

    key: str
    label: str
    start: date
    end: date

    @property
    def days(self) -> Period:
        return Period(start=self.start, end=self.end)


def _month_end(first: date) -> date:
    return first_of_month_before(first, -1) - timedelta(days=1)


def month_period(first: date, today: date) -> ReportPeriod:
    label = formats.date_format(first, "F Y")
    return ReportPeriod(first.strftime("%Y-%m"), label, first, min(_month_end(first), today))


def _quarter(year: int, quarter: int, today: date) -> ReportPeriod:
    first = date(year, 3 * quarter - 2, 1)
    end = _month_end(date(year, 3 * quarter, 1))
    label = _("Triwulan %(quarter)s %(year)s") % {"quarter": quarter, "year": year}
    return ReportPeriod(f"{year}-tw{quarter}", label, first, min(end, today))


def _year(year: int, today: date) -> ReportPeriod:
    return ReportPeriod(str(year), str(year), date(year, 1, 1), min(date(year, 12, 31), today))


def offered_periods(today: date) -> dict[str, list[ReportPeriod]]:
    """The periods the picker lists, newest first, by kind."""
    this_month = today.replace(day=1)
    quarter_index = today.year * 4 + (today.month - 1) // 3
    return {
        "bulan": [
            month_period(first_of_month_before(this_month, back), today)
            for back in range(MONTHS_OFFERED)
        ],
        "triwulan": [
            _quarter(index // 4, index % 4 + 1, today)
            for index in range(quarter_index, quarter_index - QUARTERS_OFFERED, -1)
        ],
        "tahun": [_year(today.year - back, today) for back in range(YEARS_OFFERED)],
    }


class PeriodForm(forms.Form):
    periode = forms.ChoiceField(
        label=gettext_lazy("Periode"),
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy(
                "Periode itu tidak dikenal. Pilih bulan, triwulan atau tahun dari daftar."
            )
        },
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.periods = offered_periods(today)
        groups = {
            "bulan": _("Bulan"),
            "triwulan": _("Triwulan"),
            "tahun": _("Tahun"),
        }
        self.fields["periode"].choices = [
            (groups[kind], [(period.key, period.label) for period in periods])
            for kind, periods in self.periods.items()
        ]

    def chosen(self) -> ReportPeriod | None:
        """The valid period asked for; None when none was asked (or not a valid one)."""
        key = self.cleaned_data.get("periode") if self.is_valid() else None
        for periods in self.periods.values():
            for period in periods:
                if period.key == key:
                    return period
        return None


@dataclass
class Transparency:
    period: ReportPeriod
    rows: list[dict]
    trend_months: list[date]
    services: list[dict]
    complaints: dict


def _trend_points(months: list[date], by_month: dict[date, dict]) -> list[dict]:
    points = []
    for month in months:
        figures = by_month.get(month, {})
        ikm = figures.get("ikm")
        points.append(
            {
                "month": month,
                "issued": figures.get("issued", 0),
                "wait_median": minutes(figures.get("wait_median")),
                "ikm": ikm.index if ikm is not None else None,
            }
        )
    return points


def _latest_month_with_visits(trend: dict, months: list[date]) -> date | None:
    visited = {
        month
        for by_month in trend.values()
        for month, figures in by_month.items()
        if figures.get("issued")
    }
    return max((month for month in months if month in visited), default=None)


def transparency_figures(
    *, period: ReportPeriod | None, today: date, now: datetime
) -> Transparency:
    """Every agency's figures over `period` beside its last twelve complete months; without
    a period, the last complete month that has visits (9 queries however much data)."""
    this_month = today.replace(day=1)
    months = [first_of_month_before(this_month, back) for back in range(TREND_MONTHS, 0, -1)]
    trend = monthly_trend(start=months[0], end=this_month - timedelta(days=1))
    if period is None:
        latest = _latest_month_with_visits(trend, months) or months[-1]
        period = month_period(latest, today)
    on_time = {row["agency"].id: row for row in case_figures_by_agency(period=period.days, now=now)}
    # One read for both: the period's counts and the table of the recent months.
    complaint_rows = complaint_figures(
        start=min(period.start, recent_start(today)), end=max(period.end, today)
    )
    received: dict[int | None, list[int]] = {}
    for row in complaint_rows:
        if not period.start <= row["month"] <= period.end:
            continue
        counts = received.setdefault(row["agency_id"], [0, 0])
        counts[0] += row["received"]
        counts[1] += row["on_time"]
    rows = []
    for row in mall_overview(start=period.start, end=period.end):
        agency, figures = row["agency"], row["figures"]
        cases = on_time.get(agency.id, {})
        complaint_counts = received.get(agency.id, [0, 0])
        rows.append(
            {
                "agency": agency,
                "issued": figures.get("issued", 0),
                "served": figures.get("served", 0),
                "no_show": figures.get("no_show", 0),
                "booked": figures.get("booked", 0),
                "wait_median": minutes(figures.get("wait_median")),
                "ikm": row["ikm"],
                "cases_measured": cases.get("measured", 0),
                "on_time_rate": cases.get("on_time_rate"),
                "complaints_received": complaint_counts[0],
                "complaints_on_time": complaint_counts[1],
                "trend": _trend_points(months, trend.get(agency.id, {})),
            }
        )
    services = [
        row for row in case_figures_by_service(period=period.days, now=now) if row["measured"]
    ]
    return Transparency(
        period=period,
        rows=rows,
        trend_months=months,
        services=services,
        complaints=complaints_section(rows=complaint_rows, today=today),
    )


def _blank(value):
    return "" if value is None else value


def transparency_tables(data: Transparency) -> dict[str, tuple[list[str], list[list]]]:
    """The figures as (header, rows) tables: what the CSV files hold."""
    figures = [
        [
            row["agency"].slug,
            row["agency"].name,
            data.period.start.isoformat(),
            data.period.end.isoformat(),
            row["issued"],
            row["served"],
            row["no_show"],
            row["booked"],
            _blank(row["wait_median"]),
            row["ikm"].respondents,
            _blank(row["ikm"].index),
            row["ikm"].grade,
            row["cases_measured"],
            _blank(row["on_time_rate"]),
            row["complaints_received"],
            row["complaints_on_time"],
        ]
        for row in data.rows
    ]
    trend = [
        [
            row["agency"].slug,
            row["agency"].name,
            point["month"].strftime("%Y-%m"),
            point["issued"],
            _blank(point["wait_median"]),
            _blank(point["ikm"]),
        ]
        for row in data.rows
        for point in row["trend"]
    ]
    return {
        "kinerja": (
            ["instansi", "nama", "dari", "sampai", "antrian", "selesai", "tidak_hadir"]
            + ["reservasi", "median_tunggu_menit", "responden_skm", "ikm", "mutu"]
            + ["berkas_terukur", "berkas_tepat_waktu_persen", "pengaduan_diterima"]
            + ["pengaduan_tepat_waktu"],
            figures,
        ),
        "tren": (
            ["instansi", "nama", "bulan", "antrian", "median_tunggu_menit", "ikm"],
            trend,
        ),
    }


def _number(value):
    return None if value is None else float(value)


def transparency_json(data: Transparency) -> dict:
    """The figures as the public JSON document (plain numbers, ISO dates)."""
    return {
        "period": {
            "key": data.period.key,
            "start": data.period.start.isoformat(),
            "end": data.period.end.isoformat(),
        },
        "agencies": [
            {
                "agency": row["agency"].slug,
                "name": row["agency"].name,
                "issued": row["issued"],
                "served": row["served"],
                "no_show": row["no_show"],
                "booked": row["booked"],
                "wait_median_minutes": row["wait_median"],
                "ikm": {
                    "respondents": row["ikm"].respondents,
                    "index": _number(row["ikm"].index),
                    "grade": row["ikm"].grade or None,
                },
                "cases_measured": row["cases_measured"],
                "cases_on_time_percent": row["on_time_rate"],
                "complaints_received": row["complaints_received"],
                "complaints_on_time": row["complaints_on_time"],
                "trend": [
                    {
                        "month": point["month"].strftime("%Y-%m"),
                        "issued": point["issued"],
                        "wait_median_minutes": point["wait_median"],
                        "ikm": _number(point["ikm"]),
                    }
                    for point in row["trend"]
                ],
            }
            for row in data.rows
        ],
    }
