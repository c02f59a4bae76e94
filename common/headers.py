"""The Permissions-Policy header: the one way it is written, site-wide and per page."""

from collections.abc import Callable
from functools import wraps

from django.conf import settings


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """{"camera": [], "web-share": ["self"]} -> 'camera=(), web-share=(self)'."""
    return ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in policy.items())


def allow_own_feature(feature: str) -> Callable:
    """A page that needs one browser feature the site keeps off (the exit station's
    camera) gets it for its own origin only; every other page keeps the site's policy,
    which the middleware sets only where a view has not."""
    header = permissions_policy_header({**settings.PERMISSIONS_POLICY, feature: ["self"]})

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            response["Permissions-Policy"] = header
            return response

        return wrapper

    return decorator
