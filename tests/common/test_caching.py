"""The one shared-page decorator: a page is rendered once for every visitor, and never
carries one visitor's message, CSRF token or name to another."""

import re

import pytest
from django.test import Client

from tests.common import pages
from tests.security.conftest import world  # noqa: F401 — fixture

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def fresh_renders():
    pages.renders.clear()


@pytest.mark.urls("tests.common.pages")
def test_a_page_with_nothing_personal_is_rendered_once_and_shared():
    first, second = Client().get("/uji/polos/"), Client().get("/uji/polos/")
    assert first.content == second.content
    assert pages.renders == ["polos"]


@pytest.mark.urls("tests.common.pages")
def test_a_signed_in_users_page_is_neither_taken_from_nor_put_in_the_cache(operator_a):
    Client().get("/uji/polos/")
    staff = Client()
    staff.force_login(operator_a)
    assert operator_a.username in staff.get("/uji/polos/").content.decode()
    assert operator_a.username not in Client().get("/uji/polos/").content.decode()


@pytest.mark.urls("tests.common.pages")
def test_no_visitor_gets_another_visitors_csrf_token():
    first, second = Client(), Client()
    first_token = TOKEN.search(first.get("/uji/formulir/").content.decode())[1]
    answer = second.get("/uji/formulir/")
    assert TOKEN.search(answer.content.decode())[1] != first_token
    assert "csrftoken" in answer.cookies
    assert pages.renders == ["formulir", "formulir"]


@pytest.mark.urls("tests.common.pages")
def test_a_message_added_while_rendering_stays_with_its_visitor():
    assert pages.MESSAGE in Client().get("/uji/polos/", headers={"X-Pesan": "1"}).content.decode()
    assert pages.MESSAGE not in Client().get("/uji/polos/").content.decode()


@pytest.mark.urls("tests.common.pages")
def test_a_pending_message_stays_with_its_visitor():
    Client().get("/uji/polos/")
    visitor = Client()
    assert visitor.get("/uji/pesan/").status_code == 302
    assert pages.MESSAGE in visitor.get("/uji/polos/").content.decode()
    assert pages.MESSAGE not in Client().get("/uji/polos/").content.decode()


PUBLIC_PAGES = [
    "/layanan/",
    "/layanan/{agency}/",
    "/layanan/{agency}/{service}/",
    "/umkm/",
    "/umkm/{business}/",
    "/umkm/{business}/{product}/",
    "/antrian/tiket/{ticket}/",
]
BOOKING_REFUSED = "Sesi itu tidak bisa dipesan lagi"


@pytest.mark.parametrize("template", PUBLIC_PAGES)
def test_no_cached_public_page_serves_a_visitors_message_to_others(world, template):  # noqa: F811
    """The visitor tried a slot that was gone: the message waits for their next page,
    whichever it is, and only for them."""
    url = template.format(**world)
    visitor = Client()
    refused = f"/reservasi/{world['agency']}/{world['service']}/pesan/"
    assert visitor.get(refused, {"lokasi": world["location"], "mulai": "x"}).status_code == 302
    own = visitor.get(url)
    assert own.status_code == 200 and BOOKING_REFUSED in own.content.decode()
    for _ in range(2):
        assert BOOKING_REFUSED not in Client().get(url).content.decode()
