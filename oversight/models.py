"""An incident (a line left unattended, a wait past its limit, idle counters, late cases or
complaints) from the moment it starts to the moment it ends, and each agency's limits."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from services.models import Agency, Location

DEFAULT_WAIT_LIMIT_MINUTES = 60
DEFAULT_IDLE_LIMIT_MINUTES = 15
# Named once: the detector's parallel test proves that this constraint keeps one open
# incident per occurrence.
ONE_OPEN_INCIDENT = models.UniqueConstraint(
    fields=["agency", "location", "kind"],
    condition=Q(closed_at__isnull=True),
    # The agency-wide kinds have no location: NULL must count as one value here.
    nulls_distinct=False,
    name="incident_one_open",
)


class OversightSetting(models.Model):
    """The limits an agency sets for itself; an agency without one has the defaults."""

    agency = models.OneToOneField(
        Agency,
        on_delete=models.CASCADE,
        related_name="oversight_setting",
        verbose_name=_("instansi"),
    )
    wait_limit_minutes = models.PositiveSmallIntegerField(
        _("batas waktu tunggu (menit)"),
        default=DEFAULT_WAIT_LIMIT_MINUTES,
        validators=[MinValueValidator(5), MaxValueValidator(480)],
        help_text=_(
            "Bila pengunjung terlama di antrian sudah menunggu selama ini, kepala instansi "
            "diberi tahu dan dasbor MPP menandainya."
        ),
    )
    idle_limit_minutes = models.PositiveSmallIntegerField(
        _("batas loket tanpa panggilan (menit)"),
        default=DEFAULT_IDLE_LIMIT_MINUTES,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
        help_text=_(
            "Loket yang buka, tidak sedang jeda dan tidak memanggil selama ini sementara "
            "antriannya bertambah, ditandai sebagai loket menganggur."
        ),
    )

    objects = ScopedManager(agency="agency")

    class Meta:
        verbose_name = _("batas pengawasan")
        verbose_name_plural = _("batas pengawasan")

    def __str__(self) -> str:
        return str(self.agency)


class Incident(models.Model):
    """One occurrence of a condition that needs a decision, open while it lasts."""

    class Kind(models.TextChoices):
        UNATTENDED = "unattended", _("Antrian tanpa loket buka")
        LONG_WAIT = "long_wait", _("Tunggu melewati batas")
        IDLE_COUNTERS = "idle_counters", _("Loket menganggur, antrian bertambah")
        LATE_CASES = "late_cases", _("Berkas terlambat")
        LATE_COMPLAINTS = "late_complaints", _("Pengaduan terlambat")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="incidents", verbose_name=_("instansi")
    )
    # None for the kinds that concern the whole agency (late cases and complaints).
    location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incidents",
        verbose_name=_("lokasi"),
    )
    kind = models.CharField(_("jenis"), max_length=16, choices=Kind.choices)
    opened_at = models.DateTimeField(_("mulai"))
    closed_at = models.DateTimeField(_("berakhir"), null=True, blank=True)
    # The figures of the latest detection: what the dashboard says in words.
    details = models.JSONField(_("rincian"), default=dict)
    notified_at = models.DateTimeField(_("kepala instansi diberi tahu"), null=True, blank=True)

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("insiden layanan")
        verbose_name_plural = _("insiden layanan")
        constraints = [
            ONE_OPEN_INCIDENT,
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | Q(closed_at__gte=models.F("opened_at")),
                name="incident_closes_after_opening",
            ),
        ]
        indexes = [models.Index(fields=["agency", "opened_at"], name="incident_agency_opened")]

    def __str__(self) -> str:
        return f"{self.agency}: {self.get_kind_display()}"

    @property
    def description(self) -> str:
        """The incident in words, e.g. "180 menunggu, 51 menit, 0 loket buka"."""
        d = self.details
        if self.kind == self.Kind.UNATTENDED:
            text = gettext("%(waiting)d menunggu, %(longest)d menit, 0 loket buka")
        elif self.kind == self.Kind.LONG_WAIT:
            text = gettext(
                "%(waiting)d menunggu, terlama %(longest)d menit, median %(median)d menit "
                "(batas %(limit)d menit), %(open)d loket buka"
            )
        elif self.kind == self.Kind.IDLE_COUNTERS:
            text = gettext(
                "Loket %(counters)s tidak memanggil selama %(limit)d menit, %(waiting)d menunggu"
            )
        elif self.kind == self.Kind.LATE_CASES:
            text = gettext("%(count)d berkas melewati batas waktu")
        else:
            text = gettext("%(count)d pengaduan melewati batas tahap")
        return text % d
