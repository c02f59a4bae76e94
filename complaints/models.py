"""Complaints: categories with the mall's resolution targets, the complaint with its stage
and deadlines, and its history (public replies and internal notes apart)."""

import hashlib
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_scopes import ScopedManager

from common import clock
from common.codes import unambiguous_code
from services.models import Agency, Location, Service

CODE_LENGTH = 10
# Perpres 76/2013: a complaint is resolved within 60 (working) days at most.
RESOLUTION_CEILING_DAYS = 60
# What a citizen may attach to one complaint.
MAX_PHOTOS = 3


def new_complaint_code() -> str:
    return unambiguous_code(CODE_LENGTH)


def new_secret() -> str:
    """What the citizen keeps besides the code: only its hash is stored."""
    return unambiguous_code(12)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.strip().upper().encode()).hexdigest()


class ComplaintCategory(models.Model):
    """What a complaint is about, with the resolution target the mall sets for it."""

    name = models.CharField(_("nama"), max_length=120)
    slug = models.SlugField(_("slug"), unique=True)
    description = models.CharField(_("keterangan"), max_length=300, blank=True)
    resolution_days = models.PositiveSmallIntegerField(
        _("target penyelesaian (hari kerja)"),
        default=RESOLUTION_CEILING_DAYS,
        help_text=_("Paling lama 60 hari kerja (Perpres 76/2013)."),
    )
    # Pungli and staff misconduct: handled by the mall's officers, never by the agency's own
    # staff, who may be the ones complained about.
    officers_only = models.BooleanField(
        _("hanya petugas pengaduan MPP"),
        default=False,
        help_text=_("Pengaduan kategori ini tidak pernah diteruskan ke staf instansi."),
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("kategori pengaduan")
        verbose_name_plural = _("kategori pengaduan")
        constraints = [
            models.CheckConstraint(
                condition=Q(resolution_days__gte=1, resolution_days__lte=RESOLUTION_CEILING_DAYS),
                name="complaint_category_resolution_within_ceiling",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Complaint(models.Model):
    """One complaint, from its receipt to its answer, in SP4N-LAPOR!'s stages."""

    class Stage(models.TextChoices):
        # In SP4N-LAPOR!'s words; their own context, since "Diterima" and "Selesai" mean
        # something else for a message or a ticket in English.
        RECEIVED = "received", pgettext_lazy("complaint stage", "Diterima")
        VERIFIED = "verified", pgettext_lazy("complaint stage", "Diverifikasi")
        FORWARDED = "forwarded", pgettext_lazy("complaint stage", "Diteruskan ke instansi")
        IN_PROGRESS = "in_progress", pgettext_lazy("complaint stage", "Ditindaklanjuti")
        RESOLVED = "resolved", pgettext_lazy("complaint stage", "Selesai")
        ARCHIVED = "archived", pgettext_lazy("complaint stage", "Diarsipkan")

    class Identity(models.TextChoices):
        ANONYMOUS = "anonymous", _("Anonim: tanpa identitas sama sekali")
        CONFIDENTIAL = "confidential", _("Rahasia: identitas hanya diketahui petugas pengaduan MPP")

    # From each stage, the ones it may go to; complaints.services applies no other.
    TRANSITIONS = {
        Stage.RECEIVED: (Stage.VERIFIED, Stage.ARCHIVED),
        Stage.VERIFIED: (Stage.FORWARDED, Stage.IN_PROGRESS, Stage.ARCHIVED),
        Stage.FORWARDED: (Stage.FORWARDED, Stage.IN_PROGRESS, Stage.RESOLVED),
        Stage.IN_PROGRESS: (Stage.FORWARDED, Stage.RESOLVED),
        Stage.RESOLVED: (Stage.IN_PROGRESS,),
        Stage.ARCHIVED: (),
    }
    # The regulation's stage deadlines in working days: verification from receipt, the
    # agency's first response from forwarding.
    VERIFY_DAYS = 3
    FIRST_RESPONSE_DAYS = 5

    code = models.CharField(
        _("nomor pengaduan"), max_length=16, default=new_complaint_code, editable=False
    )
    secret_hash = models.CharField(max_length=64, editable=False)
    category = models.ForeignKey(
        ComplaintCategory, on_delete=models.PROTECT, verbose_name=_("kategori")
    )
    subject = models.CharField(_("judul"), max_length=150)
    description = models.TextField(_("apa yang terjadi"), max_length=5000)
    happened_on = models.DateField(_("tanggal kejadian"), null=True, blank=True)
    # What it is about (the agency the citizen named, the service, the place), and the
    # agency that owns it (the tenant) once the officers forwarded it there.
    about_agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints_about",
        verbose_name=_("instansi yang diadukan"),
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("instansi penanggung jawab"),
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("layanan"),
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("lokasi"),
    )
    place = models.CharField(_("tempat (loket, ruang)"), max_length=120, blank=True)
    # Where the citizen came from: a ticket or case code, a service page, the hall's poster.
    origin = models.CharField(_("asal"), max_length=120, blank=True)
    identity = models.CharField(_("identitas"), max_length=16, choices=Identity.choices)
    # Confidential only: shown to the mall's complaint officers, never to an agency.
    name = models.CharField(_("nama"), max_length=120, blank=True)
    phone = models.CharField(_("nomor ponsel"), max_length=16, blank=True)
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(_("bahasa"), max_length=5, default="id")
    stage = models.CharField(
        _("tahap"), max_length=16, choices=Stage.choices, default=Stage.RECEIVED
    )
    received_at = models.DateTimeField(_("diterima"), default=clock.now)
    stage_since = models.DateTimeField(_("tahap sejak"), default=clock.now)
    # The current stage's deadline (none for a resolved or archived complaint), and the
    # whole complaint's (the category's target from receipt).
    stage_due_at = models.DateTimeField(_("batas tahap ini"), null=True, blank=True)
    resolution_due_at = models.DateTimeField(_("batas penyelesaian"))
    stage_escalated_at = models.DateTimeField(null=True, blank=True, editable=False)
    first_response_at = models.DateTimeField(_("tanggapan pertama"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("diselesaikan"), null=True, blank=True)
    satisfied = models.BooleanField(_("puas dengan jawaban"), null=True, blank=True)
    reopened = models.BooleanField(_("dibuka kembali"), default=False)
    outside_body = models.CharField(
        _("diteruskan ke lembaga lain"),
        max_length=200,
        blank=True,
        help_text=_("Mis. Ombudsman RI Perwakilan Kalimantan Timur."),
    )
    lapor_number = models.CharField(
        _("nomor SP4N-LAPOR!"),
        max_length=40,
        blank=True,
        help_text=_("Bila pengaduan ini juga dilaporkan di lapor.go.id."),
    )
    publish_as_faq = models.BooleanField(_("terbitkan sebagai tanya-jawab"), default=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_complaints",
        verbose_name=_("petugas"),
    )

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("pengaduan")
        verbose_name_plural = _("pengaduan")
        constraints = [
            models.UniqueConstraint(fields=["code"], name="complaint_unique_code"),
            models.CheckConstraint(
                condition=~Q(identity="anonymous") | Q(name="", phone="", email=""),
                name="complaint_anonymous_has_no_identity",
            ),
        ]
        indexes = [
            models.Index(
                fields=["stage_due_at"],
                condition=Q(stage_escalated_at__isnull=True, stage_due_at__isnull=False),
                name="complaint_due_unescalated",
            ),
            models.Index(fields=["agency", "received_at"], name="complaint_agency_received"),
        ]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return f"/pengaduan/{self.code}/"

    @property
    def is_stage_late(self) -> bool:
        return self.stage_due_at is not None and clock.now() > self.stage_due_at

    @property
    def is_open(self) -> bool:
        return self.stage not in (self.Stage.RESOLVED, self.Stage.ARCHIVED)


class ComplaintEvent(models.Model):
    """One step of a complaint, written in the transaction that makes it."""

    class Action(models.TextChoices):
        RECEIVED = "received", _("Diterima")
        STAGE = "stage", _("Tahap berubah")
        REPLY = "reply", _("Tanggapan")
        NOTE = "note", _("Catatan internal")
        CITIZEN = "citizen", _("Tambahan dari pelapor")
        RATED = "rated", _("Penilaian pelapor")
        ESCALATED = "escalated", _("Melewati batas waktu tahap")
        # A complaint officer read a confidential complainant's identity (UU 27/2022:
        # each access to personal data is recorded).
        IDENTITY = "identity", _("Identitas pelapor dibuka")

    # What the citizen's timeline shows; internal notes and escalations stay with the staff.
    PUBLIC = (Action.RECEIVED, Action.STAGE, Action.REPLY, Action.CITIZEN, Action.RATED)
    # What the agency's staff read besides: their own notes and escalations, written while
    # the complaint was theirs (the officers' earlier notes may name the complainant).
    AGENCY_INTERNAL = (Action.NOTE, Action.ESCALATED)

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="events", verbose_name=_("pengaduan")
    )
    # The agency that owned the complaint at this step (none while with the mall's officers).
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaint_events",
        verbose_name=_("instansi"),
    )
    action = models.CharField(_("aksi"), max_length=16, choices=Action.choices)
    from_stage = models.CharField(
        _("dari tahap"), max_length=16, choices=Complaint.Stage.choices, blank=True
    )
    to_stage = models.CharField(_("ke tahap"), max_length=16, choices=Complaint.Stage.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="complaint_events",
        verbose_name=_("oleh"),
    )
    text = models.TextField(_("isi"), blank=True)
    at = models.DateTimeField(_("waktu"))

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("riwayat pengaduan")
        verbose_name_plural = _("riwayat pengaduan")

    def __str__(self) -> str:
        return f"{self.complaint} {self.get_action_display()}"


# The folder of complaint photos under MEDIA_ROOT. A photo may show a person or a document:
# only complaints.staff_views serves it, to those who may read the complaint; the public
# media paths refuse this folder (mpp.views.media_file here, deploy/nginx/mpp.conf in
# production, which repeats it).
PHOTO_FOLDER = "pengaduan/"


def photo_path(instance, filename: str) -> str:
    # A random name: nothing of the complaint (its code, the citizen's file name) in it.
    return f"{PHOTO_FOLDER}{uuid.uuid4().hex}.jpg"


class ComplaintPhoto(models.Model):
    """A photo the citizen attached, re-encoded at intake (common.images): upright, no
    metadata (no camera position, no device), at most 1600 pixels a side."""

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="photos", verbose_name=_("pengaduan")
    )
    image = models.ImageField(_("foto"), upload_to=photo_path)
    width = models.PositiveIntegerField(_("lebar"), editable=False)
    height = models.PositiveIntegerField(_("tinggi"), editable=False)

    class Meta:
        ordering = ["id"]
        verbose_name = _("foto pengaduan")
        verbose_name_plural = _("foto pengaduan")

    def __str__(self) -> str:
        return f"{self.complaint} {self.image.name}"
