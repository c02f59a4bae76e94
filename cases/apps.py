"""The cases app: files processed after the counter, held to the published processing time."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Lacak berkas")
