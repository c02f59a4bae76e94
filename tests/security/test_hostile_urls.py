"""Every URL pattern (the root URLs, the mall's and an agency's admin site, every API
operation) walked with hostile values in each path parameter, hostile query strings,
cookies, headers, content types and bodies, as each kind of user: no answer may be a 5xx.

Not a cross product, to stay within a minute or two on two cores. Each URL is first
requested with values that lead into the view (the world's agency, ticket, booking, ...)
by every kind of user. Then each parameter gets every hostile value in turn, the others
keeping their valid values, each value sent by one of the users that the valid URL let
in (taking turns); a user it turned away (sign-in page, 401, 403) gets one long value, its
guard having answered before any view code read the parameter. Cookies and headers rotate
from request to request; a URL that only accepts POST gets every hostile body and content
type, every other URL one of them, in turn, and one hostile query string.
"""

import json
import re
from itertools import cycle

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver
from django.urls.resolvers import RegexPattern

from mpp.tenancy import agency_urlconf

ROLES = ["anonymous", "citizen", "operator_a", "admin_a", "mall"]

# Already percent-encoded where a path needs it.
HOSTILE = [
    "%00",
    "x" * 500,
    "9" * 30,
    "-1",
    "9999-12-31",
    "0001-01-01T00:00:00+14:00",
    "%F0%9F%99%82%C3%B1%E2%80%AE",
    "%EF%BC%91%EF%BC%92",
    "%2e%2e",
    "%252e%252e%252f",
    "%ff%fe",
    "a%2Fb",
]
# Enough to show that a guard answers before the view reads the parameter.
GUARDED = "x" * 500
QUERY_NAMES = [
    "q", "date", "after", "page", "p", "lokasi", "mulai", "tanggal", "next", "location",
    "agency", "service", "category", "kecamatan", "from", "to", "o", "e", "status", "late",
    "periode",
]  # fmt: skip
QUERY_VALUES = ["9" * 30, "-1", "9999-12-31", "0001-01-01T00:00:00+14:00", "x" * 500, "ñ🙂\u202e"]

COOKIES = [
    {},
    {"django_language": "x" * 300},
    {"csrftoken": "ñ" * 40},
    {"booking_access": "[" * 50},
    {"messages": "garbage:" + "x" * 200},
    {"sessionid": "../../" + "x" * 300},
]
HEADERS = [
    {},
    {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "x" * 200},
    {"HTTP_IF_NONE_MATCH": '"' + "x" * 300 + '"', "HTTP_IF_MODIFIED_SINCE": "Sun, 00 Xxx 99999"},
    {"HTTP_AUTHORIZATION": "Bearer " + "x" * 500},
    {"HTTP_AUTHORIZATION": "Basic ñ", "HTTP_ACCEPT_LANGUAGE": "x" * 300},
    {"HTTP_X_FORWARDED_FOR": "x, " * 50, "HTTP_REFERER": "javascript:alert(1)"},
    {"HTTP_RANGE": "bytes=99999999999999999999-", "HTTP_ACCEPT": "*/*;q=x"},
]
FAR = "0001-01-01T00:00:00+14:00"
HOSTILE_FIELDS = {
    "service": "x" * 500,
    "location": 10**30,
    "start": FAR,
    "name": "ñ" * 500,
    "nik": 10**30,
    "phone": ["x"],
    "email": {"a": 1},
    "priority": "x" * 500,
    "answers": [10**30] * 9,
    "age": -(10**30),
    "sex": None,
    "education": 1.5,
    "occupation": "🙂",
    "code": "..",
    "reason": "x" * 5000,
    "minutes": 10**30,
    "q": "'\"<b>",
}
BODIES = [
    ("application/json", json.dumps(HOSTILE_FIELDS)),
    ("application/json", "{"),
    ("application/json", "[]"),
    ("application/json", "1e999"),
    ("application/json", b'{"name": "\xe9\xff"}'),
    ("application/json; charset=latin-1", '{"name": "\xe9"}'),
    ("text/plain", json.dumps(HOSTILE_FIELDS)),
    ("", json.dumps({"service": 10**30})),
    (
        "application/x-www-form-urlencoded",
        "&".join(f"{key}={'9' * 30}" for key in HOSTILE_FIELDS) + "&start=" + FAR,
    ),
    ("multipart/form-data; boundary=zz", b"--zz\r\nContent-Disposition: form-data\r\n\r\nx"),
    ("multipart/form-data", b"x"),
    ("application/xml", "<a>&x;</a>"),
]

PLACEHOLDER = re.compile(r"<(?:\w+:)?(\w+)>")
NAMED_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")


def _template(patterns) -> str:
    """A URL pattern's route with each parameter as {name}."""
    parts = []
    for pattern in patterns:
        text = str(pattern.pattern)
        if isinstance(pattern.pattern, RegexPattern):
            text = NAMED_GROUP.sub(r"{\1}", text.removeprefix("^").removesuffix("$"))
            text = text.replace("\\", "")
        else:
            text = PLACEHOLDER.sub(r"{\1}", text)
        parts.append(text)
    return "/" + "".join(parts)


def every_route(agency: str) -> list[str]:
    """The route of every URL pattern that resolves for this agency's requests: the root
    URLs (mall admin and API included) and the agency's admin site."""

    def walk(patterns, chain):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, [*chain, pattern])
            elif isinstance(pattern, URLPattern):
                yield _template([*chain, pattern])

    return sorted(set(walk(agency_urlconf(agency).urlpatterns, [])))


def valid_values(world, route: str) -> dict[str, str]:
    """Values that lead into the view, by parameter name (and for `code` and `action`,
    by which kind of URL it is)."""
    if "bahasa" in route:
        code = "en"
    elif "reservasi" in route or "booking" in route:
        code = world["booking"]
    elif "lacak" in route or "berkas" in route or "/cases" in route:
        code = world["case"]
    elif "pengaduan" in route or "complaints" in route:
        code = world["complaint"]
    else:
        code = world["ticket"]
    if route.startswith("/loket/"):
        action = "call-next"
    elif "/counters/" in route:
        action = "close"
    else:
        action = "recall"
    return {
        "agency": world["agency"],
        "agency_slug": world["agency"],
        "service": world["service"],
        "service_slug": world["service"],
        "location": world["location"],
        "code": code,
        "reference": "SIAK-0001",
        "step": "verifikasi"
        if route.startswith("/pengaduan-mpp/")
        else ("tangani" if "/saran/" in route else "tanggapan"),
        "suggestion_id": str(world["suggestion"]),
        "photo_id": str(world["photo"]),
        "action": action,
        "counter_id": str(world["counter"]),
        "business": world["business"],
        "product": world["product"],
        "period": "q3" if "/skm/" in route else world["booth_period"],
        "pk": str(world["product_pk"]),
        "object_id": "1",
        "table": "layanan",
        "year": "2026",
        "id": "1",
        "app_label": "counters",
        "content_type_id": "1",
        "path": "x.png",
        "url": "x/",
    }


def turned_away(response) -> bool:
    if response.status_code in (401, 403):
        return True
    location = response.headers.get("Location", "")
    return response.status_code == 302 and ("login" in location or "masuk" in location)


class Visitor:
    """One kind of user with its own client, signed in again whenever a URL signed it out."""

    def __init__(self, user):
        self.user = user
        self.client = Client(raise_request_exception=False)

    def sign_in(self) -> None:
        session = self.client.cookies.get("sessionid")
        if self.user is not None and (session is None or not session.value):
            self.client.force_login(self.user)


class Walk:
    def __init__(self, visitors: list[Visitor]):
        self.visitors = visitors
        self.cookies = cycle(COOKIES)
        self.headers = cycle(HEADERS)
        self.queries = cycle(QUERY_VALUES)
        self.bodies = cycle(BODIES)
        self.sent = 0
        self.failures: list[str] = []

    def send(self, visitor: Visitor, method: str, path: str, **kwargs):
        for name, value in next(self.cookies).items():
            if name != "sessionid" or visitor.user is None:
                visitor.client.cookies[name] = value
        headers = next(self.headers)
        self.sent += 1
        response = getattr(visitor.client, method)(path, **kwargs, **headers)
        if response.status_code >= 500:
            who = visitor.user.username if visitor.user else "anonymous"
            self.failures.append(
                f"{response.status_code} {who} {method.upper()} {path[:160]} "
                f"{kwargs!r:.100} {headers!r:.60}"
            )
        return response

    def route(self, route: str, values: dict[str, str]) -> None:
        cache.clear()  # a walk is not an abuse: no rate limit may cut it short
        for visitor in self.visitors:
            visitor.sign_in()
        valid = route.format(**values)
        reaching, guarded, post_only = [], [], False
        for visitor in self.visitors:
            probe = self.send(visitor, "get", valid)
            if probe.status_code == 405:
                post_only = True
                probe = self.send(
                    visitor, "post", valid, data="{}", content_type="application/json"
                )
            (guarded if turned_away(probe) else reaching).append(visitor)
        if not reaching:
            # Turned away by the view itself, perhaps after reading the parameters.
            reaching, guarded = guarded, []
        method = "post" if post_only else "get"
        names = re.findall(r"{(\w+)}", route)
        turns = cycle(reaching)
        for name in names:
            for value in HOSTILE:
                self.send(next(turns), method, route.format(**{**values, name: value}))
            for visitor in guarded:
                self.send(visitor, method, route.format(**{**values, name: GUARDED}))
        self.send(next(turns), "get", valid, data=dict.fromkeys(QUERY_NAMES, next(self.queries)))
        for content_type, body in BODIES if post_only else [next(self.bodies)]:
            self.send(next(turns), "post", valid, data=body, content_type=content_type)


def part_of(route: str, agency: str) -> str:
    if route.startswith("/api/"):
        return "api"
    if route.startswith("/admin/"):
        return "mall-admin"
    if route.startswith(f"/instansi/{agency}/admin/"):
        return "agency-admin"
    return "pages"


@pytest.mark.parametrize("part", ["pages", "api", "mall-admin", "agency-admin"])
def test_no_url_answers_a_hostile_request_with_a_server_error(world, part):
    users = world["users"]
    walk = Walk([Visitor(None if role == "anonymous" else users[role]) for role in ROLES])
    every = every_route(world["agency"])
    assert len(every) > 250  # the resolver was walked, admin sites and API included
    routes = [route for route in every if part_of(route, world["agency"]) == part]
    for route in routes:
        values = valid_values(world, route)
        unknown = set(re.findall(r"{(\w+)}", route)) - set(values)
        assert not unknown, f"{route}: give {unknown} a valid value in valid_values()"
        walk.route(route, values)
    assert not walk.failures, f"{len(walk.failures)} of {walk.sent}:\n" + "\n".join(walk.failures)
