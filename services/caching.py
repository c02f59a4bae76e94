"""Rendered public catalog pages in the shared cache.

Keys carry a catalog version that every write to the catalog replaces, so no app node
serves a page older than the last change; the timeout only bounds memory.
"""

import time

from common.caching import cached_page, replace_version, shared_version

VERSION_KEY = "catalog:version"
PAGE_TIMEOUT = 600
# A process reads the shared version at most once per this many seconds (another node's
# catalog write shows here within it; this process's own writes at once).
LOCAL_SECONDS = 1.0
_known = {"version": None, "until": 0.0}


def remember_catalog_version(version: str) -> None:
    _known.update(version=version, until=time.monotonic() + LOCAL_SECONDS)


def known_catalog_version() -> str | None:
    """The version this process read less than LOCAL_SECONDS ago, if any."""
    return _known["version"] if _known["until"] > time.monotonic() else None


def forget_catalog_version() -> None:
    _known.update(version=None, until=0.0)


def catalog_version() -> str:
    version = known_catalog_version()
    if version is None:
        version = shared_version(VERSION_KEY)
        remember_catalog_version(version)
    return version


def catalog_changed() -> None:
    """Call with any write that a public catalog page shows."""
    replace_version(VERSION_KEY, then=forget_catalog_version)


def _catalog_version_of_page(request, *args, **kwargs) -> str:
    return catalog_version()


cached_catalog_page = cached_page(
    name="catalog", version=_catalog_version_of_page, timeout=PAGE_TIMEOUT
)
