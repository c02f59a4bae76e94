"""Rendered public catalog pages in the shared cache.

Keys carry a catalog version that every write to the catalog replaces, so no app node
serves a page older than the last change; the timeout only bounds memory.
"""

import hashlib
import time
from collections.abc import Callable
from functools import wraps
from uuid import uuid4

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

from common.side_effects import after_commit

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
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, uuid4().hex, None)
            version = cache.get(VERSION_KEY)
        remember_catalog_version(version)
    return version


def catalog_changed() -> None:
    """Call with any write that a public catalog page shows. The version is replaced now
    and again after the commit: a page read between the two could otherwise keep the old
    rows cached under the version set now."""

    def bump():
        cache.set(VERSION_KEY, uuid4().hex, None)
        forget_catalog_version()

    bump()
    after_commit(bump)


def _cacheable(request) -> bool:
    # Staff may see previews; a pending message would be baked into the page.
    return (
        request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and not len(get_messages(request))
    )


def cached_catalog_page(view: Callable) -> Callable:
    """Serve the anonymous GET of a catalog page from the cache when it is there."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        target = request.headers.get("HX-Target", "")
        # Hashed: a URL can be longer than a cache key may be.
        path = hashlib.sha256(f"{target}:{request.get_full_path()}".encode()).hexdigest()
        key = f"page:{catalog_version()}:{get_language()}:{path}"
        cached = cache.get(key)
        if cached is not None:
            return HttpResponse(cached, content_type="text/html; charset=utf-8")
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies:
            cache.set(key, response.content, PAGE_TIMEOUT)
        return response

    return wrapper
