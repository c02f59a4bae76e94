"""Showcase of local UMKM businesses and their products."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UmkmConfig(AppConfig):
    name = "umkm"
    verbose_name = _("UMKM")
