"""Locations, agencies (the tenants), staff membership and the service catalog."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Instansi dan layanan")
