"""Browser journeys of a citizen on a small phone (360×740): Back after a search, booking
from a service page, answers in view without scrolling, a called ticket, a cancelled booking,
touch targets, and a walk-in's WhatsApp notifications turned on and off."""

import re

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from counters.models import Booking
from counters.queue.services import (
    counter_open,
    ticket_call_next,
    ticket_finish,
    ticket_issue,
    ticket_start,
)
from notifications.models import Consent, Message
from tests.e2e.conftest import book_first_slot
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db(transaction=True)

SMALL_PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 1,
    "has_touch": True,
}


def results(page):
    return page.get_by_role("region", name=re.compile("layanan ditemukan"))


def assert_whole_catalog_page(page) -> None:
    expect(page.get_by_role("banner")).to_be_visible()
    expect(page.get_by_role("searchbox", name="Cari layanan")).to_be_visible()
    expect(page.get_by_role("heading", name="Layanan dan persyaratan")).to_be_visible()


def test_back_and_forward_after_a_search_show_the_whole_catalog_page(new_page, expo):
    page = new_page(**SMALL_PHONE)
    page.goto("/layanan/")
    page.get_by_role("searchbox", name="Cari layanan").fill("akta kelahiran")
    result = results(page).get_by_role("link", name="Penerbitan Akta Kelahiran")
    result.wait_for()
    expect(page).to_have_url(re.compile(r"/layanan/\?q=akta(\+|%20)kelahiran$"))
    result.click()
    page.get_by_role("heading", name="Persyaratan").wait_for()

    page.go_back()
    expect(page).to_have_url(re.compile(r"/layanan/\?q=akta(\+|%20)kelahiran$"))
    assert_whole_catalog_page(page)
    expect(results(page).get_by_role("link", name="Penerbitan Akta Kelahiran")).to_be_visible()
    page.go_back()
    assert_whole_catalog_page(page)
    page.go_forward()
    expect(page).to_have_url(re.compile(r"/layanan/\?q=akta(\+|%20)kelahiran$"))
    assert_whole_catalog_page(page)


def test_cancelling_a_booking_asks_once_says_what_is_lost_and_shows_the_result(new_page, expo):
    booking = book_first_slot(expo)
    page = new_page(**SMALL_PHONE)
    page.goto(f"/reservasi/{booking.code}/")
    page.get_by_label("NIK").fill("6408014506900003")
    page.get_by_role("button", name="Buka reservasi").click()
    page.get_by_role("heading", name="Reservasi Anda").wait_for()

    page.get_by_role("link", name="Batalkan reservasi").click()
    expect(page.get_by_role("heading", name="Batalkan reservasi?")).to_be_visible()
    start = timezone.localtime(booking.starts_at).strftime("%H.%M")
    expect(page.get_by_role("main")).to_contain_text(
        f"melepas kursi Anda untuk {expo.service.name}"
    )
    expect(page.get_by_role("main")).to_contain_text(f"{start}–")
    with scopes_disabled():
        booking.refresh_from_db()
    assert booking.status == Booking.Status.BOOKED
    page.get_by_role("link", name="Tidak, tetap pertahankan").click()
    expect(page.get_by_role("link", name="Batalkan reservasi")).to_be_visible()

    page.get_by_role("link", name="Batalkan reservasi").click()
    page.get_by_role("button", name="Ya, batalkan reservasi").click()
    expect(page.get_by_role("status")).to_contain_text("Reservasi dibatalkan")
    expect(page.get_by_text("Dibatalkan", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Pesan jadwal baru")).to_be_visible()
    with scopes_disabled():
        booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED


RECORD_VIBRATIONS = """
window.__vibrations = [];
navigator.vibrate = (pattern) => { window.__vibrations.push(pattern); return true; };
"""


def serve_next(expo) -> None:
    with scopes_disabled():
        ticket = ticket_call_next(counter=expo.counter, operator=expo.operator)
        ticket_finish(
            ticket=ticket_start(ticket=ticket, operator=expo.operator), operator=expo.operator
        )


def test_the_phone_vibrates_and_retitles_by_itself_when_near_and_when_called(new_page, expo):
    with scopes_disabled():
        for _ in range(4):
            ticket_issue(service=expo.service, location=expo.location)
        mine = ticket_issue(service=expo.service, location=expo.location)
        counter_open(counter=expo.counter, operator=expo.operator)
    page = new_page(**SMALL_PHONE)
    page.add_init_script(RECORD_VIBRATIONS)
    page.goto(f"/antrian/tiket/{mine.code}/")
    expect(page.locator(".ticket-facts")).to_contain_text("4 orang")
    expect(page).to_have_title(f"Antrian {mine.display_number} — MPP Kutai Timur")
    # An unchanged queue is revalidated with a 304.
    with page.expect_response(lambda response: response.status == 304):
        pass
    assert page.evaluate("window.__vibrations") == []

    serve_next(expo)
    expect(page.locator(".ticket-facts")).to_contain_text("3 orang")
    expect(page).to_have_title(f"Segera giliran Anda: {mine.display_number} — MPP Kutai Timur")
    assert len(page.evaluate("window.__vibrations")) == 1

    for _ in range(3):
        serve_next(expo)
    with scopes_disabled():
        ticket_call_next(counter=expo.counter, operator=expo.operator)
    expect(page.get_by_role("alert")).to_contain_text(f"Silakan menuju loket {expo.counter.number}")
    expect(page).to_have_title(
        f"Dipanggil: {mine.display_number} ke loket {expo.counter.number} — MPP Kutai Timur"
    )
    assert len(page.evaluate("window.__vibrations")) == 2
    expect(page.get_by_role("button", name="Beri tahu saya saat dipanggil")).to_be_visible()


def in_view(page, locator) -> bool:
    """Entirely inside the viewport as it is, without the citizen scrolling."""
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def test_search_results_show_without_scrolling_and_each_search_is_fetched_once(new_page, expo):
    page = new_page(**SMALL_PHONE)
    searches = []
    page.on("request", lambda r: searches.append(r.url) if "q=" in r.url else None)
    page.goto("/layanan/")
    box = page.get_by_role("searchbox", name="Cari layanan")
    box.fill("akta kelahiran")
    first = results(page).get_by_role("link").first
    expect(first).to_have_text("Penerbitan Akta Kelahiran")
    assert page.evaluate("window.scrollY") == 0
    assert in_view(page, first)
    box.press("Enter")
    page.wait_for_timeout(1000)
    assert len(searches) == 1, searches

    box.fill("kartu keluarga")
    box.press("Enter")
    page.wait_for_timeout(1000)
    expect(
        page.get_by_role("heading", name="layanan ditemukan untuk “kartu keluarga”")
    ).to_be_visible()
    assert len(searches) == 2, searches


def test_picking_a_day_brings_its_slots_into_view(new_page, expo):
    page = new_page(**SMALL_PHONE)
    page.goto(f"/reservasi/{expo.agency.slug}/{expo.service.slug}/")
    days = page.locator("a.booking-day:not(.active)")
    days.last.scroll_into_view_if_needed()
    label = days.last.get_attribute("href")
    days.last.click()
    expect(page).to_have_url(re.compile(re.escape(label.split("&")[-1]) + "$"))
    slot = page.get_by_role("link", name=re.compile(r"^\d\d\.\d\d")).first
    expect(slot).to_be_visible()
    # The scroll is smooth: these retry until it has ended.
    expect(page.get_by_role("heading", name=re.compile("^Sesi "))).to_be_in_viewport(ratio=1)
    expect(slot).to_be_in_viewport(ratio=1)


SMALL_TARGETS = """
() => {
  const targets = "a[href], button, input:not([type=hidden]), select, textarea, summary";
  const tapArea = (el) => {
    // A stretched link makes its whole card the target; a check box its labelled row.
    if (el.classList.contains("stretched-link")) return el.closest(".card") || el;
    if (el.matches("[type=checkbox], [type=radio]")) return el.closest(".form-check") || el;
    return el;
  };
  return [...document.querySelectorAll(targets)]
    .filter((el) => el.checkVisibility() && !el.closest(".visually-hidden-focusable"))
    .map((el) => [el, tapArea(el).getBoundingClientRect()])
    .filter(([, box]) => box.width > 1 && box.height < 44)
    .map(([el, box]) => {
      const name = (el.innerText || el.name || el.id).trim().slice(0, 40);
      return `${el.tagName} "${name}" ${Math.round(box.height)} px`;
    });
}
"""


def test_every_tap_target_on_public_pages_is_44_px_tall_on_a_small_phone(new_page, expo):
    product = ProductFactory(name="Amplang Ikan Belida")
    with scopes_disabled():
        ticket = ticket_issue(service=expo.service, location=expo.location)
    booking = book_first_slot(expo)
    page = new_page(**SMALL_PHONE)
    slot = f"/reservasi/{expo.agency.slug}/{expo.service.slug}/"
    pages = [
        "/",
        "/layanan/",
        "/layanan/?q=akta",
        f"/layanan/{expo.agency.slug}/",
        f"/layanan/{expo.agency.slug}/{expo.service.slug}/",
        "/reservasi/",
        slot,
        f"/reservasi/{booking.code}/",
        f"/antrian/tiket/{ticket.code}/",
        "/umkm/",
        f"/umkm/{product.business.slug}/",
    ]
    small = {}
    for url in pages:
        page.goto(url)
        small[url] = page.evaluate(SMALL_TARGETS)
    page.goto(slot)
    page.locator("a.booking-slot").first.click()
    page.get_by_role("heading", name="Data pemohon").wait_for()
    small["booking form"] = page.evaluate(SMALL_TARGETS)
    failures = {url: found for url, found in small.items() if found}
    assert not failures, "\n".join(f"{url}: {found}" for url, found in failures.items())


def test_the_home_page_searches_the_catalog(new_page, expo):
    page = new_page(**SMALL_PHONE)
    page.goto("/")
    search = page.get_by_role("searchbox", name="Cari layanan")
    assert in_view(page, search)
    search.fill("akte kelahiran")
    search.press("Enter")
    expect(results(page).get_by_role("link", name="Penerbitan Akta Kelahiran")).to_be_visible()
    expect(page.get_by_role("searchbox", name="Cari layanan")).to_have_value("akte kelahiran")


def test_a_showcase_search_is_fetched_once(new_page, db):
    ProductFactory(name="Amplang Ikan Belida")
    page = new_page(**SMALL_PHONE)
    searches = []
    page.on("request", lambda r: searches.append(r.url) if "q=amplang" in r.url else None)
    page.goto("/umkm/")
    page.get_by_role("button", name="Saring dan cari produk").click()
    page.get_by_label("Cari").fill("amplang")
    page.get_by_label("Cari").press("Enter")
    expect(page.get_by_role("link", name="Amplang Ikan Belida").first).to_be_visible()
    page.wait_for_timeout(1000)
    assert len(searches) == 1, searches


def test_a_walk_in_asks_to_be_told_on_whatsapp_and_stops_it_with_one_tap(
    new_page, expo, phone_channels
):
    with scopes_disabled():
        for _ in range(4):
            ticket_issue(service=expo.service, location=expo.location)
        mine = ticket_issue(service=expo.service, location=expo.location)
        counter_open(counter=expo.counter, operator=expo.operator)
    page = new_page(**SMALL_PHONE)
    page.goto(f"/antrian/tiket/{mine.code}/")
    page.get_by_role("link", name="Kabari saya lewat WhatsApp atau SMS").click()
    page.get_by_label("Nomor ponsel").fill("0812 3456 7890")
    page.get_by_role("checkbox", name="WhatsApp").check()
    page.get_by_role("button", name="Kabari saya", exact=True).click()
    expect(page.get_by_role("main")).to_contain_text("Pemberitahuan aktif ke nomor +62812****7890")

    serve_next(expo)  # three ahead now
    almost = Message.objects.get(template="queue_almost")
    assert (almost.channel, almost.context["number"]) == ("whatsapp", mine.display_number)

    page.get_by_role("button", name="Berhenti menerima pesan").click()
    expect(page.get_by_role("main")).to_contain_text("tidak akan menerima pesan lagi")
    assert not Consent.objects.filter(withdrawn_at=None).exists()
    with scopes_disabled():
        ticket_call_next(counter=expo.counter, operator=expo.operator)
    assert not Message.objects.filter(template="queue_called").exists()
