"""Abuse limits on the public writes, per client address and per account, counted on the
shared cache."""

import hashlib
import time

from django.conf import settings
from django.utils.translation import gettext as _

from common.counting import cache_count
from mpp.middleware import refusal
from services.api_auth import bearer_token, usable_token
from services.permissions import is_staff_member


def over_limit(*, rule: str, identity: str, limit: int, window_seconds: int) -> bool:
    """Count one attempt of `identity` (an address or an account) under `rule`; True once
    the window's limit is passed.

    A fixed window, so that every app node counts in the same cache key; the identity is
    hashed, so no client address is written in clear to the cache.
    """
    window = int(time.time() // window_seconds)
    digest = hashlib.sha256(f"{rule}:{identity}".encode()).hexdigest()[:32]
    key = f"throttle:{rule}:{digest}:{window}"
    (count,) = cache_count(key, timeout=window_seconds)
    return count > limit


def acting_user(request):
    """The signed-in user, or the user of the API token the request carries (the API
    authenticates a token inside the view, after this middleware); None for visitors and
    kiosk tokens."""
    if request.user.is_authenticated:
        return request.user
    token = bearer_token(request)
    api_token = usable_token(token) if token else None
    return api_token.user if api_token is not None else None


class PublicWriteLimitMiddleware:
    """POSTs to the views named in settings.PUBLIC_WRITE_LIMITS are limited per client
    address and, for a signed-in account, per account as well: anyone can get an account
    by registering a UMKM business, and a new address is as easy to get as a new account.

    Staff (members of an agency, mall admins) are not limited: an admin gave them their
    accounts, they act by name in the audit rows, and their work is many writes from the
    mall's few addresses (an operator checking visitors in, taking tickets or bookings for
    them at the counter). Kiosks are limited by address, at limits above what one kiosk
    can do. Past a limit the answer is 429 with a message in the visitor's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST":
            return None
        rule = request.resolver_match.view_name
        limit = settings.PUBLIC_WRITE_LIMITS.get(rule)
        if limit is None:
            return None
        user = acting_user(request)
        if user is not None and is_staff_member(user):
            return None
        count, window_seconds = limit
        identities = [request.META.get("REMOTE_ADDR", "")]
        if user is not None:
            identities.append(f"account:{user.pk}")
        # Every identity counts the attempt, also when another is already over.
        over = [
            over_limit(rule=rule, identity=identity, limit=count, window_seconds=window_seconds)
            for identity in identities
        ]
        if not any(over):
            return None
        response = refusal(
            request,
            status=429,
            code="throttled",
            message=_("Terlalu banyak permintaan dari perangkat ini. Silakan coba lagi nanti."),
        )
        response["Retry-After"] = str(window_seconds)
        return response
