"""The one shared-page decorator: a page is rendered once for every visitor, and never
carries one visitor's message, CSRF token or name to another."""

import re
import threading
import time

import pytest
from django.core.cache import cache
from django.test import Client

from common.caching import shared_value
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


def test_a_value_asked_for_by_many_threads_at_once_is_built_once():
    """A new queue version: every board and phone asks for it in the same instant."""
    count = 8
    barrier = threading.Barrier(count, timeout=30)
    builds, values = [], []

    def build():
        builds.append(1)
        time.sleep(0.3)
        return b"papan"

    def ask():
        barrier.wait()
        values.append(shared_value("uji:papan:v1", build, 60))

    threads = [threading.Thread(target=ask) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert values == [b"papan"] * count
    assert len(builds) == 1


def test_an_encoded_value_is_kept_by_the_process_and_others_come_from_the_shared_cache():
    def never():
        raise AssertionError("built again")

    assert shared_value("uji:halaman:v1", lambda: b"<p>halaman</p>", 60) == b"<p>halaman</p>"
    cache.delete("uji:halaman:v1")
    assert shared_value("uji:halaman:v1", never, 60) == b"<p>halaman</p>"

    assert shared_value("uji:status:v1", lambda: {"menunggu": 3}, 60) == {"menunggu": 3}
    assert cache.get("uji:status:v1") == {"menunggu": 3}
    assert shared_value("uji:status:v1", never, 60) == {"menunggu": 3}


def test_a_value_built_as_none_is_not_shared():
    assert shared_value("uji:kosong:v1", lambda: None, 60) is None
    assert shared_value("uji:kosong:v1", lambda: b"ada", 60) == b"ada"


def test_a_process_keeps_its_copy_no_longer_than_the_shared_cache_keeps_the_value():
    assert shared_value("uji:singkat:v1", lambda: b"lama", 1) == b"lama"
    time.sleep(1.2)
    assert shared_value("uji:singkat:v1", lambda: b"baru", 1) == b"baru"
