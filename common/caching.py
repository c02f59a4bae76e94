"""The one decorator that serves public pages from the shared cache, and the rules of
when a page may be shared with every visitor."""

import hashlib
import threading
import time
from collections.abc import Callable
from functools import wraps
from uuid import uuid4

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import get_language

from common.side_effects import after_commit

# A value stored under a key that names its version never changes, so a process may keep
# the encoded ones it read (pages, feeds) without asking again, as long as the shared cache
# keeps them: up to LOCAL_BYTES in all.
LOCAL_BYTES = 16 * 1024 * 1024
# How long a thread waits for another one building the value it needs (gunicorn's timeout).
BUILD_WAIT_SECONDS = 30
_local: dict[str, tuple[float, bytes]] = {}
_local_size = [0]
_building: dict[str, "_Build"] = {}
_building_lock = threading.Lock()


class _Build:
    def __init__(self):
        self.done = threading.Event()
        self.value = None


def forget_local_values() -> None:
    _local.clear()
    _local_size[0] = 0


def _keep_local(key: str, value, timeout: int) -> None:
    if not isinstance(value, bytes):
        return
    if _local_size[0] + len(value) > LOCAL_BYTES:
        forget_local_values()
    _local[key] = (time.monotonic() + timeout, value)
    _local_size[0] += len(value)


def _local_value(key: str) -> bytes | None:
    kept = _local.get(key)
    return kept[1] if kept is not None and kept[0] > time.monotonic() else None


def _build_once(key: str, build: Callable):
    """`build()` in one thread of this process at a time per key; the threads that need
    the same key meanwhile take its value (or build their own if it gave none)."""
    with _building_lock:
        running = _building.get(key)
        if running is None:
            running = _building[key] = _Build()
            leader = True
        else:
            leader = False
    if not leader:
        if running.done.wait(BUILD_WAIT_SECONDS) and running.value is not None:
            return running.value
        return build()
    try:
        running.value = build()
        return running.value
    finally:
        with _building_lock:
            del _building[key]
        running.done.set()


def shared_value(key: str, build: Callable, timeout: int):
    """The value under `key`, a key that names the version of what it holds (so the value
    never changes): this process's copy, else the shared cache's, else built once per
    process however many threads ask at the same moment (a new version of a queue is
    asked for by every board and phone at once) and shared with every node. A None from
    `build` is not shared."""
    value = _local_value(key)
    if value is not None:
        return value
    value = cache.get(key)
    if value is None:

        def build_and_share():
            built = build()
            if built is not None:
                cache.set(key, built, timeout)
            return built

        value = _build_once(key, build_and_share)
    if value is not None:
        _keep_local(key, value, timeout)
    return value


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
            rendered = []

            def render():
                rendered.append(view(request, *args, **kwargs))
                return rendered[0].content if _may_be_shared(request, rendered[0]) else None

            content = shared_value(key, render, timeout)
            if rendered:
                return rendered[0]
            return HttpResponse(content, content_type="text/html; charset=utf-8")

        return wrapper

    return decorator
