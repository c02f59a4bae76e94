"""Abuse limits of booking per client address and per NIK per local day, counted on the
shared Django cache so that every process and app node sees the same numbers."""

import hashlib
from datetime import date

from django.conf import settings
from django.core.cache import cache

from common.counting import cache_count

TWO_DAYS = 2 * 24 * 3600


def limit_of(kind: str) -> int:
    defaults = {"ip": 10, "nik": 3, "lookup": 60}
    return getattr(settings, "BOOKING_LIMITS", {}).get(kind, defaults[kind])


def _key(kind: str, identity: str, day: date) -> str:
    # Hashed, so that no NIK or address is written in clear to the cache.
    digest = hashlib.sha256(f"{kind}:{identity}".encode()).hexdigest()[:32]
    return f"booking-limit:{kind}:{digest}:{day.isoformat()}"


def is_over(day: date, **identities: str | None) -> bool:
    """Whether any identity (kind=identity: ip=…, nik=…) has reached its kind's limit on
    `day`; all read in one round trip."""
    limits = {
        _key(kind, identity, day): limit_of(kind)
        for kind, identity in identities.items()
        if identity
    }
    counts = cache.get_many(limits) if limits else {}
    return any((counts.get(key) or 0) >= limit for key, limit in limits.items())


def count(day: date, **identities: str | None) -> None:
    """One more for each identity (kind=identity), all in one round trip."""
    keys = [_key(kind, identity, day) for kind, identity in identities.items() if identity]
    if keys:
        cache_count(*keys, timeout=TWO_DAYS)
