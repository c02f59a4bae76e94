"""Bearer tokens (users and kiosks) and staff sessions for the API."""

from django.utils import timezone
from ninja.security import HttpBearer, django_auth

from services.models import ApiToken, hash_token


class TokenAuth(HttpBearer):
    """Accepts a live token; a user token acts as that user, a kiosk token as its kiosk."""

    def authenticate(self, request, token):
        api_token = (
            ApiToken.objects.select_related("user", "kiosk_location")
            .filter(key_hash=hash_token(token), revoked_at__isnull=True)
            .first()
        )
        if api_token is None:
            return None
        if api_token.user is not None:
            if not api_token.user.is_active:
                return None
            request.user = api_token.user
        request.kiosk_location = api_token.kiosk_location
        now = timezone.now()
        if api_token.last_used_at is None or (now - api_token.last_used_at).total_seconds() > 300:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        return api_token


# Endpoints that need a role accept either a token or a staff browser session.
token_or_session = [TokenAuth(), django_auth]


def kiosk_location(request):
    """The location of the kiosk token that authenticated this request, if any."""
    return getattr(request, "kiosk_location", None)
