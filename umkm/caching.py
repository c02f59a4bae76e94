"""Rendered showcase pages, and the parts that several of them share, in the shared cache,
keyed by a showcase version that every write to businesses, products or photos replaces
(after its commit)."""

import hashlib
from collections.abc import Callable
from typing import TypeVar

from common.caching import cached_page, replace_version, shared_value, shared_version

VERSION_KEY = "umkm:version"
PAGE_TIMEOUT = 600
T = TypeVar("T")


def showcase_version() -> str:
    return shared_version(VERSION_KEY)


def showcase_changed() -> None:
    """Call with any write to businesses, products or photos."""
    replace_version(VERSION_KEY)


def showcase_version_of(request) -> str:
    """The showcase version a request renders under, read once: the page and the parts of
    it cached on their own are keyed by the same one."""
    if not hasattr(request, "showcase_version"):
        request.showcase_version = showcase_version()
    return request.showcase_version


def cached_for_filters(request, name: str, filters: object, compute: Callable[[], T]) -> T:
    """What every page of the same showcase filters shows alike (how many products match):
    computed for the first of them asked, under the showcase version."""
    digest = hashlib.sha256(repr(filters).encode()).hexdigest()
    key = f"showcase:{name}:{showcase_version_of(request)}:{digest}"
    return shared_value(key, compute, PAGE_TIMEOUT)


def _showcase_version_of_page(request, *args, **kwargs) -> str:
    return showcase_version_of(request)


cached_showcase_page = cached_page(
    name="showcase", version=_showcase_version_of_page, timeout=PAGE_TIMEOUT
)
