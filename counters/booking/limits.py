"""Abuse limits of booking per client address and per NIK per local day, counted on the
shared Django cache so that every process and app node sees the same numbers."""

from datetime import date

from django.conf import settings

from common.counting import day_count, day_limit_reached

SCOPE = "booking-limit"
DEFAULTS = {"ip": 10, "nik": 3, "lookup": 60}


def limit_of(kind: str) -> int:
    return getattr(settings, "BOOKING_LIMITS", {}).get(kind, DEFAULTS[kind])


def is_over(day: date, **identities: str | None) -> bool:
    """Whether any identity (kind=identity: ip=…, nik=…) has reached its kind's limit on
    `day`; all read in one round trip."""
    limits = {kind: limit_of(kind) for kind in identities}
    return day_limit_reached(SCOPE, day, limits, **identities)


def count(day: date, **identities: str | None) -> None:
    """One more for each identity (kind=identity), all in one round trip."""
    day_count(SCOPE, day, **identities)
