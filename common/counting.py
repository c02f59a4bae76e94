"""Counts in the shared cache that every app node adds to: the abuse limits per client
address, account, NIK and looked-up code."""

import hashlib
from datetime import date

from django.core.cache import cache

# A local day's count outlives the day a little (clocks, time zones): then it expires.
DAY_KEPT_SECONDS = 2 * 24 * 3600


def cache_count(*keys: str, timeout: int) -> list[int]:
    """Add one to the count at each key (made with `timeout` at its first count); the new
    counts. One round trip for them all on the Redis cache (mpp.cache), a few per key on
    the others (development and tests)."""
    count_many = getattr(cache, "count_many", None)
    if count_many is not None:
        return count_many(keys, timeout=timeout)
    return [_count_one(key, timeout) for key in keys]


def _count_one(key: str, timeout: int) -> int:
    try:
        return cache.incr(key)
    except ValueError:  # the first count since the key was made or expired
        if cache.add(key, 1, timeout=timeout):
            return 1
        return cache.incr(key)  # another process counted the first one meanwhile


def _day_key(scope: str, kind: str, identity: str, day: date) -> str:
    # Hashed, so that no NIK, client address or code is written in clear to the cache.
    digest = hashlib.sha256(f"{kind}:{identity}".encode()).hexdigest()[:32]
    return f"{scope}:{kind}:{digest}:{day.isoformat()}"


def day_limit_reached(scope: str, day: date, limits: dict[str, int], **identities: str) -> bool:
    """Whether any identity (kind=identity, e.g. ip=…, code=…) has reached the limit of its
    kind in `scope` on the local `day`; all read in one round trip."""
    keys = {
        _day_key(scope, kind, identity, day): limits[kind]
        for kind, identity in identities.items()
        if identity
    }
    counts = cache.get_many(keys) if keys else {}
    return any((counts.get(key) or 0) >= limit for key, limit in keys.items())


def day_count(scope: str, day: date, **identities: str) -> None:
    """One more for each identity (kind=identity) in `scope` on the local `day`."""
    keys = [
        _day_key(scope, kind, identity, day) for kind, identity in identities.items() if identity
    ]
    if keys:
        cache_count(*keys, timeout=DAY_KEPT_SECONDS)
