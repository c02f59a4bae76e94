"""Browser journey at the portrait touch kiosk (1080x1920): the choices fill the screen, the
most used services come first, the slip words the wait as the phone does, and no paper
setting is offered to citizens."""

from datetime import timedelta

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from common import clock
from counters.models import DailyIssueCount
from services.models import Service
from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)

KIOSK = {"viewport": {"width": 1080, "height": 1920}, "has_touch": True}
NO_PRINTING = "window.print = () => {};"


def assert_choices_fill_the_screen(page, name: str) -> None:
    """Every choice on screen without scrolling, and the last one in the bottom quarter."""
    choices = page.locator(".kiosk-choice")
    boxes = [choices.nth(i).bounding_box() for i in range(choices.count())]
    assert boxes, name
    assert max(box["y"] + box["height"] for box in boxes) > 0.75 * 1920, (name, boxes[-1])
    assert max(box["y"] + box["height"] for box in boxes) <= 1920, (name, boxes[-1])
    assert page.evaluate("document.documentElement.scrollHeight") <= 1920, name
    screenshot(page, f"kiosk-portrait-{name}")


@pytest.fixture
def usage(expo):
    """Last month at this location: Surat Pindah most used, then KK; an older rush of
    Akta Kematian is past the window."""
    today = clock.today()
    issued = {
        ("surat-pindah", 1): 60,
        ("surat-pindah", 20): 40,
        ("kartu-keluarga", 3): 70,
        ("akta-kematian", 45): 500,
    }
    with scopes_disabled():
        for (slug, days_ago), count in issued.items():
            DailyIssueCount.objects.create(
                service=Service.objects.get(agency=expo.agency, slug=slug),
                location=expo.location,
                day=today - timedelta(days=days_ago),
                issued=count,
            )


def test_a_portrait_kiosk_fills_the_screen_and_lists_the_most_used_services_first(
    new_page, expo, kiosk_network, usage
):
    page = new_page(**KIOSK)
    page.add_init_script(NO_PRINTING)
    page.goto(f"/antrian/ambil/{expo.location.slug}/")
    page.get_by_role("heading", name="Ambil nomor antrian").wait_for()
    assert_choices_fill_the_screen(page, "agencies")

    page.get_by_role("link", name=expo.agency.short_name).first.tap()
    page.get_by_role("heading", name=expo.agency.short_name).wait_for()
    services = page.locator(".kiosk-grid > li")
    expect(services.nth(0)).to_contain_text("Surat Keterangan Pindah")
    expect(services.nth(1)).to_contain_text("Kartu Keluarga")
    expect(services.nth(2)).to_contain_text("KTP-el")
    assert_choices_fill_the_screen(page, "services")

    services.nth(1).get_by_role("link").tap()
    question = page.get_by_role("group", name="Apakah Anda termasuk pengunjung prioritas?")
    question.get_by_role("button", name="Tidak, ambil nomor").wait_for()
    assert_choices_fill_the_screen(page, "priority")
    page.get_by_role("button", name="Tidak, ambil nomor").tap()

    slip = page.get_by_role("region", name="Nomor antrian")
    expect(slip).to_contain_text("Perkiraan tunggu")
    expect(slip).to_contain_text("sebentar lagi")
    expect(slip).not_to_contain_text("menit")
    expect(page.get_by_text("Kertas")).to_have_count(0)
    expect(page.get_by_role("link", name="58 mm")).to_have_count(0)
    box = slip.bounding_box()
    assert box["height"] > 0.5 * 1920, box
    screenshot(page, "kiosk-portrait-slip")
