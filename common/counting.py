"""Counts in the shared cache that every app node adds to: the abuse limits per client
address, account and NIK."""

from django.core.cache import cache


def cache_count(key: str, *, timeout: int) -> int:
    """Add one to the count at `key`, made with `timeout` at its first count; the new count.
    One round trip for a count that exists, two for the first one."""
    try:
        return cache.incr(key)
    except ValueError:  # the first count since the key was made or expired
        if cache.add(key, 1, timeout=timeout):
            return 1
        return cache.incr(key)  # another node counted the first one meanwhile
