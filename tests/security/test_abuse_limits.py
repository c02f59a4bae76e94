"""Abuse limits on every public write: 429 with a clear message, nothing changed, never 500."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from counters.models import Ticket
from mpp.throttle import over_limit
from services.models import ApiToken, Location, hash_token
from tests.counters.conftest import service_a  # noqa: F401 — fixture
from tests.factories import BusinessFactory, UserFactory
from tests.security.test_permission_matrix import url_names
from tests.umkm.test_owner_portal import REGISTRATION

pytestmark = pytest.mark.django_db
HOME = {"REMOTE_ADDR": "198.51.100.20"}
NEIGHBOUR = {"REMOTE_ADDR": "198.51.100.21"}


def test_every_limited_view_exists(settings):
    assert set(settings.PUBLIC_WRITE_LIMITS) <= url_names()


def test_the_window_counts_each_address_separately():
    rule = {"rule": "uji", "limit": 2, "window_seconds": 60}
    assert [over_limit(identity="a", **rule) for _ in range(3)] == [False, False, True]
    assert over_limit(identity="b", **rule) is False


def test_umkm_registration_past_the_limit_is_429_and_creates_no_account(client, settings):
    settings.PUBLIC_WRITE_LIMITS = {"umkm:register": (1, 3600)}
    bad = {**REGISTRATION, "whatsapp": "12345"}
    assert client.post("/umkm/akun/daftar/", bad, **HOME).status_code == 200

    response = client.post("/umkm/akun/daftar/", REGISTRATION, **HOME)

    assert response.status_code == 429
    assert "Terlalu banyak permintaan" in response.content.decode()
    assert response["Retry-After"] == "3600"
    assert not get_user_model().objects.filter(username=REGISTRATION["username"]).exists()
    assert client.post("/umkm/akun/daftar/", REGISTRATION, **NEIGHBOUR).status_code == 302


def test_kiosk_tickets_past_the_limit_are_refused_without_a_number(client, settings, service_a):  # noqa: F811
    settings.PUBLIC_WRITE_LIMITS = {"counters:kiosk_priority": (2, 600)}
    url = f"/antrian/ambil/{service_a.locations.get().slug}/instansi-a/ktp-el/"
    statuses = [client.post(url, {"priority": ""}).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    with scopes_disabled():
        assert Ticket.objects.count() == 2


def test_signed_in_staff_are_not_limited(client, settings, service_a, operator_a):  # noqa: F811
    settings.PUBLIC_WRITE_LIMITS = {"counters:kiosk_priority": (0, 600)}
    client.force_login(operator_a)
    url = f"/antrian/ambil/{service_a.locations.get().slug}/instansi-a/ktp-el/"
    assert client.post(url, {"priority": ""}).status_code == 302


def test_api_limit_answers_in_the_api_error_format(client, settings):
    settings.PUBLIC_WRITE_LIMITS = {"api-1:booking_create_endpoint": (0, 600)}
    response = client.post("/api/v1/bookings", "{}", content_type="application/json")
    assert response.status_code == 429
    body = json.loads(response.content)
    assert body["code"] == "throttled"
    assert "Terlalu banyak permintaan" in body["detail"]


def test_the_english_page_says_it_in_english(client, settings):
    settings.PUBLIC_WRITE_LIMITS = {"booking:create": (0, 600)}
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = reverse("booking:create", args=["instansi-a", "ktp-el"])
    response = client.post(url, {})
    assert response.status_code == 429
    assert 'lang="en"' in response.content.decode()


def booking_post(client, **extra):
    url = reverse("booking:create", args=["instansi-a", "ktp-el"])
    return client.post(url, {}, **extra).status_code


def test_a_signed_in_umkm_owner_is_limited_per_account_from_any_address(client, settings, db):
    """Registering a UMKM business gives anyone an account: it is no pass."""
    settings.PUBLIC_WRITE_LIMITS = {"booking:create": (2, 600)}
    owner = BusinessFactory(owner=UserFactory(username="pemilik")).owner
    client.force_login(owner)
    statuses = [booking_post(client, REMOTE_ADDR=f"198.51.100.{n}") for n in range(1, 4)]
    assert 429 not in statuses[:2] and statuses[2] == 429


def test_accounts_on_one_address_share_its_limit(settings, db):
    settings.PUBLIC_WRITE_LIMITS = {"booking:create": (2, 600)}
    statuses = []
    for n in range(3):
        browser = Client()
        browser.force_login(UserFactory(username=f"akun-{n}"))
        statuses.append(booking_post(browser, **HOME))
    assert statuses[2] == 429 and 429 not in statuses[:2]
    assert booking_post(Client(), **NEIGHBOUR) != 429


def api_token(**owner) -> str:
    raw = ApiToken.generate()
    ApiToken.objects.create(name="uji", key_hash=hash_token(raw), prefix=raw[:8], **owner)
    return raw


def api_post(client, token) -> int:
    return client.post(
        "/api/v1/bookings",
        "{}",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    ).status_code


def test_staff_are_exempt_by_session_and_by_api_token_but_kiosk_tokens_are_not(
    client, settings, world
):
    """Staff work from the mall's few addresses, by name; a kiosk is a public device."""
    settings.PUBLIC_WRITE_LIMITS = {
        "api-1:booking_create_endpoint": (0, 600),
        "booking:create": (0, 600),
    }
    assert api_post(client, api_token(user=world["users"]["operator_a"])) == 422
    location = Location.objects.get(slug=world["location"])
    assert api_post(client, api_token(kiosk_location=location)) == 429
    assert api_post(client, "bukan-token") == 429
    for role in ("operator_a", "admin_a", "mall"):
        client.force_login(world["users"][role])
        assert booking_post(client) != 429
