"""The site shell: home page, health check and API schema answer."""

from contextlib import closing

import psycopg
import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_home_page_tells_citizens_where_to_start(client, agency_a):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Mal Pelayanan Publik" in body
    assert agency_a.name in body
    assert 'href="#konten"' in body


def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_openapi_schema_is_published(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/agencies" in response.json()["paths"]


def test_language_link_switches_to_english_and_back(client, db):
    response = client.get("/bahasa/en/?next=/layanan/")
    assert response.status_code == 302
    assert response["Location"] == "/layanan/"
    assert client.cookies["django_language"].value == "en"
    assert client.get("/").content.decode().startswith("<!doctype html>")
    assert '<html lang="en">' in client.get("/").content.decode()
    client.get("/bahasa/id/")
    assert '<html lang="id">' in client.get("/").content.decode()


def test_language_link_refuses_foreign_redirects_and_unknown_languages(client, db):
    assert client.get("/bahasa/en/?next=https://contoh.invalid/").headers["Location"] == "/"
    assert client.get("/bahasa/xx/").status_code == 404


@pytest.mark.parametrize("target", ["abc", "home", "layanan", "./x", "//contoh.invalid/"])
def test_language_link_sends_anything_but_a_local_path_home(client, db, target):
    response = client.get("/bahasa/en/", {"next": target})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize(
    ("path", "active"),
    [("/layanan/dukcapil/", "Layanan"), ("/antrian/tiket/abc/", "Antrian"), ("/", None)],
)
def test_navigation_marks_only_the_current_section(client, db, path, active):
    from django.test import RequestFactory
    from django.utils import translation

    from mpp.context_processors import site

    with translation.override("id"):
        items = site(RequestFactory().get(path))["nav_items"]
        shown = [str(item["label"]) for item in items if item["active"]]
    assert shown == ([active] if active else [])


@pytest.mark.parametrize(
    ("path", "status", "text"),
    [
        ("/tidak-ada/", 404, "Halaman tidak ditemukan"),
    ],
)
def test_error_pages_speak_indonesian(client, db, settings, path, status, text):
    settings.DEBUG = False
    response = client.get(path)
    assert response.status_code == status
    assert text in response.content.decode()


def test_a_database_failure_in_a_view_is_a_503_asking_to_try_again(
    client, transactional_db, settings
):
    """The server really drops this process's connection (as in a restart) before the
    request: the page and the API ask to try again instead of failing."""
    settings.DEBUG = False
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    with closing(psycopg.connect(**connection.get_connection_params())) as other:
        other.cursor().execute("SELECT pg_terminate_backend(%s)", [pid])
    try:
        page = client.get("/layanan/", {"q": "akta kelahiran"})
        api = client.get("/api/v1/services", {"q": "akta kelahiran"})
    finally:
        connection.close()
    assert page.status_code == 503 and "Silakan coba lagi sebentar" in page.content.decode()
    assert page["Retry-After"] == "10"
    assert api.status_code == 503 and api.json()["code"] == "unavailable"
