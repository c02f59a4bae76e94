"""How often one may try: a complaint number locked for the day after 10 wrong secrets
(the page and the API count together), look-ups per address, and filing per address and
per account."""

import pytest
from django_scopes import scopes_disabled

from complaints import services as complaints
from complaints.models import Complaint
from tests.complaints.conftest import form_data, post_complaint
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed(slow):
    with scopes_disabled():
        return complaints.complaint_submit(
            category=slow, subject="a", description="b", identity="anonymous"
        )


def lookup(client, code, secret, address="10.0.0.1"):
    return client.post(
        "/api/v1/complaints/lookup",
        {"code": code, "secret": secret},
        content_type="application/json",
        REMOTE_ADDR=address,
    )


def test_ten_wrong_secrets_lock_the_number_for_the_day_even_for_the_right_one(client, filed):
    complaint, secret = filed
    for attempt in range(5):
        assert lookup(client, complaint.code, "SALAH", f"10.0.0.{attempt}").status_code == 404
    for attempt in range(5):
        page = client.post(
            f"/pengaduan/{complaint.code}/", {"secret": "SALAH"}, REMOTE_ADDR=f"10.0.1.{attempt}"
        )
        assert page.status_code == 404
    locked = lookup(client, complaint.code, secret, "10.0.2.1")
    assert locked.status_code == 429 and locked.json()["code"] == "throttled"
    page = client.post(f"/pengaduan/{complaint.code}/", {"secret": secret}, REMOTE_ADDR="10.0.2.2")
    assert page.status_code == 429 and "coba lagi besok" in page.content.decode()


def test_right_secrets_do_not_lock_a_number(client, filed):
    complaint, secret = filed
    for attempt in range(15):
        assert lookup(client, complaint.code, secret, f"10.0.3.{attempt}").status_code == 200


def test_look_ups_are_limited_per_address(client, filed, settings):
    settings.COMPLAINT_LOOKUP_LIMITS = {"address": 3, "code": 10}
    complaint, secret = filed
    for _ in range(3):
        assert lookup(client, complaint.code, secret).status_code == 200
    assert lookup(client, complaint.code, secret).status_code == 429
    assert lookup(client, complaint.code, secret, "10.9.9.9").status_code == 200


def test_filing_is_limited_per_address(client, slow, settings):
    settings.PUBLIC_WRITE_LIMITS = {
        **settings.PUBLIC_WRITE_LIMITS,
        "complaints:intake": (2, 3600),
        "api-1:complaint_create": (2, 3600),
    }
    for _ in range(2):
        assert post_complaint(client, slow).status_code == 302
    refused = post_complaint(client, slow)
    assert refused.status_code == 429
    body = {"category": "lainnya", "subject": "a", "description": "b", "identity": "anonymous"}
    for expected in (201, 201, 429):
        response = client.post("/api/v1/complaints", body, content_type="application/json")
        assert response.status_code == expected
    with scopes_disabled():
        assert Complaint.objects.count() == 4


def test_filing_is_limited_per_account_whatever_the_address(client, slow, settings):
    settings.PUBLIC_WRITE_LIMITS = {**settings.PUBLIC_WRITE_LIMITS, "complaints:intake": (2, 3600)}
    client.force_login(UserFactory(username="warga"))
    for address in ("10.1.0.1", "10.1.0.2"):
        assert client.post("/pengaduan/", form_data(slow), REMOTE_ADDR=address).status_code == 302
    refused = client.post("/pengaduan/", form_data(slow), REMOTE_ADDR="10.1.0.3")
    assert refused.status_code == 429
