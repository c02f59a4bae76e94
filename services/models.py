"""Locations, agencies (tenants), staff memberships, API tokens and services."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


def in_english() -> bool:
    """Whether the visitor chose English (the language link)."""
    return (get_language() or "").startswith("en")


def localized(indonesian: str, english: str) -> str:
    """The text for this visitor: the English one when they chose English and it is
    given, the Indonesian one otherwise."""
    return english if in_english() and english else indonesian


class Localized:
    """A text the agency may also give in English, in the field `<name>_en`."""

    def __init__(self, field: str):
        self.field = field

    def __get__(self, instance, owner):
        if instance is None:
            return self
        return localized(getattr(instance, self.field), getattr(instance, f"{self.field}_en"))


class Location(models.Model):
    """A building of the mall where agencies serve."""

    name = models.CharField(_("nama"), max_length=120)
    slug = models.SlugField(_("slug"), unique=True)
    address = models.CharField(_("alamat"), max_length=255)
    opening_hours = models.CharField(
        _("jam buka"), max_length=255, blank=True, help_text=_("Mis. Senin–Jumat 08.00–15.00")
    )
    opening_hours_en = models.CharField(
        _("jam buka (Inggris)"), max_length=255, blank=True, help_text=_("Mis. Mon–Fri 8am–3pm")
    )
    map_url = models.URLField(_("tautan peta"), blank=True)
    is_active = models.BooleanField(
        _("aktif"), default=True, help_text=_("Lokasi yang belum beroperasi tidak aktif.")
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    localized_opening_hours = Localized("opening_hours")

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("lokasi")
        verbose_name_plural = _("lokasi")

    def __str__(self) -> str:
        return self.name


class Facility(models.Model):
    """A facility of a location, and the special services for visitors who need them
    (UU 25/2009 pasal 29; the Ombudsman's compliance assessment asks for each)."""

    class Kind(models.TextChoices):
        PRIORITY_SEATING = "kursi_prioritas", _("Kursi dan loket prioritas")
        LACTATION_ROOM = "ruang_laktasi", _("Ruang laktasi")
        WHEELCHAIR = "kursi_roda", _("Akses dan kursi roda")
        SIGN_LANGUAGE = "bahasa_isyarat", _("Pendamping bahasa isyarat")
        ACCESSIBLE_TOILET = "toilet_disabilitas", _("Toilet ramah disabilitas")
        CHILDREN = "ruang_anak", _("Ruang bermain anak")
        PRAYER_ROOM = "musala", _("Musala")
        PARKING = "parkir", _("Tempat parkir")
        WIFI = "wifi", _("Wi-Fi gratis")
        HELP_DESK = "informasi", _("Meja informasi")
        OTHER = "lainnya", _("Fasilitas lain")

    # For visitors who are elderly, disabled, pregnant or nursing, or with children.
    SPECIAL = frozenset(
        {
            Kind.PRIORITY_SEATING,
            Kind.LACTATION_ROOM,
            Kind.WHEELCHAIR,
            Kind.SIGN_LANGUAGE,
            Kind.ACCESSIBLE_TOILET,
            Kind.CHILDREN,
        }
    )

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="facilities", verbose_name=_("lokasi")
    )
    kind = models.CharField(_("jenis"), max_length=24, choices=Kind.choices)
    description = models.CharField(
        _("keterangan"), max_length=255, blank=True, help_text=_("Mis. letak dan cara memakainya.")
    )
    description_en = models.CharField(_("keterangan (Inggris)"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    localized_description = Localized("description")

    class Meta:
        ordering = ["location", "order", "kind"]
        verbose_name = _("fasilitas")
        verbose_name_plural = _("fasilitas")
        constraints = [
            models.UniqueConstraint(
                fields=["location", "kind"],
                condition=~models.Q(kind="lainnya"),
                name="facility_one_per_kind",
                violation_error_message=_("Jenis fasilitas ini sudah ada di lokasi ini."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.location}"

    @property
    def is_special(self) -> bool:
        return self.kind in self.SPECIAL


LAPOR_URL = "https://www.lapor.go.id/"


class MallProfile(models.Model):
    """The MPP's own statements and contacts, one row, edited by the mall admins: what
    the Ombudsman's compliance assessment looks for on its pages."""

    # One row: its key is always 1.
    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    name = models.CharField(
        _("nama"), max_length=200, default="Mal Pelayanan Publik Kabupaten Kutai Timur"
    )
    motto = models.CharField(_("motto"), max_length=200, blank=True)
    motto_en = models.CharField(_("motto (Inggris)"), max_length=200, blank=True)
    vision = models.TextField(_("visi"), blank=True)
    vision_en = models.TextField(_("visi (Inggris)"), blank=True)
    mission = models.TextField(_("misi"), blank=True, help_text=_("Satu misi per baris."))
    mission_en = models.TextField(_("misi (Inggris)"), blank=True)
    maklumat = models.TextField(
        _("maklumat pelayanan"),
        blank=True,
        help_text=_("Janji penyelenggara kepada masyarakat; satu paragraf per baris."),
    )
    maklumat_en = models.TextField(_("maklumat pelayanan (Inggris)"), blank=True)
    maklumat_signatory = models.CharField(_("penanda tangan maklumat"), max_length=200, blank=True)
    complaint_phone = models.CharField(_("telepon pengaduan"), max_length=40, blank=True)
    complaint_whatsapp = models.CharField(_("WhatsApp pengaduan"), max_length=40, blank=True)
    complaint_email = models.EmailField(_("e-mail pengaduan"), blank=True)
    lapor_url = models.URLField(
        _("tautan SP4N-LAPOR!"),
        default=LAPOR_URL,
        help_text=_("Kanal pengaduan nasional (SP4N-LAPOR!)."),
    )

    localized_motto = Localized("motto")
    localized_vision = Localized("vision")
    localized_mission = Localized("mission")
    localized_maklumat = Localized("maklumat")

    class Meta:
        verbose_name = _("profil MPP")
        verbose_name_plural = _("profil MPP")
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="mall_profile_one_row")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def missions(self) -> list[str]:
        return [line.strip() for line in self.localized_mission.splitlines() if line.strip()]

    @property
    def maklumat_paragraphs(self) -> list[str]:
        return [line.strip() for line in self.localized_maklumat.splitlines() if line.strip()]


class Agency(models.Model):
    """An agency (instansi) with counters at the mall: the tenant."""

    name = models.CharField(_("nama"), max_length=200)
    short_name = models.CharField(_("nama singkat"), max_length=40)
    slug = models.SlugField(_("slug"), unique=True)
    logo = models.ImageField(_("logo"), upload_to="agency-logos/", blank=True)
    description = models.TextField(_("deskripsi"), blank=True)
    phone = models.CharField(_("telepon"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("situs web"), blank=True)
    locations = models.ManyToManyField(
        Location, related_name="agencies", blank=True, verbose_name=_("lokasi layanan")
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")

    def __str__(self) -> str:
        return self.short_name or self.name


class Membership(models.Model):
    """A user's role in one agency."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Admin instansi")
        OPERATOR = "operator", _("Petugas loket")

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("instansi")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="agency_memberships",
        verbose_name=_("pengguna"),
    )
    role = models.CharField(_("peran"), max_length=16, choices=Role.choices)

    objects = ScopedManager(agency="agency")

    class Meta:
        verbose_name = _("staf instansi")
        verbose_name_plural = _("staf instansi")
        constraints = [
            models.UniqueConstraint(fields=["agency", "user"], name="membership_unique_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.agency} ({self.get_role_display()})"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for a staff user or a kiosk; only its SHA-256 hash is stored."""

    name = models.CharField(_("nama"), max_length=120)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("awalan"), max_length=8, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="api_tokens",
        verbose_name=_("pengguna"),
    )
    kiosk_location = models.ForeignKey(
        Location,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="kiosk_tokens",
        verbose_name=_("lokasi kios"),
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False, kiosk_location__isnull=True)
                | models.Q(user__isnull=True, kiosk_location__isnull=False),
                name="api_token_user_xor_kiosk",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def generate() -> str:
        return "mpp_" + secrets.token_urlsafe(32)


class ProcessingUnit(models.TextChoices):
    """The unit of a service's published processing time, so that a case's due date can be
    measured against it; blank when the promise cannot be measured (a bank's assessment)."""

    UNSPECIFIED = "", _("tidak ditentukan")
    SAME_DAY = "same_day", _("Selesai pada hari yang sama")
    HOURS = "hours", _("jam")
    DAYS = "days", _("hari kalender")
    WORKING_DAYS = "working_days", _("hari kerja")


# The units a promise is counted in ("5 hari kerja"): only these carry an amount.
COUNTED_UNITS = (ProcessingUnit.HOURS, ProcessingUnit.DAYS, ProcessingUnit.WORKING_DAYS)


class Service(models.Model):
    """A service an agency delivers, with its service-delivery standard (PermenPAN-RB
    15/2014)."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="services", verbose_name=_("instansi")
    )
    slug = models.SlugField(_("slug"))
    name = models.CharField(_("nama layanan"), max_length=200)
    summary = models.CharField(_("deskripsi singkat"), max_length=300, blank=True)
    description = models.TextField(_("keterangan"), blank=True)
    category = models.CharField(_("kategori"), max_length=80, blank=True)
    name_en = models.CharField(
        _("nama layanan (bahasa Inggris)"),
        max_length=200,
        blank=True,
        help_text=_(
            "Teks bahasa Inggris boleh dikosongkan; pengunjung yang memilih bahasa Inggris "
            "melihat teks bahasa Indonesia di tempat yang kosong."
        ),
    )
    summary_en = models.CharField(
        _("deskripsi singkat (bahasa Inggris)"), max_length=300, blank=True
    )
    description_en = models.TextField(_("keterangan (bahasa Inggris)"), blank=True)
    category_en = models.CharField(_("kategori (bahasa Inggris)"), max_length=80, blank=True)
    keywords = models.CharField(
        _("nama lain / kata kunci"),
        max_length=300,
        blank=True,
        help_text=_("Sebutan sehari-hari warga, mis. e-KTP, KTP elektronik."),
    )
    locations = models.ManyToManyField(
        Location, related_name="services", blank=True, verbose_name=_("lokasi layanan")
    )
    processing_time = models.CharField(
        _("jangka waktu penyelesaian"),
        max_length=200,
        default="",
        help_text=_("Mis. 1 hari kerja."),
    )
    processing_time_en = models.CharField(
        _("jangka waktu penyelesaian (bahasa Inggris)"), max_length=200, blank=True
    )
    processing_unit = models.CharField(
        _("satuan jangka waktu"),
        max_length=16,
        choices=ProcessingUnit.choices,
        blank=True,
        default=ProcessingUnit.UNSPECIFIED,
        help_text=_(
            "Dipakai untuk menghitung batas waktu penyelesaian berkas warga. Pilih "
            "“tidak ditentukan” bila jangka waktunya tidak dapat diukur."
        ),
    )
    processing_amount = models.PositiveSmallIntegerField(
        _("jumlah satuan jangka waktu"),
        null=True,
        blank=True,
        help_text=_(
            "Mis. 5 untuk 5 hari kerja. Kosongkan bila selesai pada hari yang sama atau "
            "tidak ditentukan."
        ),
    )
    fee = models.PositiveIntegerField(
        _("biaya/tarif (Rp)"),
        null=True,
        blank=True,
        help_text=_("0 berarti gratis. Kosongkan bila tarif bervariasi dan isi rumusnya."),
    )
    fee_note = models.TextField(
        _("rumus atau keterangan tarif"),
        blank=True,
        help_text=_("Mis. rumus PKB, atau rincian biaya per jenis."),
    )
    product = models.CharField(_("produk pelayanan"), max_length=300, default="")
    product_en = models.CharField(
        _("produk pelayanan (bahasa Inggris)"), max_length=300, blank=True
    )
    complaint_channels = models.TextField(
        _("penanganan pengaduan, saran dan masukan"),
        blank=True,
        help_text=_("Satu saluran per baris."),
    )
    online_url = models.URLField(_("tautan layanan daring"), blank=True)
    online_name = models.CharField(
        _("nama layanan daring"), max_length=80, blank=True, help_text=_("Mis. OSS RBA.")
    )
    facilities = models.TextField(_("sarana, prasarana dan/atau fasilitas"), blank=True)
    staff_competence = models.TextField(_("kompetensi pelaksana"), blank=True)
    internal_supervision = models.TextField(_("pengawasan internal"), blank=True)
    staff_count = models.CharField(_("jumlah pelaksana"), max_length=120, blank=True)
    service_guarantee = models.TextField(_("jaminan pelayanan"), blank=True)
    safety_guarantee = models.TextField(_("jaminan keamanan dan keselamatan"), blank=True)
    performance_evaluation = models.TextField(_("evaluasi kinerja pelaksana"), blank=True)
    last_reviewed = models.DateField(_("terakhir ditinjau"), null=True, blank=True)
    queue_prefix = models.CharField(
        _("awalan nomor antrian"),
        max_length=3,
        help_text=_("Huruf di depan nomor antrian, mis. A untuk A-001."),
    )
    average_minutes = models.PositiveSmallIntegerField(
        _("rata-rata menit per pengunjung"), default=10
    )
    is_bookable = models.BooleanField(_("bisa reservasi daring"), default=False)
    is_active = models.BooleanField(_("aktif"), default=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    view_count = models.PositiveIntegerField(_("dilihat"), default=0, editable=False)
    # Maintained by services.services.services_reindex from the service and its children.
    search_text = models.TextField(default="", editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ScopedManager(agency="agency")

    # Defined outside the class so that Meta's constraint can name its members; reached as
    # Service.ProcessingUnit like the choices of the other models.
    ProcessingUnit = ProcessingUnit

    localized_name = Localized("name")
    localized_summary = Localized("summary")
    localized_description = Localized("description")
    localized_category = Localized("category")
    localized_processing_time = Localized("processing_time")
    localized_product = Localized("product")

    class Meta:
        ordering = ["agency__order", "order", "name"]
        verbose_name = _("layanan")
        verbose_name_plural = _("layanan")
        constraints = [
            models.UniqueConstraint(fields=["agency", "slug"], name="service_unique_slug"),
            models.CheckConstraint(
                condition=models.Q(queue_prefix__regex=r"^[A-Z]{1,3}$"),
                name="service_queue_prefix_letters",
            ),
            models.CheckConstraint(
                # "not null" too: a check whose condition is NULL passes.
                condition=models.Q(
                    processing_unit__in=COUNTED_UNITS,
                    processing_amount__isnull=False,
                    processing_amount__gte=1,
                )
                | models.Q(
                    processing_unit__in=[ProcessingUnit.UNSPECIFIED, ProcessingUnit.SAME_DAY],
                    processing_amount__isnull=True,
                ),
                name="service_processing_amount_with_unit",
            ),
        ]
        indexes = [GinIndex(fields=["search_vector"], name="service_search_gin")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"/layanan/{self.agency.slug}/{self.slug}/"

    def clean(self) -> None:
        super().clean()
        counted = self.processing_unit in COUNTED_UNITS
        if counted and not self.processing_amount:
            message = _("Isi jumlah %(unit)s, paling sedikit 1.")
        elif not counted and self.processing_amount is not None:
            message = _("Kosongkan jumlahnya: satuan “%(unit)s” tidak memakai jumlah.")
        else:
            return
        raise ValidationError(
            {
                "processing_amount": ValidationError(
                    message,
                    code="processing_amount",
                    params={"unit": self.get_processing_unit_display()},
                )
            }
        )

    @property
    def complaint_channel_list(self) -> list[str]:
        return [line.strip() for line in self.complaint_channels.splitlines() if line.strip()]

    @property
    def reference(self) -> str:
        """The "<agency>/<service>" form used by the queue and booking pages and the API."""
        return f"{self.agency.slug}/{self.slug}"


class ServiceChild(models.Model):
    """An ordered line of a service's standard, scoped through its service's agency."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, verbose_name=_("layanan"))
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    objects = ScopedManager(agency="service__agency")

    class Meta:
        abstract = True
        ordering = ["order", "id"]


class ServiceRequirement(ServiceChild):
    """One item of persyaratan: what the citizen brings."""

    text = models.CharField(_("persyaratan"), max_length=300)
    bring_original = models.BooleanField(_("bawa asli"), default=False)
    copies = models.PositiveSmallIntegerField(
        _("fotokopi (lembar)"), null=True, blank=True, help_text=_("Kosongkan bila tidak perlu.")
    )
    note = models.CharField(_("catatan"), max_length=300, blank=True)
    text_en = models.CharField(_("persyaratan (bahasa Inggris)"), max_length=300, blank=True)
    note_en = models.CharField(_("catatan (bahasa Inggris)"), max_length=300, blank=True)

    localized_text = Localized("text")
    localized_note = Localized("note")

    class Meta(ServiceChild.Meta):
        default_related_name = "requirements"
        verbose_name = _("persyaratan")
        verbose_name_plural = _("persyaratan")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(copies__isnull=True) | models.Q(copies__gte=1),
                name="requirement_copies_positive",
            )
        ]

    def __str__(self) -> str:
        return self.text


class ServiceStep(ServiceChild):
    """One step of sistem, mekanisme dan prosedur."""

    text = models.CharField(_("langkah"), max_length=400)
    text_en = models.CharField(_("langkah (bahasa Inggris)"), max_length=400, blank=True)

    localized_text = Localized("text")

    class Meta(ServiceChild.Meta):
        default_related_name = "steps"
        verbose_name = _("langkah prosedur")
        verbose_name_plural = _("sistem, mekanisme dan prosedur")

    def __str__(self) -> str:
        return self.text


class LegalBasis(ServiceChild):
    """One regulation of dasar hukum."""

    title = models.CharField(_("peraturan"), max_length=400)
    url = models.URLField(_("tautan"), blank=True)

    class Meta(ServiceChild.Meta):
        default_related_name = "legal_bases"
        verbose_name = _("dasar hukum")
        verbose_name_plural = _("dasar hukum")

    def __str__(self) -> str:
        return self.title


class ServicePledge(models.Model):
    """The agency's Maklumat Pelayanan, published on its catalog page."""

    agency = models.OneToOneField(
        Agency, on_delete=models.CASCADE, related_name="pledge", verbose_name=_("instansi")
    )
    text = models.TextField(_("isi maklumat"))
    signed_by = models.CharField(
        _("ditandatangani oleh"), max_length=200, help_text=_("Nama dan jabatan pimpinan.")
    )
    signed_on = models.DateField(_("tanggal"), null=True, blank=True)

    objects = ScopedManager(agency="agency")

    class Meta:
        verbose_name = _("maklumat pelayanan")
        verbose_name_plural = _("maklumat pelayanan")

    def __str__(self) -> str:
        return str(self.agency)


class SearchSynonym(models.Model):
    """A citizen's everyday word and the words the catalog uses for it (mall-wide)."""

    term = models.CharField(
        _("kata warga"), max_length=80, unique=True, help_text=_("Mis. akte, e-ktp, imb.")
    )
    expansion = models.CharField(
        _("dicari sebagai"), max_length=200, help_text=_("Mis. akta, ktp-el, pbg.")
    )

    class Meta:
        ordering = ["term"]
        verbose_name = _("sinonim pencarian")
        verbose_name_plural = _("sinonim pencarian")

    def __str__(self) -> str:
        return f"{self.term} → {self.expansion}"


class SearchWord(models.Model):
    """A word of the catalog's texts with its trigrams: the vocabulary for typo correction.
    Derived data, rebuilt by services.services.search_vocabulary_rebuild."""

    word = models.CharField(max_length=60, unique=True)
    trigrams = ArrayField(models.CharField(max_length=3))
    document_count = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            # The words that start with a word of the query (LIKE 'word%').
            models.Index(
                fields=["word"], name="searchword_prefix", opclasses=["varchar_pattern_ops"]
            )
        ]

    def __str__(self) -> str:
        return self.word


class SearchWordForm(models.Model):
    """A vocabulary word with some of its letters left out (services.search.deletions): a
    typo shares one of these with every word within its reach, so that the index on `form`
    finds those words. Derived data, rebuilt with the vocabulary."""

    # Its key is its index: the forms a typo shares, and the words that have them.
    pk = models.CompositePrimaryKey("form", "word")
    form = models.CharField(max_length=60)
    word = models.ForeignKey(
        SearchWord, on_delete=models.CASCADE, related_name="forms", db_index=False
    )

    def __str__(self) -> str:
        return self.form
