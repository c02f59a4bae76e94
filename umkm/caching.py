"""Rendered showcase pages, and the parts that several of them share, in the shared cache,
keyed by a showcase version that every write to businesses, products or photos replaces
(after its commit)."""

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.utils.translation import get_language

from common.caching import cached_page, replace_version, shared_version

VERSION_KEY = "umkm:version"
PAGE_TIMEOUT = 600


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


def shared_parts(request, parts: dict[str, tuple[object, Callable[[], Any]]]) -> dict[str, Any]:
    """The parts of a showcase page that every page of the same filters shows alike, by
    name: (what the part depends on, how to build it). Each is kept under the showcase
    version, the language and what it depends on; all are read in one round trip and the
    missing ones built and shared in one more."""
    prefix = f"showcase:{showcase_version_of(request)}:{get_language()}"
    keys = {
        name: f"{prefix}:{name}:{hashlib.sha256(repr(depends).encode()).hexdigest()}"
        for name, (depends, _build) in parts.items()
    }
    found = cache.get_many(list(keys.values()))
    built = {
        keys[name]: build() for name, (_depends, build) in parts.items() if keys[name] not in found
    }
    if built:
        cache.set_many(built, PAGE_TIMEOUT)
    found.update(built)
    return {name: found[key] for name, key in keys.items()}


def _showcase_version_of_page(request, *args, **kwargs) -> str:
    return showcase_version_of(request)


cached_showcase_page = cached_page(
    name="showcase", version=_showcase_version_of_page, timeout=PAGE_TIMEOUT
)
