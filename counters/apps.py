"""Counters, the queue engine, bookings, kiosk, console, display boards and reports."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountersConfig(AppConfig):
    name = "counters"
    verbose_name = _("Antrian dan loket")
