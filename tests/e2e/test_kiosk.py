"""Browser journey: the touch kiosk checks in a booking and prints a priority walk-in ticket."""

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from counters.models import Booking, Ticket
from tests.e2e.conftest import assert_accessible, book_first_slot, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

KIOSK = {"viewport": {"width": 1080, "height": 1920}, "has_touch": True}
# Count the slips the page prints (the kiosk PC prints silently; headless Chromium has no printer).
COUNT_PRINTS = "window.__prints = 0; window.print = () => { window.__prints += 1; };"


def test_kiosk_checks_in_a_booking_and_issues_a_priority_walk_in_ticket(
    new_page, expo, kiosk_network
):
    booking = book_first_slot(expo)
    page = new_page(**KIOSK)
    page.add_init_script(COUNT_PRINTS)

    page.goto("/antrian/ambil/")
    assert_accessible(page)
    if page.get_by_role("heading", name="Pilih lokasi").count():
        page.get_by_role("link", name=expo.location.name).tap()
    page.get_by_role("heading", name="Ambil nomor antrian").wait_for()
    screenshot(page, "kiosk-agencies")
    assert_accessible(page)
    page.get_by_role("link", name="Punya reservasi daring?").tap()
    page.get_by_role("heading", name="Check-in reservasi").wait_for()
    assert_accessible(page)
    page.get_by_label("Kode reservasi").fill(booking.code.lower())
    page.get_by_role("button", name="Check-in").tap()

    slip = page.locator(".queue-slip")
    slip.wait_for()
    expect(page.locator(".slip-agency")).to_contain_text("Penerbitan Akta Kelahiran")
    page.wait_for_function("() => window.__prints === 1")
    screenshot(page, "kiosk-booking-slip")
    assert_accessible(page)
    with scopes_disabled():
        booking = Booking.objects.select_related("ticket").get(pk=booking.pk)
        assert booking.status == Booking.Status.CHECKED_IN
        assert booking.ticket.source == Ticket.Source.BOOKING

    page.get_by_role("link", name="Selesai").tap()
    page.get_by_role("link", name=expo.agency.short_name).first.tap()
    page.get_by_role("heading", name=expo.agency.short_name).wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Penerbitan Kartu Keluarga").tap()
    page.get_by_role("heading", name="Penerbitan Kartu Keluarga").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Lansia").tap()

    expect(page.locator(".slip-priority")).to_contain_text("Lansia")
    number = page.locator(".slip-number").inner_text().split()[-1]
    with scopes_disabled():
        ticket = Ticket.objects.exclude(source=Ticket.Source.BOOKING).get()
    assert (ticket.display_number, ticket.priority, ticket.status) == (number, "lansia", "waiting")
