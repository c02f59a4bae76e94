"""API tokens: the issue_token command and bearer authentication."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from services.models import ApiToken, hash_token

pytestmark = pytest.mark.django_db


def issue(*args) -> str:
    out = StringIO()
    call_command("issue_token", *args, stdout=out)
    return out.getvalue().strip()


def me(client, token):
    return client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})


def test_issue_token_prints_the_token_once_and_stores_only_its_hash(operator_a):
    raw = issue("--user", operator_a.username)
    stored = ApiToken.objects.get()
    assert stored.key_hash == hash_token(raw)
    assert raw not in {stored.key_hash, stored.name, stored.prefix}
    assert stored.user == operator_a


def test_user_token_acts_as_that_user_with_their_agency_roles(client, operator_a, agency_a):
    raw = issue("--user", operator_a.username)
    response = me(client, raw)
    assert response.status_code == 200
    assert response.json() == {
        "user": operator_a.username,
        "kiosk_location": None,
        "mall_admin": False,
        "agencies": [{"agency": agency_a.slug, "role": "operator"}],
    }


def test_kiosk_token_acts_as_its_kiosk(client, location):
    raw = issue("--kiosk", location.slug)
    body = me(client, raw).json()
    assert body["kiosk_location"] == location.slug
    assert body["user"] is None


def test_wrong_token_is_401_with_the_error_format(client, operator_a):
    issue("--user", operator_a.username)
    response = me(client, "mpp_not-a-real-token")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert "detail" in response.json()


def test_missing_token_is_401(client):
    assert client.get("/api/v1/me").status_code == 401


def test_revoked_token_no_longer_works(client, operator_a):
    raw = issue("--user", operator_a.username)
    assert me(client, raw).status_code == 200
    assert issue("--user", operator_a.username, "--revoke") == "1 token dicabut."
    assert me(client, raw).status_code == 401


def test_token_of_a_deactivated_user_is_refused(client, operator_a):
    raw = issue("--user", operator_a.username)
    operator_a.is_active = False
    operator_a.save()
    assert me(client, raw).status_code == 401


def test_token_of_another_agency_member_shows_only_their_agency(client, operator_b, agency_b):
    raw = issue("--user", operator_b.username)
    assert me(client, raw).json()["agencies"] == [{"agency": agency_b.slug, "role": "operator"}]


def test_staff_session_is_accepted_instead_of_a_token(client, admin_a):
    client.force_login(admin_a)
    assert client.get("/api/v1/me").json()["user"] == admin_a.username


def test_issue_token_for_unknown_user_or_location_fails_clearly(db):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        issue("--user", "siapa")
    with pytest.raises(CommandError, match="tidak ditemukan"):
        issue("--kiosk", "tidak-ada")


def test_revoking_in_the_mall_admin_stops_a_token_in_use_at_once(client, operator_a, mall_admin):
    raw = issue("--user", operator_a.username)
    assert me(client, raw).status_code == 200  # now looked up from the cache
    token = ApiToken.objects.get(user=operator_a)
    admin = Client()
    admin.force_login(mall_admin)
    admin.post("/admin/services/apitoken/", {"action": "revoke", "_selected_action": [token.pk]})
    assert me(client, raw).status_code == 401
