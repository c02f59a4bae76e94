"""Links to the portal outside a request (messages sent by a worker)."""

from django.conf import settings
from django.urls import reverse


def public_url(viewname: str, *args) -> str:
    """The absolute address of a page at settings.PUBLIC_BASE_URL."""
    return settings.PUBLIC_BASE_URL + reverse(viewname, args=args)
