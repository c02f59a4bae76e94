"""Who may issue queue tickets: kiosks (by network or token) and signed-in staff."""

import ipaddress
from functools import lru_cache

from django.conf import settings

from services.models import Agency
from services.permissions import can_operate, is_mall_admin, is_staff_member


@lru_cache(maxsize=8)
def _networks(spec: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(cidr, strict=False) for cidr in spec)


def from_kiosk_network(request) -> bool:
    """The browser kiosk is a PC on the mall's own network (KIOSK_ALLOWED_NETWORKS)."""
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in network for network in _networks(tuple(settings.KIOSK_ALLOWED_NETWORKS)))


def may_issue_tickets(request, agency: Agency | None = None) -> bool:
    """Kiosk network, or staff (of that agency when one is given, or a mall admin)."""
    if from_kiosk_network(request):
        return True
    if agency is None:
        return is_staff_member(request.user)
    return can_operate(request.user, agency) or is_mall_admin(request.user)
