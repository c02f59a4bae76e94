"""A case (permohonan): a citizen's file an agency processes after the counter, its states
and its audit trail."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import BooleanField, DateTimeField, ExpressionWrapper, F, Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from common import clock
from common.codes import unambiguous_code
from counters.booking.models import Booking
from counters.queue.models import Ticket
from services.models import Agency, Location, Service, ServiceRequirement

CODE_LENGTH = 10
# A file ready this many days and not yet collected is followed up by the agency.
UNCOLLECTED_AFTER_DAYS = 7
# Named here once; the case service tells by these names which rule a refused write broke.
ONE_CASE_PER_TICKET = models.UniqueConstraint(fields=["ticket"], name="case_one_per_ticket")
UNIQUE_REFERENCE = models.UniqueConstraint(
    fields=["agency", "reference"], condition=~Q(reference=""), name="case_unique_reference"
)


def new_case_code() -> str:
    """Ten letters and digits that cannot be misread: 2^50 codes, never guessed."""
    return unambiguous_code(CODE_LENGTH)


def clock_stopped(now) -> Coalesce:
    """When a case's clock stopped (its work completed, its file paused for the citizen),
    or `now` while it runs."""
    return Coalesce(F("completed_at"), F("paused_at"), Value(now), output_field=DateTimeField())


def late_condition(now) -> Q:
    """The one rule of lateness: the moment a case's clock stopped is past its due date.
    Lists and figures filter by it in SQL; Case.is_late asks the database the same
    question for one case."""
    return Q(due_at__isnull=False, due_at__lt=clock_stopped(now))


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)

    def late(self, now=None):
        return self.filter(late_condition(now or clock.now()))

    def with_late(self, now=None):
        """Each row with `late`, by late_condition: a list shows the flag without a query
        per row."""
        return self.annotate(
            late=ExpressionWrapper(late_condition(now or clock.now()), output_field=BooleanField())
        )

    def due_on(self, day):
        """Due on this local day and in the agency's hands (not done, not waiting for the
        citizen)."""
        return self.filter(completed_at__isnull=True, paused_at__isnull=True, due_at__date=day)

    def uncollected(self, now=None):
        """Ready for pickup for more than UNCOLLECTED_AFTER_DAYS and not collected."""
        since = (now or clock.now()) - timedelta(days=UNCOLLECTED_AFTER_DAYS)
        return self.filter(status=Case.Status.READY, completed_at__lt=since)


class Case(models.Model):
    """One citizen's application, from the counter to the handover."""

    class Status(models.TextChoices):
        IN_PROCESS = "in_process", _("Diproses")
        INCOMPLETE = "incomplete", _("Berkas kurang")
        REFUSED = "refused", _("Ditolak")
        READY = "ready", _("Siap diambil")
        HANDED_OVER = "handed_over", _("Diserahkan")
        SENT = "sent", _("Dikirim")

    # Every change of status: from each status, the ones it may lead to.
    # cases.services applies no other.
    TRANSITIONS = {
        Status.IN_PROCESS: (
            Status.INCOMPLETE,
            Status.REFUSED,
            Status.READY,
            Status.HANDED_OVER,
            Status.SENT,
        ),
        Status.INCOMPLETE: (Status.IN_PROCESS, Status.REFUSED),
        Status.READY: (Status.HANDED_OVER, Status.SENT),
        Status.REFUSED: (),
        Status.HANDED_OVER: (),
        Status.SENT: (),
    }
    # A case starts in one of these: a counter visit ends with the file taken in, sent
    # home to complete it, or refused.
    OPENING = (Status.IN_PROCESS, Status.INCOMPLETE, Status.REFUSED)
    # The agency's work is done (the published processing time is met or missed here).
    COMPLETED = (Status.READY, Status.REFUSED, Status.HANDED_OVER, Status.SENT)
    # Nothing more happens to the case.
    CLOSED = (Status.REFUSED, Status.HANDED_OVER, Status.SENT)

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="cases", verbose_name=_("instansi")
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="cases", verbose_name=_("layanan")
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("lokasi"),
    )
    code = models.CharField(_("kode lacak"), max_length=16, default=new_case_code, editable=False)
    reference = models.CharField(
        _("nomor registrasi instansi"),
        max_length=80,
        blank=True,
        help_text=_("Nomor berkas di sistem instansi (SIAK, OSS, …), bila ada."),
    )
    ticket = models.ForeignKey(
        Ticket,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("tiket antrian"),
    )
    booking = models.ForeignKey(
        Booking,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("reservasi"),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    # The citizen: the last four digits of the NIK are the lookup's second factor; a name
    # and a phone only when given (messages go to consented numbers only).
    name = models.CharField(_("nama pemohon"), max_length=120, blank=True)
    nik_last4 = models.CharField(_("4 digit terakhir NIK"), max_length=4)
    phone = models.CharField(_("nomor ponsel"), max_length=16, blank=True)
    language = models.CharField(_("bahasa"), max_length=5, default="id")
    holder_unit = models.CharField(
        _("unit yang memegang berkas"),
        max_length=120,
        blank=True,
        help_text=_("Mis. Bidang Pelayanan Pendaftaran Penduduk."),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("petugas"),
    )
    missing_requirements = models.ManyToManyField(
        ServiceRequirement, blank=True, related_name="+", verbose_name=_("persyaratan kurang")
    )
    missing_note = models.CharField(_("kekurangan lain"), max_length=300, blank=True)
    refusal_reason = models.TextField(_("alasan penolakan"), blank=True)
    refusal_basis = models.CharField(_("dasar hukum penolakan"), max_length=400, blank=True)
    pickup_location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tempat pengambilan"),
    )
    pickup_note = models.CharField(_("keterangan pengambilan"), max_length=300, blank=True)
    opened_at = models.DateTimeField(_("dibuka"), default=clock.now)
    # The published promise in time: null when the service names none that can be measured.
    due_at = models.DateTimeField(_("batas waktu"), null=True, blank=True)
    # Set while the clock stands still, waiting for the citizen to complete the file.
    paused_at = models.DateTimeField(_("jeda sejak"), null=True, blank=True)
    completed_at = models.DateTimeField(_("selesai diproses"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)
    # When the agency was told the case passed its due date, and when the mall was.
    overdue_told_at = models.DateTimeField(null=True, blank=True, editable=False)
    escalated_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ScopedManager(
        agency="agency", _manager_class=models.Manager.from_queryset(CaseQuerySet)
    )

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("berkas")
        verbose_name_plural = _("berkas")
        constraints = [
            models.UniqueConstraint(fields=["code"], name="case_unique_code"),
            ONE_CASE_PER_TICKET,
            UNIQUE_REFERENCE,
            models.CheckConstraint(
                condition=Q(nik_last4__regex=r"^[0-9]{4}$"), name="case_nik_last4_digits"
            ),
            models.CheckConstraint(
                condition=Q(status="refused", refusal_reason__gt="") | ~Q(status="refused"),
                name="case_refusal_has_reason",
            ),
        ]
        indexes = [
            # The back office's lists: an agency's open cases by due date.
            models.Index(
                fields=["agency", "due_at"],
                condition=Q(closed_at__isnull=True),
                name="case_open_by_due",
            ),
            models.Index(fields=["agency", "opened_at"], name="case_agency_opened"),
        ]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return f"/lacak/{self.code}/"

    @property
    def is_closed(self) -> bool:
        return self.status in self.CLOSED

    @property
    def is_late(self) -> bool:
        """late_condition for this case (one small query; lists filter by it instead)."""
        if self.due_at is None:
            return False
        values = {name: getattr(self, name) for name in ("due_at", "completed_at", "paused_at")}
        return late_condition(clock.now()).check(values)


class CaseEvent(models.Model):
    """One change of a case, written in the transaction that makes it: the audit trail and
    the citizen's timeline."""

    class Action(models.TextChoices):
        OPENED = "opened", _("Dibuka")
        STATUS = "status", _("Status berubah")
        NOTE = "note", _("Catatan")
        ASSIGNED = "assigned", _("Ditugaskan")
        TRANSFERRED = "transferred", _("Dialihkan ke instansi lain")
        OVERDUE = "overdue", _("Melewati batas waktu")

    class Source(models.TextChoices):
        COUNTER = "counter", _("Loket")
        STAFF = "staff", _("Petugas")
        SYSTEM = "system", _("Sistem instansi")
        PORTAL = "portal", _("Portal")

    # Events the citizen sees on the timeline (notes and assignments are internal).
    PUBLIC = (Action.OPENED, Action.STATUS, Action.TRANSFERRED)

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="case_events", verbose_name=_("instansi")
    )
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="events", verbose_name=_("berkas")
    )
    action = models.CharField(_("aksi"), max_length=16, choices=Action.choices)
    source = models.CharField(_("melalui"), max_length=16, choices=Source.choices)
    from_status = models.CharField(
        _("dari status"), max_length=16, choices=Case.Status.choices, blank=True
    )
    to_status = models.CharField(_("ke status"), max_length=16, choices=Case.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_events",
        verbose_name=_("oleh"),
    )
    note = models.TextField(_("catatan"), blank=True)
    # The sender's own id of this change (an agency system's event id): sent again, it is
    # the same change, recorded once.
    reference = models.CharField(_("referensi"), max_length=80, blank=True)
    due_at = models.DateTimeField(_("batas waktu"), null=True, blank=True)
    at = models.DateTimeField(_("waktu"))

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("riwayat berkas")
        verbose_name_plural = _("riwayat berkas")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "reference"],
                condition=~Q(reference=""),
                name="case_event_unique_reference",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.get_action_display()}"
