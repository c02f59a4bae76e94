"""Locations, agencies (tenants), staff memberships, API tokens and services."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class Location(models.Model):
    """A building of the mall where agencies serve."""

    name = models.CharField(_("nama"), max_length=120)
    slug = models.SlugField(_("slug"), unique=True)
    address = models.CharField(_("alamat"), max_length=255)
    opening_hours = models.CharField(
        _("jam buka"), max_length=255, blank=True, help_text=_("Mis. Senin–Jumat 08.00–15.00")
    )
    map_url = models.URLField(_("tautan peta"), blank=True)
    is_active = models.BooleanField(
        _("aktif"), default=True, help_text=_("Lokasi yang belum beroperasi tidak aktif.")
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("lokasi")
        verbose_name_plural = _("lokasi")

    def __str__(self) -> str:
        return self.name


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


class Service(models.Model):
    """A service an agency delivers, with its service-delivery standard."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="services", verbose_name=_("instansi")
    )
    slug = models.SlugField(_("slug"))
    name = models.CharField(_("nama layanan"), max_length=200)
    summary = models.CharField(_("deskripsi singkat"), max_length=300, blank=True)
    category = models.CharField(_("kategori"), max_length=80, blank=True)
    locations = models.ManyToManyField(
        Location, related_name="services", blank=True, verbose_name=_("lokasi layanan")
    )
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

    objects = ScopedManager(agency="agency")

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
        ]

    def __str__(self) -> str:
        return self.name
