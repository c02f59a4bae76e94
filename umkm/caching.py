"""Rendered showcase pages in the shared cache, keyed by a showcase version that every
write to businesses, products or photos replaces (after its commit)."""

from uuid import uuid4

from django.core.cache import cache

from common.caching import cached_page
from common.side_effects import after_commit

VERSION_KEY = "umkm:version"
PAGE_TIMEOUT = 600


def showcase_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def showcase_changed() -> None:
    """Now and again after the commit (a read in between would keep old rows cached)."""

    def bump():
        cache.set(VERSION_KEY, uuid4().hex, None)

    bump()
    after_commit(bump)


def _showcase_version_of_page(request, *args, **kwargs) -> str:
    return showcase_version()


cached_showcase_page = cached_page(
    name="showcase", version=_showcase_version_of_page, timeout=PAGE_TIMEOUT
)
