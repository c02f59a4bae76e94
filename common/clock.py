"""The queue's clock: the current instant and the local (WITA) day the queue runs on."""

from datetime import date, datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()


def local_day(moment: datetime) -> date:
    """Numbers restart at local midnight (TIME_ZONE, Asia/Makassar), not at UTC midnight."""
    return timezone.localtime(moment).date()
