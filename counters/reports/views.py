"""Report pages: an agency's figures, the mall dashboard and CSV exports (the public
transparency page shows them with the cases' figures: mpp.views)."""

import csv
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from common import clock
from counters.reports import charts
from counters.reports.sections import AGENCY_SECTIONS, MALL_SECTIONS, sections_of
from counters.reports.selectors import agency_report, mall_live, mall_overview
from counters.survey.ikm import enough_respondents
from counters.survey.models import ELEMENTS
from counters.survey.suggestions.selectors import open_suggestion_count
from services.models import Agency, Location, Service
from services.permissions import can_enter_agency, can_read_agency_reports, is_mall_admin
from services.selectors import active_agency
from services.tenancy import staff_view

DEFAULT_DAYS = 30
MAX_DAYS = 366
FIGURE_COLUMNS = (
    ("issued", gettext_lazy("Diambil")),
    ("served", gettext_lazy("Selesai")),
    ("no_show", gettext_lazy("Tidak hadir")),
    ("cancelled", gettext_lazy("Batal")),
    ("transferred", gettext_lazy("Dialihkan")),
    ("booked", gettext_lazy("Reservasi")),
    ("walk_in", gettext_lazy("Datang langsung")),
    ("wait_median", gettext_lazy("Median tunggu (menit)")),
    ("wait_p90", gettext_lazy("P90 tunggu (menit)")),
    ("service_median", gettext_lazy("Median layanan (menit)")),
    ("service_p90", gettext_lazy("P90 layanan (menit)")),
)
MINUTE_COLUMNS = {"wait_median", "wait_p90", "service_median", "service_p90"}


# A text field, not <input type="date">: that one shows dates in the browser's own locale
# (mm/dd/yyyy on an English-set browser). Links made before keep their ISO dates.
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def _date_field(label) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_FORMATS,
        help_text=gettext_lazy("hh/bb/tttt, mis. 17/08/2026"),
        error_messages={
            "invalid": gettext_lazy("Tulis tanggal sebagai hh/bb/tttt, mis. 17/08/2026.")
        },
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={
                "class": "form-control",
                "inputmode": "numeric",
                "autocomplete": "off",
                "placeholder": "hh/bb/tttt",
            },
        ),
    )


class PeriodForm(forms.Form):
    dari = _date_field(gettext_lazy("Dari"))
    sampai = _date_field(gettext_lazy("Sampai"))
    layanan = forms.ModelChoiceField(
        label=gettext_lazy("Layanan"), queryset=Service.objects.none(), required=False
    )
    lokasi = forms.ModelChoiceField(
        label=gettext_lazy("Lokasi"), queryset=Location.objects.all(), required=False
    )

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agency is None:
            del self.fields["layanan"], self.fields["lokasi"]
        else:
            self.fields["layanan"].queryset = Service.objects.filter(agency=agency)

    def clean(self):
        data = super().clean()
        end = data.get("sampai") or clock.today()
        start = data.get("dari") or end - timedelta(days=DEFAULT_DAYS - 1)
        if start > end:
            raise forms.ValidationError(_("Tanggal awal harus sebelum tanggal akhir."))
        if (end - start).days >= MAX_DAYS:
            raise forms.ValidationError(_("Rentang laporan paling lama satu tahun."))
        data["start"], data["end"] = start, end
        return data


def report_period(request, agency=None) -> tuple[PeriodForm, dict]:
    """The period a report page asks for (the last 30 days when it asks for none or for
    one that is not valid: the form then says why)."""
    form = PeriodForm(request.GET, agency=agency)
    if form.is_valid():
        return form, form.cleaned_data
    end = clock.today()
    return form, {"start": end - timedelta(days=DEFAULT_DAYS - 1), "end": end}


def minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


def _row_cells(row: dict) -> list:
    return [
        minutes(row.get(key)) if key in MINUTE_COLUMNS else row.get(key, 0)
        for key, _l in FIGURE_COLUMNS
    ]


def _report(request, agency: Agency):
    """The agency's figures over the asked period: all of them for its admins and the mall's,
    an operator's own for an operator."""
    operator = None if can_read_agency_reports(request.user, agency) else request.user
    form, period = report_period(request, agency)
    report = agency_report(
        agency=agency,
        start=period["start"],
        end=period["end"],
        operator=operator,
        service=period.get("layanan"),
        location=period.get("lokasi"),
    )
    return form, report, operator


def _ikm_group_rows(groups) -> list[list]:
    """A group's index and grade, or why there is none yet (too few answers)."""
    return [
        [name, ikm.respondents, ikm.index, ikm.grade]
        if enough_respondents(ikm.respondents)
        else [name, ikm.respondents, _("belum cukup responden"), ""]
        for name, ikm in groups
    ]


def _tables(report) -> dict[str, tuple[list, list[list]]]:
    """Every table of the report as (header, rows): what the page and the CSV show."""
    head = [str(label) for _k, label in FIGURE_COLUMNS]
    ikm_rows = [
        [_("Semua layanan"), report.ikm.respondents, report.ikm.index or "", report.ikm.grade]
    ]
    ikm_rows += _ikm_group_rows(report.ikm_by_service)
    ikm_head = [_("Responden"), _("IKM"), _("Mutu")]
    return {
        "layanan": (
            [_("Layanan"), *head],
            [[r["service__name"], *_row_cells(r)] for r in report.by_service],
        ),
        "loket": (
            [_("Loket"), *head],
            [[r["counter__number"], *_row_cells(r)] for r in report.by_counter],
        ),
        "petugas": (
            [_("Petugas"), *head],
            [
                [
                    f"{r['operator__first_name']} {r['operator__last_name']}".strip()
                    or r["operator__username"],
                    *_row_cells(r),
                ]
                for r in report.by_operator
            ],
        ),
        "kedatangan": (
            [_("Hari"), *[f"{h:02d}" for h in range(24)]],
            [[str(charts.WEEKDAYS[d]), *row] for d, row in enumerate(report.heatmap)],
        ),
        "unsur": (
            [_("Unsur"), _("Nilai rata-rata")],
            [
                [str(label), mean]
                for (_f, label), mean in zip(ELEMENTS, report.ikm.element_means, strict=False)
            ],
        ),
        "ikm": ([_("Layanan"), *ikm_head], ikm_rows),
        "ikm_loket": ([_("Loket"), *ikm_head], _ikm_group_rows(report.ikm_by_counter)),
        "ikm_petugas": ([_("Petugas"), *ikm_head], _ikm_group_rows(report.ikm_by_officer)),
    }


@never_cache
@login_required
@staff_view(active_agency, "agency", may=can_enter_agency)
def agency_report_page(request, agency: Agency):
    form, report, operator = _report(request, agency)
    tables = _tables(report)
    context = {
        "agency": report.agency,
        "form": form,
        "report": report,
        "own_only": operator is not None,
        "open_suggestions": None if operator else open_suggestion_count(agency=agency),
        "min_responses": settings.SKM_MIN_RESPONSES,
        "totals": dict(
            zip([k for k, _l in FIGURE_COLUMNS], _row_cells(report.totals), strict=True)
        ),
        "tables": tables,
        "query": request.GET.urlencode(),
        "service_chart": charts.bars(
            [(r["service__name"], r["issued"], str(r["issued"])) for r in report.by_service]
        ),
        "wait_chart": charts.bars(
            [
                (r["service__name"], r["wait_median"] or 0, minutes(r["wait_median"]))
                for r in report.by_service
            ]
        ),
        "element_chart": charts.bars(
            [
                (str(label), float(mean), str(mean))
                for (_f, label), mean in zip(ELEMENTS, report.ikm.element_means, strict=False)
            ]
        ),
        "heatmap": charts.heatmap(report.heatmap),
        "sections": sections_of(
            AGENCY_SECTIONS,
            request=request,
            agency=report.agency,
            start=report.start,
            end=report.end,
        ),
    }
    return render(request, "counters/reports/agency.html", context)


@never_cache
@login_required
@staff_view(active_agency, "agency", may=can_enter_agency)
def agency_report_csv(request, agency: Agency, table: str):
    _form, report, _operator = _report(request, agency)
    tables = _tables(report)
    if table not in tables:
        raise Http404
    header, rows = tables[table]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"laporan-{report.agency.slug}-{table}-{report.start}-{report.end}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


@never_cache
@login_required
def mall_dashboard(request):
    if not is_mall_admin(request.user):
        raise PermissionDenied
    form, period = report_period(request)
    moment = clock.now()
    live = mall_live(day=clock.local_day(moment), moment=moment)
    rows = [
        {**row, "cells": _row_cells(row["figures"]), "live": live.get(row["agency"].id, {})}
        for row in mall_overview(start=period["start"], end=period["end"])
    ]
    context = {
        "form": form,
        "period": period,
        "rows": rows,
        "sections": sections_of(
            MALL_SECTIONS, request=request, start=period["start"], end=period["end"]
        ),
        "columns": [label for _k, label in FIGURE_COLUMNS],
        "volume_chart": charts.bars(
            [
                (
                    r["agency"].short_name or r["agency"].name,
                    r["figures"].get("issued", 0),
                    str(r["figures"].get("issued", 0)),
                )
                for r in rows
            ]
        ),
    }
    return render(request, "counters/reports/mall.html", context)
