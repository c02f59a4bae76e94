"""The regency's watch over its agencies' service: incidents found live and kept."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = _("Pengawasan layanan")
