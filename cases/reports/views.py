"""Staff pages of cases measured against the promise: an agency's figures and late cases
(page and CSV), and every agency side by side for the mall admins."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cases.reports.selectors import (
    Period,
    case_figures,
    case_figures_by_agency,
    case_figures_by_service,
    late_cases,
)
from common import clock
from common.pagination import counted_page
from counters.reports.views import report_period
from services.models import Agency
from services.permissions import can_enter_agency, is_mall_admin
from services.selectors import active_agency
from services.tenancy import staff_view

LATE_PER_PAGE = 50


def _period(request) -> tuple:
    form, dates = report_period(request)
    return form, Period(start=dates["start"], end=dates["end"])


def _without_page(request) -> str:
    params = request.GET.copy()
    params.pop("hal", None)
    return params.urlencode()


@never_cache
@login_required
@staff_view(active_agency, "agency", may=can_enter_agency)
def agency_case_report(request, agency: Agency):
    form, period = _period(request)
    now = clock.now()
    page = counted_page(
        late_cases(agency=agency, now=now), number=request.GET.get("hal"), per_page=LATE_PER_PAGE
    )
    context = {
        "agency": agency,
        "form": form,
        "period": period,
        "totals": case_figures(period=period, now=now, agency=agency),
        "services": case_figures_by_service(period=period, now=now, agency=agency),
        "late": page,
        # The late list's other pages keep the period asked for.
        "query": _without_page(request),
    }
    return render(request, "cases/reports/agency.html", context)


@never_cache
@login_required
@staff_view(active_agency, "agency", may=can_enter_agency)
def agency_late_csv(request, agency: Agency):
    """Every late case of the agency now (no period: lateness is a fact of today)."""
    now = clock.now()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"berkas-terlambat-{agency.slug}-{clock.local_day(now)}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Kode"),
            _("Nomor registrasi instansi"),
            _("Layanan"),
            _("Status"),
            _("Dibuka"),
            _("Batas waktu"),
            _("Hari terlambat"),
            _("Unit yang memegang berkas"),
            _("Petugas"),
        ]
    )
    for case in late_cases(agency=agency, now=now).iterator():
        writer.writerow(
            [
                case.code,
                case.reference,
                case.service.name,
                case.get_status_display(),
                f"{timezone.localtime(case.opened_at):%Y-%m-%d %H:%M}",
                f"{timezone.localtime(case.due_at):%Y-%m-%d %H:%M}",
                case.late_by.days,
                case.holder_unit,
                case.assignee.get_username() if case.assignee else "",
            ]
        )
    return response


@never_cache
@login_required
def mall_case_report(request):
    if not is_mall_admin(request.user):
        raise PermissionDenied
    form, period = _period(request)
    now = clock.now()
    context = {
        "form": form,
        "period": period,
        "totals": case_figures(period=period, now=now),
        "agencies": case_figures_by_agency(period=period, now=now),
        "services": case_figures_by_service(period=period, now=now),
    }
    return render(request, "cases/reports/mall.html", context)
