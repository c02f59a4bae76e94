"""Bearer tokens (users and kiosks) and staff sessions for the API."""

from django.core.cache import cache
from ninja.security import HttpBearer, django_auth

from common import clock
from services.models import ApiToken, hash_token
from services.permissions import agency_roles

# A kiosk presses and a counter calls many times a minute: a live token, with its user's
# agency roles, is looked up once per this many seconds. Revoking deletes it from the cache
# at once (api_tokens_revoke); a deactivated account or a changed membership takes effect
# within this time.
TOKEN_CACHE_SECONDS = 30
LAST_USED_RESOLUTION_SECONDS = 300


def token_cache_key(key_hash: str) -> str:
    return f"api-token:{key_hash}"


def live_token(key_hash: str) -> ApiToken | None:
    key = token_cache_key(key_hash)
    api_token = cache.get(key)
    if api_token is None:
        api_token = (
            ApiToken.objects.select_related("user", "kiosk_location")
            .filter(key_hash=key_hash, revoked_at__isnull=True)
            .first()
        )
        if api_token is None:
            return None
        if api_token.user is not None:
            agency_roles(api_token.user)  # remembered on the user, cached with it
        cache.set(key, api_token, TOKEN_CACHE_SECONDS)
    return api_token


def usable_token(token: str) -> ApiToken | None:
    """The live token of this secret, unless its user's account is deactivated."""
    api_token = live_token(hash_token(token))
    if api_token is None or (api_token.user is not None and not api_token.user.is_active):
        return None
    return api_token


def bearer_token(request) -> str | None:
    """The secret of an `Authorization: Bearer …` header, read as the API reads it."""
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    return token if scheme.lower() == "bearer" and token else None


class TokenAuth(HttpBearer):
    """Accepts a live token; a user token acts as that user, a kiosk token as its kiosk."""

    def __call__(self, request):
        token = bearer_token(request)
        return None if token is None else self.authenticate(request, token)

    def authenticate(self, request, token):
        api_token = usable_token(token)
        if api_token is None:
            return None
        if api_token.user is not None:
            request.user = api_token.user
        request.kiosk_location = api_token.kiosk_location
        now = clock.now()
        last_used = api_token.last_used_at
        if last_used is None or (now - last_used).total_seconds() > LAST_USED_RESOLUTION_SECONDS:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
            api_token.last_used_at = now
            cache.set(token_cache_key(api_token.key_hash), api_token, TOKEN_CACHE_SECONDS)
        return api_token


# Endpoints that need a role accept either a token or a staff browser session.
token_or_session = [TokenAuth(), django_auth]


def kiosk_location(request):
    """The location of the kiosk token that authenticated this request, if any."""
    return getattr(request, "kiosk_location", None)
