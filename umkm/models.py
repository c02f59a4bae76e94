"""Data of the UMKM showcase: businesses and products, booths and who holds them when."""

import uuid
from urllib.parse import quote

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import BigIntegerRangeField, RangeOperators
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

WHATSAPP_PATTERN = r"^\+628[0-9]{7,11}$"
# Line breaks (of every kind) and other control characters: a business name is shown on one
# line and goes into e-mail subjects and WhatsApp messages.
validate_one_line = RegexValidator(
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029]",
    inverse_match=True,
    message=_("Tulis dalam satu baris, tanpa baris baru atau karakter kontrol."),
    code="one_line",
)


class Kecamatan(models.TextChoices):
    """The 18 kecamatan of Kabupaten Kutai Timur."""

    MUARA_ANCALONG = "muara-ancalong", "Muara Ancalong"
    MUARA_WAHAU = "muara-wahau", "Muara Wahau"
    MUARA_BENGKAL = "muara-bengkal", "Muara Bengkal"
    SANGATTA_UTARA = "sangatta-utara", "Sangatta Utara"
    SANGKULIRANG = "sangkulirang", "Sangkulirang"
    BUSANG = "busang", "Busang"
    TELEN = "telen", "Telen"
    KOMBENG = "kombeng", "Kombeng"
    BENGALON = "bengalon", "Bengalon"
    KALIORANG = "kaliorang", "Kaliorang"
    SANDARAN = "sandaran", "Sandaran"
    SANGATTA_SELATAN = "sangatta-selatan", "Sangatta Selatan"
    TELUK_PANDAN = "teluk-pandan", "Teluk Pandan"
    RANTAU_PULUNG = "rantau-pulung", "Rantau Pulung"
    KAUBUN = "kaubun", "Kaubun"
    KARANGAN = "karangan", "Karangan"
    BATU_AMPAR = "batu-ampar", "Batu Ampar"
    LONG_MESANGAT = "long-mesangat", "Long Mesangat"


class Category(models.TextChoices):
    """Kinds of goods, for businesses and their products alike."""

    CAMILAN = "camilan", _("Camilan dan kue")
    MINUMAN = "minuman", _("Kopi dan minuman")
    HASIL_HUTAN = "hasil-hutan", _("Madu dan hasil hutan")
    PANGAN = "pangan", _("Gula, bumbu dan bahan pangan")
    PERIKANAN = "perikanan", _("Olahan ikan dan udang")
    KERAJINAN = "kerajinan", _("Kerajinan rotan, manik dan kayu")
    KAIN = "kain", _("Batik, tenun dan busana")


def choice_label(choices: type[models.Choices], value: str) -> str:
    """The label of a stored choice, or the value itself when it is none of them, as
    Django's get_FOO_display answers; Django's rebuilds a dict of every (translated) label on
    each call, and a showcase page shows dozens of these."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


class BusinessQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status=Business.Status.APPROVED)

    def owned_by(self, user):
        """The one rule of the owner portal: an owner reaches only their own business."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)


class Business(models.Model):
    """A UMKM that registered itself; public only once a mall admin approved it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu persetujuan")
        APPROVED = "approved", _("Disetujui")
        SUSPENDED = "suspended", _("Ditangguhkan")

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="umkm_business",
        verbose_name=_("pemilik"),
    )
    name = models.CharField(_("nama usaha"), max_length=120, validators=[validate_one_line])
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    description = models.TextField(_("deskripsi"), blank=True)
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices)
    kecamatan = models.CharField(_("kecamatan"), max_length=20, choices=Kecamatan.choices)
    address = models.CharField(_("alamat"), max_length=255)
    whatsapp = models.CharField(
        _("nomor WhatsApp"), max_length=16, help_text=_("Disimpan dalam format +62…")
    )
    instagram_url = models.URLField(_("Instagram"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    marketplace_url = models.URLField(_("toko daring (marketplace)"), blank=True)
    nib = models.CharField(_("NIB"), max_length=13, blank=True)
    halal_certificate = models.CharField(_("nomor sertifikat halal"), max_length=40, blank=True)
    is_dekranasda_member = models.BooleanField(_("anggota Dekranasda"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    moderation_note = models.TextField(_("catatan moderator"), blank=True)
    moderated_at = models.DateTimeField(_("dimoderasi pada"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dimoderasi oleh"),
    )
    created_at = models.DateTimeField(_("terdaftar"), auto_now_add=True)

    objects = BusinessQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("UMKM")
        verbose_name_plural = _("UMKM")
        constraints = [
            models.CheckConstraint(
                condition=Q(whatsapp__regex=WHATSAPP_PATTERN), name="business_whatsapp_format"
            ),
            models.CheckConstraint(
                condition=Q(nib="") | Q(nib__regex=r"^[0-9]{13}$"), name="business_nib_digits"
            ),
        ]
        indexes = [models.Index(fields=["status", "kecamatan"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("umkm:business", args=[self.slug])

    def get_category_display(self) -> str:
        return choice_label(Category, self.category)

    def get_kecamatan_display(self) -> str:
        return choice_label(Kecamatan, self.kecamatan)

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.APPROVED

    def whatsapp_url(self, product: "Product | None" = None) -> str:
        if product is None:
            message = _(
                "Halo %(business)s, saya melihat usaha Anda di etalase UMKM MPP Kutai Timur."
            )
        else:
            message = _(
                "Halo %(business)s, saya tertarik dengan %(product)s yang ada di etalase UMKM "
                "MPP Kutai Timur. Apakah masih tersedia?"
            )
        text = message % {"business": self.name, "product": product.name if product else ""}
        return f"https://wa.me/{self.whatsapp.lstrip('+')}?text={quote(str(text))}"


class PendingBusiness(Business):
    """The moderation queue of the mall admin: businesses waiting for approval."""

    class Meta:
        proxy = True
        verbose_name = _("UMKM menunggu persetujuan")
        verbose_name_plural = _("antrian moderasi UMKM")


class BusinessChange(models.Model):
    """An approved business's edit of what visitors trust (its name, description, contacts,
    links and claims), kept here until a mall admin approves it; the public meanwhile sees
    the approved version."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu peninjauan")
        APPROVED = "approved", _("Disetujui")
        REJECTED = "rejected", _("Ditolak")

    business = models.ForeignKey(
        Business,
        on_delete=models.CASCADE,
        related_name="change_requests",
        verbose_name=_("UMKM"),
    )
    proposed = models.JSONField(_("perubahan yang diajukan"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    submitted_at = models.DateTimeField(_("diajukan"))
    decided_at = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diputuskan oleh"),
    )
    note = models.TextField(_("catatan pengelola"), blank=True)

    class Meta:
        ordering = ["submitted_at", "id"]
        verbose_name = _("perubahan profil UMKM")
        verbose_name_plural = _("perubahan profil UMKM")
        constraints = [
            # An owner's later edits join the change that is waiting, never a second one.
            models.UniqueConstraint(
                fields=["business"],
                condition=Q(status="pending"),
                name="business_one_pending_change",
            )
        ]

    def __str__(self) -> str:
        return _("Perubahan profil %(business)s") % {"business": self.business}

    def rows(self) -> list[tuple[str, object, object]]:
        """(label, approved value, proposed value) of each changed field."""
        return [
            (
                Business._meta.get_field(name).verbose_name,
                getattr(self.business, name),
                value,
            )
            for name, value in self.proposed.items()
        ]


class ProductQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_available=True, business__status=Business.Status.APPROVED)

    def owned_by(self, user):
        """The owner portal's one rule, Business.objects.owned_by, applied to applications."""
        return self.filter(business__in=Business.objects.owned_by(user))


# The dearest thing a micro business lists (a boat, a carved door); above it is a typo.
MAX_PRICE = 100_000_000


class Product(models.Model):
    """Something a business sells, priced in whole Rupiah."""

    business = models.ForeignKey(
        Business, on_delete=models.CASCADE, related_name="products", verbose_name=_("UMKM")
    )
    name = models.CharField(_("nama produk"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140)
    description = models.TextField(_("deskripsi"), blank=True)
    price = models.PositiveIntegerField(_("harga (Rp)"))
    unit = models.CharField(_("satuan"), max_length=40, help_text=_("Mis. bungkus 250 g"))
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices)
    is_available = models.BooleanField(_("tersedia"), default=True)
    is_featured = models.BooleanField(_("unggulan"), default=False)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ["-is_featured", "name", "id"]
        verbose_name = _("produk")
        verbose_name_plural = _("produk")
        constraints = [
            models.UniqueConstraint(fields=["business", "slug"], name="product_unique_slug"),
            models.CheckConstraint(condition=Q(price__gte=1), name="product_price_positive"),
        ]
        indexes = [
            models.Index(fields=["category", "price"]),
            # The showcase lists available products in this order: a page is read off the
            # index (of all products, or of one category) and the scan stops after it,
            # instead of sorting tens of thousands of rows for 24.
            models.Index(
                fields=["-is_featured", "name", "id"],
                condition=Q(is_available=True),
                name="product_available_order",
            ),
            models.Index(
                fields=["category", "-is_featured", "name", "id"],
                condition=Q(is_available=True),
                name="product_available_cat_order",
            ),
            # From the businesses of a kecamatan to their products, and the count of a
            # filtered showcase answered from the index alone.
            models.Index(
                fields=["business", "category", "price"],
                condition=Q(is_available=True),
                name="product_available_business",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return product_url(self.business.slug, self.slug)

    def get_category_display(self) -> str:
        return choice_label(Category, self.category)

    def whatsapp_url(self) -> str:
        return self.business.whatsapp_url(self)


def product_url(business_slug: str, product_slug: str) -> str:
    return reverse("umkm:product", args=[business_slug, product_slug])


def photo_path(instance, filename: str) -> str:
    return f"umkm/produk/{uuid.uuid4().hex}.jpg"


def thumbnail_path(instance, filename: str) -> str:
    return f"umkm/produk/thumb/{uuid.uuid4().hex}.webp"


class ProductPhoto(models.Model):
    """A re-encoded photo and its thumbnail, both made once at upload time."""

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="photos", verbose_name=_("produk")
    )
    image = models.ImageField(_("foto"), upload_to=photo_path)
    thumbnail = models.ImageField(_("gambar kecil"), upload_to=thumbnail_path)
    width = models.PositiveIntegerField(_("lebar"), editable=False)
    height = models.PositiveIntegerField(_("tinggi"), editable=False)
    alt_text = models.CharField(_("keterangan gambar"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("foto produk")
        verbose_name_plural = _("foto produk")

    def __str__(self) -> str:
        return self.alt_text or self.product.name


class Booth(models.Model):
    """A place where one business sells at a location of the mall, placed on its plan."""

    location = models.ForeignKey(
        "services.Location",
        on_delete=models.PROTECT,
        related_name="umkm_booths",
        verbose_name=_("lokasi"),
    )
    code = models.CharField(_("kode stan"), max_length=10, help_text=_("Mis. A-01"))
    area = models.CharField(_("area"), max_length=60, help_text=_("Mis. Area UMKM, Aula"))
    # The plan is a grid per location: row 1 is nearest the entrance.
    row = models.PositiveSmallIntegerField(_("baris pada denah"))
    column = models.PositiveSmallIntegerField(_("kolom pada denah"))
    width_m = models.DecimalField(_("lebar (m)"), max_digits=3, decimal_places=1)
    depth_m = models.DecimalField(_("kedalaman (m)"), max_digits=3, decimal_places=1)
    has_power = models.BooleanField(_("ada listrik"), default=False)
    has_table = models.BooleanField(_("ada meja"), default=True)
    is_active = models.BooleanField(_("dapat dipakai"), default=True)

    class Meta:
        ordering = ["location", "row", "column"]
        verbose_name = _("stan UMKM")
        verbose_name_plural = _("stan UMKM")
        constraints = [
            models.UniqueConstraint(fields=["location", "code"], name="booth_unique_code"),
            models.UniqueConstraint(
                fields=["location", "row", "column"], name="booth_unique_plan_cell"
            ),
            models.CheckConstraint(
                condition=Q(row__gte=1, column__gte=1, row__lte=20, column__lte=20),
                name="booth_on_the_plan",
            ),
        ]

    def __str__(self) -> str:
        return _("Stan %(code)s") % {"code": self.code}

    @property
    def facilities(self) -> str:
        parts = [f"{self.width_m:g} × {self.depth_m:g} m"]
        if self.has_power:
            parts.append(str(_("listrik")))
        if self.has_table:
            parts.append(str(_("meja")))
        return ", ".join(parts)


class BoothPeriod(models.Model):
    """A time for which booths are given out: a rotation of the UMKM area or an event (a
    bazaar, an expo, a Dekranasda week), with its application window and offered booths."""

    class Kind(models.TextChoices):
        ROTATION = "rotasi", _("Rotasi stan UMKM")
        BAZAAR = "bazar", _("Bazar")
        EXPO = "ekspo", _("Ekspo")
        DEKRANASDA = "dekranasda", _("Pekan Dekranasda")

    location = models.ForeignKey(
        "services.Location",
        on_delete=models.PROTECT,
        related_name="umkm_booth_periods",
        verbose_name=_("lokasi"),
    )
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("nama"), max_length=120, validators=[validate_one_line])
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    description = models.TextField(_("keterangan"), blank=True)
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("selesai"))
    applications_open_on = models.DateField(_("pendaftaran dibuka"))
    applications_close_on = models.DateField(_("pendaftaran ditutup"))
    dekranasda_quota = models.PositiveSmallIntegerField(
        _("kuota Dekranasda"),
        default=0,
        help_text=_("Jumlah stan yang lebih dulu diberikan kepada anggota Dekranasda."),
    )
    booths = models.ManyToManyField(
        Booth, related_name="periods", verbose_name=_("stan yang ditawarkan")
    )

    class Meta:
        ordering = ["starts_on", "name"]
        verbose_name = _("periode stan / acara")
        verbose_name_plural = _("periode stan / acara")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="booth_period_dates"
            ),
            models.CheckConstraint(
                condition=Q(applications_close_on__gte=models.F("applications_open_on"))
                & Q(applications_close_on__lt=models.F("starts_on")),
                name="booth_period_window_before_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_event(self) -> bool:
        return self.kind != self.Kind.ROTATION

    def accepts_applications_on(self, day) -> bool:
        return self.applications_open_on <= day <= self.applications_close_on


# Days are counted from here in the booth-and-dates key below.
DAY_ZERO = "2000-01-01"
# More days than any date holds after DAY_ZERO (year 9999 is about 2.9 million days).
DAYS_PER_BOOTH = 10_000_000


class BoothDays(models.Func):
    """The days a booth is held, as one bigint range: booth × DAYS_PER_BOOTH + day number.

    Two rows overlap exactly when they hold the same booth on a common day. PostgreSQL's own
    GiST operator class for ranges enforces that as an exclusion constraint; the usual
    form, (booth WITH =, daterange WITH &&), needs the btree_gist extension, which the
    embedded PostgreSQL we run on does not ship."""

    output_field = BigIntegerRangeField()

    def __init__(self):
        super().__init__(models.F("booth"), models.F("starts_on"), models.F("ends_on"))

    def as_sql(self, compiler, connection, **extra_context):
        (booth, booth_params), (start, start_params), (end, end_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        first = f"{booth} * {DAYS_PER_BOOTH} + ({start} - DATE '{DAY_ZERO}')"
        last = f"{booth} * {DAYS_PER_BOOTH} + ({end} - DATE '{DAY_ZERO}') + 1"
        params = (*booth_params, *start_params, *booth_params, *end_params)
        return f"int8range({first}, {last})", params


class BoothApplicationQuerySet(models.QuerySet):
    def allocated(self):
        return self.filter(status=BoothApplication.Status.ALLOCATED)

    def owned_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(business__owner=user)


class BoothApplication(models.Model):
    """A business's request for a booth in one period, its booths in order of preference
    (BoothChoice) and the mall admin's decision, with a note the owner reads. Once
    allocated it holds its booth for the period's dates, which are copied here so that the
    database itself refuses a booth given twice on a common day."""

    class Status(models.TextChoices):
        PENDING = "menunggu", _("Menunggu keputusan")
        ALLOCATED = "dialokasikan", _("Mendapat stan")
        DECLINED = "ditolak", _("Tidak mendapat stan")

    period = models.ForeignKey(
        BoothPeriod,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("periode / acara"),
    )
    business = models.ForeignKey(
        Business,
        on_delete=models.CASCADE,
        related_name="booth_applications",
        verbose_name=_("UMKM"),
    )
    products = models.TextField(_("produk yang dibawa"))
    submitted_at = models.DateTimeField(_("didaftarkan"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    booth = models.ForeignKey(
        Booth,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allocations",
        verbose_name=_("stan yang diberikan"),
    )
    starts_on = models.DateField(_("mulai"), null=True, blank=True)
    ends_on = models.DateField(_("selesai"), null=True, blank=True)
    note = models.TextField(_("catatan untuk pemilik"), blank=True)
    decided_at = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diputuskan oleh"),
    )

    objects = BoothApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["submitted_at", "id"]
        verbose_name = _("pendaftaran stan")
        verbose_name_plural = _("pendaftaran stan")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "business"], name="booth_application_once_per_period"
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        status="dialokasikan",
                        booth__isnull=False,
                        starts_on__isnull=False,
                        ends_on__gte=models.F("starts_on"),
                    )
                    | (
                        ~Q(status="dialokasikan")
                        & Q(booth__isnull=True, starts_on__isnull=True, ends_on__isnull=True)
                    )
                ),
                name="booth_application_allocation_complete",
            ),
            ExclusionConstraint(
                name="booth_never_given_twice",
                expressions=[(BoothDays(), RangeOperators.OVERLAPS)],
                condition=Q(status="dialokasikan"),
            ),
        ]
        indexes = [models.Index(fields=["business", "status", "starts_on"])]

    def __str__(self) -> str:
        return _("%(business)s — %(period)s") % {
            "business": self.business,
            "period": self.period,
        }


class BoothChoice(models.Model):
    """One booth an application asks for; rank 1 is the first wish."""

    application = models.ForeignKey(
        BoothApplication, on_delete=models.CASCADE, related_name="choices"
    )
    booth = models.ForeignKey(Booth, on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveSmallIntegerField(_("urutan pilihan"))

    class Meta:
        ordering = ["rank"]
        verbose_name = _("pilihan stan")
        verbose_name_plural = _("pilihan stan")
        constraints = [
            models.UniqueConstraint(fields=["application", "rank"], name="booth_choice_rank"),
            models.UniqueConstraint(fields=["application", "booth"], name="booth_choice_once"),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.booth}"
