"""The complaints app: a channel every public service must run (UU 25/2009 pasal 36-37)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Pengaduan")
