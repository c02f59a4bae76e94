"""Abuse limits on every public write: 429 with a clear message, nothing changed, never 500."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_scopes import scopes_disabled

from counters.models import Ticket
from mpp.throttle import over_limit
from tests.counters.conftest import service_a  # noqa: F401 — fixture
from tests.security.test_permission_matrix import url_names
from tests.umkm.test_owner_portal import REGISTRATION

pytestmark = pytest.mark.django_db
HOME = {"REMOTE_ADDR": "198.51.100.20"}
NEIGHBOUR = {"REMOTE_ADDR": "198.51.100.21"}


def test_every_limited_view_exists(settings):
    assert set(settings.PUBLIC_WRITE_LIMITS) <= url_names()


def test_the_window_counts_each_address_separately():
    rule = {"rule": "uji", "limit": 2, "window_seconds": 60}
    assert [over_limit(address="a", **rule) for _ in range(3)] == [False, False, True]
    assert over_limit(address="b", **rule) is False


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
