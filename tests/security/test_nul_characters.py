"""A NUL character anywhere a view reads text is refused with a 400, before the session
or the database sees it."""

import pytest
from django.test import Client

from tests.factories import UserFactory

API_PATHS = [
    ("get", "/api/v1/tickets/%00"),
    ("get", "/api/v1/services/%00/x"),
    ("post", "/api/v1/bookings/%00/cancel"),
]
PAGE_PATHS = ["/antrian/tiket/%00/", "/antrian/ambil/tiket/%00/", "/antrian/tiket/%00/survei/"]


def assert_api_refusal(response):
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
    assert set(response.json()) == {"detail", "code"}


def assert_page_refusal(response):
    assert response.status_code == 400
    assert "Permintaan tidak dapat diproses" in response.content.decode()


@pytest.mark.parametrize(("method", "path"), API_PATHS)
def test_a_nul_in_an_api_path_is_a_400_in_the_error_format(client, db, method, path):
    assert_api_refusal(getattr(client, method)(path))


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_a_nul_in_a_page_path_is_the_indonesian_400_page(client, db, path):
    assert_page_refusal(client.get(path))


def test_a_nul_in_the_session_cookie_is_refused(db):
    client = Client()
    client.cookies.load('sessionid="abc\\000"')
    assert client.cookies["sessionid"].value == "abc\x00"
    assert_page_refusal(client.get("/"))
    assert_api_refusal(client.get("/api/v1/me"))


def test_a_nul_in_a_header_is_refused(client, db):
    assert_page_refusal(client.get("/", HTTP_USER_AGENT="x\x00"))


@pytest.mark.parametrize("content_type", ["text/plain", ""])
def test_json_with_a_nul_is_refused_whatever_its_content_type(client, db, content_type):
    for body in ('{"name": "a\\u0000"}', '{"name": "a\x00"}'):
        assert_api_refusal(client.post("/api/v1/bookings", body, content_type=content_type))


def test_query_strings_and_form_fields_with_a_nul_are_refused(client, db):
    assert_api_refusal(client.get("/api/v1/services", {"kategori": "ktp\x00"}))
    assert_page_refusal(client.get("/layanan/", {"q": "\x00"}))
    encoded = "application/x-www-form-urlencoded"
    assert_page_refusal(client.post("/umkm/akun/daftar/", "owner_name=Siti%00", encoded))


def test_multipart_fields_with_a_nul_on_the_console_are_refused(client, world):
    client.force_login(world["users"]["operator_a"])
    response = client.post(f"/loket/{world['counter']}/cancel/", {"reason": "x\x00y"})
    assert_page_refusal(response)


def test_a_multipart_body_without_boundary_is_a_400(client, db):
    client.force_login(UserFactory())
    response = client.post("/umkm/akun/daftar/", b"x", content_type="multipart/form-data")
    assert response.status_code == 400
