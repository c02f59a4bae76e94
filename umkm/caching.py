"""Rendered showcase pages in the shared cache, keyed by a showcase version that every
write to businesses, products or photos replaces (after its commit)."""

import hashlib
from functools import wraps
from uuid import uuid4

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

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


def cached_showcase_page(view):
    """Serve a visitor's GET of a showcase page from the cache when it is there."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET" or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        htmx = request.headers.get("HX-Request", "")
        # Hashed: a URL can be longer than a cache key may be.
        path = hashlib.sha256(f"{htmx}:{request.get_full_path()}".encode()).hexdigest()
        key = f"umkm-page:{showcase_version()}:{get_language()}:{path}"
        cached = cache.get(key)
        if cached is not None:
            return HttpResponse(cached, content_type="text/html; charset=utf-8")
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies:
            cache.set(key, response.content, PAGE_TIMEOUT)
        return response

    return wrapper
