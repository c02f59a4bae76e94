"""Behind the load balancer the client address is the one the trusted proxy appended."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from mpp.middleware import ClientAddressMiddleware


def address(settings, proxies: int, forwarded: str | None) -> str:
    settings.PROXY_COUNT = proxies
    seen = {}

    def view(request):
        seen["address"] = request.META["REMOTE_ADDR"]
        return HttpResponse()

    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    ClientAddressMiddleware(view)(RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", **headers))
    return seen["address"]


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.5"),  # no proxy configured: the header is ignored
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # a forged left part is not trusted
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.7", "203.0.113.9"),
        (1, None, "10.0.0.5"),
        (2, "203.0.113.9", "10.0.0.5"),  # fewer hops than proxies: keep the peer
    ],
)
def test_client_address_behind_trusted_proxies(settings, proxies, forwarded, expected):
    assert address(settings, proxies, forwarded) == expected
