"""Rendered showcase pages in the shared cache, keyed by a showcase version that every
write to businesses, products or photos replaces (after its commit)."""

from common.caching import cached_page, replace_version, shared_version

VERSION_KEY = "umkm:version"
PAGE_TIMEOUT = 600


def showcase_version() -> str:
    return shared_version(VERSION_KEY)


def showcase_changed() -> None:
    """Call with any write to businesses, products or photos."""
    replace_version(VERSION_KEY)


def _showcase_version_of_page(request, *args, **kwargs) -> str:
    return showcase_version()


cached_showcase_page = cached_page(
    name="showcase", version=_showcase_version_of_page, timeout=PAGE_TIMEOUT
)
