"""Browser journeys: a citizen finds Akta Kelahiran and books a slot, by touch and by keyboard."""

import re

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from counters.models import Booking
from tests.e2e.conftest import PHONE, assert_accessible, screenshot, tab_to

pytestmark = pytest.mark.django_db(transaction=True)

NIK = "6408014506900003"


def test_citizen_finds_akta_kelahiran_reads_the_requirements_and_books_a_slot(new_page, expo):
    page = new_page(**PHONE)
    page.goto("/layanan/")
    page.get_by_label("Cari layanan").fill("akte kelahiran")
    page.get_by_label("Cari layanan").press("Enter")
    result = page.get_by_role("link", name="Penerbitan Akta Kelahiran").first
    result.wait_for()
    screenshot(page, "catalog-search-phone")
    assert_accessible(page)
    result.click()

    page.get_by_role("heading", name="Persyaratan").wait_for()
    expect(page.get_by_text("Surat keterangan kelahiran", exact=False).first).to_be_visible()
    screenshot(page, "service-phone")
    assert_accessible(page)
    page.get_by_role("link", name="Buat reservasi").click()

    # Straight to this service's calendar, not to the list of every bookable service.
    page.get_by_role("heading", name="Pilih hari").wait_for()
    expect(page.get_by_role("heading", name="Penerbitan Akta Kelahiran", level=1)).to_be_visible()
    screenshot(page, "booking-calendar-phone")
    assert_accessible(page)
    page.locator("a.booking-slot").first.click()

    page.get_by_role("heading", name="Data pemohon").wait_for()
    page.get_by_label("Nama lengkap").fill("Siti Aminah")
    page.get_by_label("NIK (Nomor Induk Kependudukan)").fill(NIK)
    page.get_by_label("Nomor ponsel").fill("0812 3456 7890")
    page.get_by_label(re.compile("Saya setuju data pribadi")).check()
    assert_accessible(page)
    page.get_by_role("button", name="Pesan jadwal").click()

    page.get_by_role("heading", name="Reservasi Anda").wait_for()
    code = page.locator(".booking-code").inner_text().strip()
    expect(page.locator(".booking-qr svg")).to_be_visible()
    screenshot(page, "booking-confirmation-phone")
    assert_accessible(page)
    with scopes_disabled():
        booking = Booking.objects.get(code=code)
    assert (booking.service, booking.name) == (expo.service, "Siti Aminah")
    assert booking.status == Booking.Status.BOOKED


def test_citizen_books_a_slot_with_the_keyboard_only(new_page, expo):
    page = new_page(**PHONE)
    page.goto("/reservasi/")
    tab_to(page, page.get_by_role("link", name="Penerbitan Akta Kelahiran"))
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Pilih hari").wait_for()
    tab_to(page, page.locator("a.booking-slot").first)
    page.keyboard.press("Enter")

    page.get_by_role("heading", name="Data pemohon").wait_for()
    for label, text in [
        ("Nama lengkap", "Rahmat Hidayat"),
        ("NIK (Nomor Induk Kependudukan)", "6408011203850001"),
        ("Nomor ponsel", "081350001234"),
    ]:
        tab_to(page, page.get_by_label(label))
        page.keyboard.type(text)
    consent = page.get_by_label(re.compile("Saya setuju data pribadi"))
    tab_to(page, consent)
    page.keyboard.press("Space")
    expect(consent).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Pesan jadwal"))
    page.keyboard.press("Enter")

    page.get_by_role("heading", name="Reservasi Anda").wait_for()
    code = page.locator(".booking-code").inner_text().strip()
    with scopes_disabled():
        assert Booking.objects.get(code=code).name == "Rahmat Hidayat"
