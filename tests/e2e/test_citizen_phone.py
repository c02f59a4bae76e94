"""Browser journeys of a citizen on a small phone (360×740): Back after a search, booking
from a service page, answers in view without scrolling, a called ticket, a cancelled booking
and touch targets."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

SMALL_PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 1,
    "has_touch": True,
}


def assert_whole_catalog_page(page) -> None:
    expect(page.get_by_role("banner")).to_be_visible()
    expect(page.get_by_role("searchbox", name="Cari layanan")).to_be_visible()
    expect(page.get_by_role("heading", name="Layanan dan persyaratan")).to_be_visible()


def test_back_and_forward_after_a_search_show_the_whole_catalog_page(new_page, expo):
    page = new_page(**SMALL_PHONE)
    page.goto("/layanan/")
    page.get_by_role("searchbox", name="Cari layanan").fill("akta kelahiran")
    result = page.get_by_role("link", name="Penerbitan Akta Kelahiran")
    result.wait_for()
    expect(page).to_have_url(re.compile(r"/layanan/\?q=akta(\+|%20)kelahiran$"))
    result.click()
    page.get_by_role("heading", name="Persyaratan").wait_for()

    page.go_back()
    expect(page).to_have_url(re.compile(r"/layanan/\?q=akta(\+|%20)kelahiran$"))
    assert_whole_catalog_page(page)
    expect(page.get_by_role("link", name="Penerbitan Akta Kelahiran")).to_be_visible()
    page.go_back()
    assert_whole_catalog_page(page)
    page.go_forward()
    expect(page).to_have_url(re.compile(r"/layanan/\?q=akta(\+|%20)kelahiran$"))
    assert_whole_catalog_page(page)
