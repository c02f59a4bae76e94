"""Counts in the shared cache that every app node adds to: the abuse limits per client
address, account and NIK."""

from django.core.cache import cache


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
