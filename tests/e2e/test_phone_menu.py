"""On a phone the menu and the showcase's filters open and close with their buttons, without
Bootstrap's script (static/js/collapse.js)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_phone_menu_opens_and_closes_with_its_button(phone_page):
    phone_page.goto("/")
    toggle = phone_page.get_by_role("button", name="Buka menu")
    menu = phone_page.get_by_role("navigation", name="Navigasi utama")
    expect(menu.get_by_role("link", name="UMKM")).to_be_hidden()
    assert not any(
        "bootstrap" in script
        for script in phone_page.evaluate("[...document.scripts].map(s => s.src)")
    )

    toggle.click()
    expect(menu.get_by_role("link", name="UMKM")).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")

    toggle.click()
    expect(menu.get_by_role("link", name="UMKM")).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")


def test_the_showcase_filters_open_with_their_button_on_a_phone(phone_page):
    phone_page.goto("/umkm/")
    toggle = phone_page.get_by_role("button", name="Saring dan cari produk")
    expect(phone_page.locator("#saringan")).to_be_hidden()
    toggle.click()
    expect(phone_page.locator("#saringan")).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
