"""The periodic SKM report of an agency: its publication and its follow-up plan (rencana
tindak lanjut). The figures themselves are never stored: they are read from the answers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from counters.survey.models import ELEMENTS
from counters.survey.periods import PERIODS, SkmPeriod
from services.models import Agency


class SkmReport(models.Model):
    """One agency's report of one period, created when its plan gets its first action or
    when it is published; public from publication on."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="skm_reports", verbose_name=_("instansi")
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    period = models.CharField(_("periode"), max_length=2)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    published_at = models.DateTimeField(_("diterbitkan"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diterbitkan oleh"),
    )

    objects = ScopedManager(agency="agency")

    class Meta:
        verbose_name = _("laporan SKM")
        verbose_name_plural = _("laporan SKM")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "period"], name="skm_report_one_per_period"
            ),
            models.CheckConstraint(
                condition=Q(period__in=list(PERIODS)), name="skm_report_period_known"
            ),
        ]
        indexes = [
            models.Index(
                fields=["-published_at"],
                condition=Q(published_at__isnull=False),
                name="skm_report_published",
            )
        ]

    def __str__(self) -> str:
        return f"SKM {self.agency_id} {self.year} {self.period}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def skm_period(self) -> SkmPeriod:
        return SkmPeriod(year=self.year, code=self.period)


class FollowUpStatus(models.TextChoices):
    PLANNED = "planned", _("Belum dimulai")
    IN_PROGRESS = "in_progress", _("Sedang berjalan")
    DONE = "done", _("Selesai")
    NOT_DONE = "not_done", _("Tidak terlaksana")


class SkmFollowUp(models.Model):
    """One action of the follow-up plan about one element, with its progress, which is
    reported in the next period."""

    Status = FollowUpStatus

    report = models.ForeignKey(
        SkmReport, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("laporan")
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="+", verbose_name=_("instansi")
    )
    element = models.CharField(_("unsur"), max_length=20, choices=ELEMENTS)
    action = models.TextField(_("rencana tindak lanjut"), max_length=1000)
    owner = models.CharField(_("penanggung jawab"), max_length=200)
    target_date = models.DateField(_("target selesai"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    progress_note = models.TextField(_("catatan kemajuan"), max_length=1000, blank=True)
    progress_at = models.DateTimeField(_("kemajuan diperbarui"), null=True, blank=True)
    progress_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["element", "target_date", "id"]
        verbose_name = _("rencana tindak lanjut SKM")
        verbose_name_plural = _("rencana tindak lanjut SKM")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=FollowUpStatus.values),
                name="skm_follow_up_status_known",
            )
        ]

    def __str__(self) -> str:
        return f"{self.element}: {self.action[:40]}"
