"""Login throttling: ten failures lock the account and the address on every login page."""

from io import StringIO

import pytest
from django.core.management import call_command

from mpp.tenancy import agency_admin_reverse
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def fail_logins(client, url, username, times=10):
    for _ in range(times):
        client.post(url, {"username": username, "password": "salah-sandi"})


@pytest.mark.parametrize("page", ["portal", "mall", "agency"])
def test_ten_failures_lock_out_even_the_right_password(client, operator_a, agency_a, page):
    url = {
        "portal": "/akun/masuk/",
        "mall": "/admin/login/",
        "agency": agency_admin_reverse(agency_a.slug, "agency_admin:login"),
    }[page]
    fail_logins(client, url, operator_a.username)
    response = client.post(url, {"username": operator_a.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "dikunci sementara" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_nine_failures_still_let_the_right_password_in(client, operator_a):
    fail_logins(client, "/akun/masuk/", operator_a.username, times=9)
    response = client.post("/akun/masuk/", {"username": operator_a.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(operator_a.pk)


def test_unlock_command_lets_the_user_in_again(client, operator_a):
    fail_logins(client, "/akun/masuk/", operator_a.username)
    call_command("axes_reset_username", operator_a.username, stdout=StringIO())
    call_command("axes_reset_ip", "127.0.0.1", stdout=StringIO())
    response = client.post("/akun/masuk/", {"username": operator_a.username, "password": PASSWORD})
    assert response.status_code == 302
