"""The one clock: the current instant and the local (WITA) day the queue and bookings run on."""

from datetime import date, datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()


def local_day(moment: datetime) -> date:
    """Numbers restart at local midnight (TIME_ZONE, Asia/Makassar), not at UTC midnight."""
    return timezone.localtime(moment).date()


def today() -> date:
    """The local (WITA) day of now."""
    return local_day(now())
