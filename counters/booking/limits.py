"""Abuse limits of booking per client address and per NIK per local day, counted on the
shared Django cache so that every process and app node sees the same numbers."""

import hashlib
from datetime import date

from django.conf import settings
from django.core.cache import cache

TWO_DAYS = 2 * 24 * 3600


def limit_of(kind: str) -> int:
    defaults = {"ip": 10, "nik": 3, "lookup": 60}
    return getattr(settings, "BOOKING_LIMITS", {}).get(kind, defaults[kind])


def _key(kind: str, identity: str, day: date) -> str:
    # Hashed, so that no NIK or address is written in clear to the cache.
    digest = hashlib.sha256(f"{kind}:{identity}".encode()).hexdigest()[:32]
    return f"booking-limit:{kind}:{digest}:{day.isoformat()}"


def is_over(kind: str, identity: str | None, day: date) -> bool:
    if not identity:
        return False
    return (cache.get(_key(kind, identity, day)) or 0) >= limit_of(kind)


def count(kind: str, identity: str | None, day: date) -> None:
    if not identity:
        return
    key = _key(kind, identity, day)
    cache.add(key, 0, timeout=TWO_DAYS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=TWO_DAYS)
