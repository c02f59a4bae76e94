"""Data of the UMKM showcase: businesses and products."""

import uuid
from urllib.parse import quote

from django.conf import settings
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
    booth_location = models.CharField(
        _("lokasi stan di MPP"),
        max_length=120,
        blank=True,
        help_text=_("Mis. Gedung Expo Sangatta"),
    )
    booth_number = models.CharField(_("nomor stan"), max_length=20, blank=True)
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

    @property
    def booth(self) -> str:
        if not self.booth_location:
            return ""
        if self.booth_number:
            return _("Stan %(number)s, %(location)s") % {
                "number": self.booth_number,
                "location": self.booth_location,
            }
        return self.booth_location

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
        if not user.is_authenticated:
            return self.none()
        return self.filter(business__owner=user)


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
        return reverse("umkm:product", args=[self.business.slug, self.slug])

    def get_category_display(self) -> str:
        return choice_label(Category, self.category)

    def whatsapp_url(self) -> str:
        return self.business.whatsapp_url(self)


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
