"""Abuse limits on the public writes, per client address, counted on the shared cache."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from mpp.middleware import refusal


def over_limit(*, rule: str, address: str, limit: int, window_seconds: int) -> bool:
    """Count one attempt of `address` under `rule`; True once the window's limit is passed.

    A fixed window, so that every app node counts in the same cache key; the address is
    hashed, so no client address is written in clear to the cache.
    """
    window = int(time.time() // window_seconds)
    digest = hashlib.sha256(f"{rule}:{address}".encode()).hexdigest()[:32]
    key = f"throttle:{rule}:{digest}:{window}"
    cache.add(key, 0, timeout=window_seconds)
    try:
        return cache.incr(key) > limit
    except ValueError:  # the key expired between add and incr: a new window begins
        cache.set(key, 1, timeout=window_seconds)
        return limit < 1


class PublicWriteLimitMiddleware:
    """POSTs to the views named in settings.PUBLIC_WRITE_LIMITS by visitors who are not
    signed in (signed-in staff are accountable by name) are limited per client address;
    past the limit the answer is 429 with a message in the visitor's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST":
            return None
        rule = request.resolver_match.view_name
        limit = settings.PUBLIC_WRITE_LIMITS.get(rule)
        if limit is None or request.user.is_authenticated:
            return None
        count, window_seconds = limit
        address = request.META.get("REMOTE_ADDR", "")
        if not over_limit(rule=rule, address=address, limit=count, window_seconds=window_seconds):
            return None
        response = refusal(
            request,
            status=429,
            code="throttled",
            message=_("Terlalu banyak permintaan dari perangkat ini. Silakan coba lagi nanti."),
        )
        response["Retry-After"] = str(window_seconds)
        return response
