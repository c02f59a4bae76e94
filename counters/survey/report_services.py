"""Writes of the periodic SKM report: the agency's follow-up plan, its progress in the next
period, and the publication. Each is one transaction on the report's row, locked."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from common import clock
from common.errors import DomainError
from counters.survey.models import ELEMENT_FIELDS
from counters.survey.periods import SkmPeriod
from counters.survey.report import agency_skm_figures
from counters.survey.report_models import SkmFollowUp, SkmReport
from services.models import Agency


class SkmReportRefused(DomainError):
    status = 409
    code = "skm_report_refused"


def _locked_report(*, agency: Agency, period: SkmPeriod) -> SkmReport:
    """The period's report row, created on first use, locked until the transaction ends:
    a publication and a change of its plan never interleave."""
    with scopes_disabled():
        SkmReport.objects.get_or_create(agency=agency, year=period.year, period=period.code)
        return SkmReport.objects.select_for_update().get(
            agency=agency, year=period.year, period=period.code
        )


def _refuse_when_published(report: SkmReport) -> None:
    if report.is_published:
        raise SkmReportRefused(
            _("Laporan periode ini sudah diterbitkan; rencana tindak lanjutnya tidak diubah lagi.")
        )


def skm_follow_up_add(
    *,
    agency: Agency,
    period: SkmPeriod,
    element: str,
    action: str,
    owner: str,
    target_date: date,
    actor,
) -> SkmFollowUp:
    """Add an action to the period's plan, while the report is not published."""
    action, owner = action.strip(), owner.strip()
    if element not in ELEMENT_FIELDS:
        raise DomainError(_("Unsur tidak dikenal."), code="invalid", status=422)
    if not action or not owner:
        raise DomainError(
            _("Tuliskan rencana tindak lanjut dan penanggung jawabnya."), code="invalid", status=422
        )
    if target_date < period.start:
        raise DomainError(
            _("Target selesai tidak boleh sebelum awal periode laporan."),
            code="invalid",
            status=422,
        )
    with transaction.atomic():
        report = _locked_report(agency=agency, period=period)
        _refuse_when_published(report)
        with scopes_disabled():
            return SkmFollowUp.objects.create(
                report=report,
                agency=agency,
                element=element,
                action=action[:1000],
                owner=owner[:200],
                target_date=target_date,
                created_by=actor,
            )


def skm_follow_up_remove(*, follow_up: SkmFollowUp) -> None:
    """Take an action out of a plan that is not published yet."""
    with transaction.atomic():
        report = _locked_report(agency=follow_up.agency, period=follow_up.report.skm_period)
        _refuse_when_published(report)
        with scopes_disabled():
            SkmFollowUp.objects.filter(pk=follow_up.pk, report=report).delete()


def skm_follow_up_progress(*, follow_up: SkmFollowUp, status: str, note: str, actor) -> SkmFollowUp:
    """Record how far an action of the previous period got. Its progress belongs to the
    next period's report, so it is written until that report is published."""
    if status not in SkmFollowUp.Status.values:
        raise DomainError(_("Status tidak dikenal."), code="invalid", status=422)
    with transaction.atomic():
        next_report = _locked_report(
            agency=follow_up.agency, period=follow_up.report.skm_period.following
        )
        if next_report.is_published:
            raise SkmReportRefused(
                _("Laporan periode berikutnya sudah diterbitkan; kemajuannya tidak diubah lagi.")
            )
        with scopes_disabled():
            row = SkmFollowUp.objects.select_for_update().get(pk=follow_up.pk)
            row.status = status
            row.progress_note = note.strip()[:1000]
            row.progress_at = clock.now()
            row.progress_by = actor
            row.save(update_fields=["status", "progress_note", "progress_at", "progress_by"])
            return row


def skm_report_publish(*, agency: Agency, period: SkmPeriod, actor) -> SkmReport:
    """Publish the period's report (figures read at view time, the plan as it stands): only
    after the period ended and with enough answers for figures."""
    if not period.has_ended(clock.today()):
        raise SkmReportRefused(_("Laporan diterbitkan setelah periodenya berakhir."))
    if not agency_skm_figures(agency=agency, period=period).enough:
        raise SkmReportRefused(
            _("Responden periode ini terlalu sedikit untuk laporan yang dapat diterbitkan.")
        )
    with transaction.atomic():
        report = _locked_report(agency=agency, period=period)
        _refuse_when_published(report)
        report.published_at = clock.now()
        report.published_by = actor
        report.save(update_fields=["published_at", "published_by"])
        return report
