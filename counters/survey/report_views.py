"""Pages of the periodic SKM report: an agency's (its staff read it, its admins write the
follow-up plan and publish it), the whole MPP's (mall admins) and the published ones
(public, /transparansi/skm/)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from common import clock
from common.errors import DomainError
from common.pagination import counted_page
from counters.survey import report_services
from counters.survey.periods import SkmPeriod
from counters.survey.report import (
    WEIGHT_SHOWN,
    agency_skm_figures,
    follow_ups,
    mall_skm_by_agency,
    mall_skm_figures,
    published_report,
    published_reports,
    skm_report_record,
)
from counters.survey.report_forms import FollowUpForm, PeriodChoiceForm, ProgressForm
from counters.survey.report_models import SkmFollowUp
from services.models import Agency
from services.permissions import can_enter_agency, can_manage_agency, is_mall_admin
from services.selectors import active_agency
from services.tenancy import staff_view

PER_PAGE = 30


def _period(year: int, code: str) -> SkmPeriod:
    period = SkmPeriod.parse(year, code)
    if period is None:
        raise Http404
    return period


def _chosen(request, url_of) -> str:
    """Where the period chooser leads: the asked period, or the last quarter that ended
    (with a message when what was asked is not a period)."""
    form = PeriodChoiceForm(request.GET)
    if form.is_valid():
        period = SkmPeriod(year=form.cleaned_data["tahun"], code=form.cleaned_data["periode"])
    else:
        if request.GET:
            messages.error(request, _("Pilih tahun dan periode laporan yang ada."))
        period = SkmPeriod.last_ended_quarter(clock.today())
    return url_of(period)


def _common(period: SkmPeriod, figures) -> dict:
    return {
        "period": period,
        "figures": figures,
        "minimum": settings.SKM_MIN_RESPONSES,
        "weight": WEIGHT_SHOWN,
        "chooser": PeriodChoiceForm(initial={"tahun": period.year, "periode": period.code}),
    }


def _agency_url(agency: Agency, period: SkmPeriod) -> str:
    return reverse("counters:skm_agency", args=[agency.slug, period.year, period.code])


@never_cache
@login_required
@staff_view(active_agency, "agency", may=can_enter_agency)
def agency_choose(request, agency: Agency):
    return redirect(_chosen(request, lambda period: _agency_url(agency, period)))


@never_cache
@login_required
@staff_view(active_agency, "agency", may=can_enter_agency)
def agency_page(request, agency: Agency, year: int, period: str):
    period = _period(year, period)
    figures = agency_skm_figures(agency=agency, period=period)
    record = skm_report_record(agency=agency, period=period)
    previous = skm_report_record(agency=agency, period=period.previous)
    published = record is not None and record.is_published
    manages = can_manage_agency(request.user, agency)
    context = _common(period, figures) | {
        "agency": agency,
        "record": record,
        "plan": follow_ups(record),
        "previous_plan": follow_ups(previous),
        "manages": manages,
        "writable": manages and not published,
        "publishable": manages and not published and figures.enough,
        "ended": period.has_ended(clock.today()),
        "add_form": FollowUpForm(weakest=[element.field for element in figures.weakest]),
        "progress_forms": [
            (
                item,
                ProgressForm(
                    initial={"status": item.status, "catatan": item.progress_note},
                    auto_id=f"kemajuan-{item.pk}-%s",
                ),
            )
            for item in follow_ups(previous)
        ],
    }
    return render(request, "counters/skm/agency.html", context)


def _write(request, agency: Agency, year: int, period: str, action) -> object:
    """A POST of the report page by the agency's admin: the write, then back to the page
    with what happened (a refused write changes nothing and says why)."""
    if not can_manage_agency(request.user, agency):
        raise PermissionDenied(_("Hanya admin instansi yang mengubah laporan SKM."))
    period = _period(year, period)
    try:
        done = action(period)
    except DomainError as refused:
        messages.error(request, refused.message)
    else:
        if done:
            messages.success(request, done)
    return redirect(_agency_url(agency, period))


def _form_errors(form) -> str:
    return " ".join(message for errors in form.errors.values() for message in errors)


@require_POST
@login_required
@staff_view(active_agency, "agency", may=can_enter_agency)
def plan_add(request, agency: Agency, year: int, period: str):
    def action(period: SkmPeriod) -> str:
        form = FollowUpForm(request.POST)
        if not form.is_valid():
            raise DomainError(_form_errors(form), code="invalid", status=422)
        report_services.skm_follow_up_add(
            agency=agency,
            period=period,
            element=form.cleaned_data["unsur"],
            action=form.cleaned_data["rencana"],
            owner=form.cleaned_data["penanggung_jawab"],
            target_date=form.cleaned_data["target"],
            actor=request.user,
        )
        return _("Rencana tindak lanjut ditambahkan.")

    return _write(request, agency, year, period, action)


def _follow_up(agency: Agency, pk: int) -> SkmFollowUp:
    """An action of this agency's plans; another agency's is outside the request's scope
    (staff_view): a 404."""
    row = SkmFollowUp.objects.select_related("report", "agency").filter(pk=pk).first()
    if row is None:
        raise Http404
    return row


@require_POST
@login_required
@staff_view(active_agency, "agency", may=can_enter_agency)
def plan_remove(request, agency: Agency, year: int, period: str, pk: int):
    def action(period: SkmPeriod) -> str:
        report_services.skm_follow_up_remove(follow_up=_follow_up(agency, pk))
        return _("Rencana tindak lanjut dihapus.")

    return _write(request, agency, year, period, action)


@require_POST
@login_required
@staff_view(active_agency, "agency", may=can_enter_agency)
def plan_progress(request, agency: Agency, year: int, period: str, pk: int):
    def action(period: SkmPeriod) -> str:
        follow_up = _follow_up(agency, pk)
        form = ProgressForm(request.POST)
        if not form.is_valid():
            raise DomainError(_form_errors(form), code="invalid", status=422)
        report_services.skm_follow_up_progress(
            follow_up=follow_up,
            status=form.cleaned_data["status"],
            note=form.cleaned_data["catatan"],
            actor=request.user,
        )
        return _("Kemajuan tindak lanjut tersimpan.")

    return _write(request, agency, year, period, action)


@require_POST
@login_required
@staff_view(active_agency, "agency", may=can_enter_agency)
def publish(request, agency: Agency, year: int, period: str):
    def action(period: SkmPeriod) -> str:
        report_services.skm_report_publish(agency=agency, period=period, actor=request.user)
        return _("Laporan SKM diterbitkan di halaman transparansi.")

    return _write(request, agency, year, period, action)


def _mall_admin(request) -> None:
    if not is_mall_admin(request.user):
        raise PermissionDenied(_("Halaman ini untuk pengelola MPP."))


@never_cache
@login_required
def mall_choose(request):
    _mall_admin(request)
    return redirect(
        _chosen(
            request,
            lambda period: reverse("counters:skm_mall", args=[period.year, period.code]),
        )
    )


@never_cache
@login_required
def mall_page(request, year: int, period: str):
    _mall_admin(request)
    period = _period(year, period)
    context = _common(period, mall_skm_figures(period=period)) | {
        "agencies": mall_skm_by_agency(period=period),
    }
    return render(request, "counters/skm/mall.html", context)


def public_index(request):
    page = counted_page(published_reports(), number=request.GET.get("halaman"), per_page=PER_PAGE)
    return render(request, "counters/skm/index.html", {"page": page})


def public_page(request, agency: str, year: int, period: str):
    period = _period(year, period)
    record = published_report(agency_slug=agency, period=period)
    if record is None:
        raise Http404
    previous = skm_report_record(agency=record.agency, period=period.previous)
    context = _common(period, agency_skm_figures(agency=record.agency, period=period)) | {
        "agency": record.agency,
        "record": record,
        "plan": follow_ups(record),
        "previous_plan": follow_ups(previous),
        "public": True,
    }
    return render(request, "counters/skm/public.html", context)
