"""Rendered showcase pages in the shared cache, keyed by a showcase version that every
write to businesses, products or photos replaces (after its commit)."""

from functools import wraps
from uuid import uuid4

from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import get_language

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
    transaction.on_commit(bump)


def cached_showcase_page(view):
    """Serve a visitor's GET of a showcase page from the cache when it is there."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET" or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        htmx = request.headers.get("HX-Request", "")
        key = f"umkm-page:{showcase_version()}:{get_language()}:{htmx}:{request.get_full_path()}"
        cached = cache.get(key)
        if cached is not None:
            return HttpResponse(cached, content_type="text/html; charset=utf-8")
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies:
            cache.set(key, response.content, PAGE_TIMEOUT)
        return response

    return wrapper
