"""The one decorator that serves public pages from the shared cache, and the rules of
when a page may be shared with every visitor."""

import hashlib
from collections.abc import Callable
from functools import wraps
from uuid import uuid4

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import get_language

from common.side_effects import after_commit


def shared_version(key: str) -> str:
    """The version named `key` in the shared cache (made at first use): pages are cached
    under it, so every app node sees the same one."""
    return shared_versions(key)[0]


def shared_versions(*keys: str) -> list[str]:
    """The versions named `keys`, in one round trip when all exist."""
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, uuid4().hex, None)
            found[key] = cache.get(key)
    return [found[key] for key in keys]


def replace_version(*keys: str, then: Callable[[], None] | None = None) -> None:
    """Call with any write that the pages cached under `keys` show. Replaced now and, inside
    a transaction, again after the commit: a page read between the two could otherwise
    keep the old rows cached under the version set now. `then` runs after each."""

    def bump():
        cache.set_many({key: uuid4().hex for key in keys}, None)
        if then is not None:
            then()

    bump()
    if transaction.get_connection().in_atomic_block:
        after_commit(bump)


def _may_be_served_shared(request) -> bool:
    """A signed-in user may see previews, their name or their own forms, and a pending
    message is this visitor's alone: such requests get their own rendering."""
    return (
        request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and not len(get_messages(request))
    )


def _may_be_shared(request, response) -> bool:
    """Nothing of this visitor went into the page while it was rendered: no cookie, no
    CSRF token (it would be handed to everyone), no message added by the view."""
    return (
        response.status_code == 200
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not len(get_messages(request))
    )


def cached_page(*, name: str, version: Callable[..., str | None], timeout: int) -> Callable:
    """Serve a visitor's GET of the page from the shared cache. `version(request, *args,
    **kwargs)` names what the page shows (a write replaces it, so no app node serves an
    older page); None when there is nothing to share (the view answers, e.g. 404)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            current = _may_be_served_shared(request) and version(request, *args, **kwargs)
            if not current:
                return view(request, *args, **kwargs)
            htmx = f"{request.headers.get('HX-Request', '')}:{request.headers.get('HX-Target', '')}"
            # Hashed: a URL can be longer than a cache key may be.
            path = hashlib.sha256(f"{htmx}:{request.get_full_path()}".encode()).hexdigest()
            key = f"page:{name}:{current}:{get_language()}:{path}"
            cached = cache.get(key)
            if cached is not None:
                return HttpResponse(cached, content_type="text/html; charset=utf-8")
            response = view(request, *args, **kwargs)
            if _may_be_shared(request, response):
                cache.set(key, response.content, timeout)
            return response

        return wrapper

    return decorator
