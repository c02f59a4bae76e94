"""Browser journeys at the exit survey station, on a tablet and on a phone-sized screen: the
visitor types the slip's number or the camera reads its QR, answers the nine questions with
large touch targets, sees the thanks and the station returns to its start."""

import pytest
from django_scopes import scope, scopes_disabled
from playwright.sync_api import expect

from counters.models import SurveyResponse
from counters.queue import services as queue
from tests.e2e.conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

TABLET = {"viewport": {"width": 800, "height": 1280}, "has_touch": True}
# Chromium on Linux has no QR reader: the browser's BarcodeDetector is given the text the
# real decoder read from the slip, and the camera is a canvas stream, so that the station's
# own script runs as on an Android tablet.
CAMERA_WITH_QR_READER = """
window.__slipText = null;
window.BarcodeDetector = class {
  constructor(options) { this.formats = options.formats; }
  async detect() { return window.__slipText ? [{ rawValue: window.__slipText }] : []; }
};
navigator.mediaDevices.getUserMedia = async () => {
  const canvas = document.createElement("canvas");
  canvas.width = 320; canvas.height = 240;
  canvas.getContext("2d").fillRect(0, 0, 320, 240);
  return canvas.captureStream(5);
};
"""


def finished_ticket(expo):
    with scope(agency=expo.agency):
        ticket = queue.ticket_issue(service=expo.service, location=expo.location)
        queue.counter_open(counter=expo.counter, operator=expo.operator)
        called = queue.ticket_call_next(counter=expo.counter, operator=expo.operator)
        queue.ticket_start(ticket=called, operator=expo.operator)
        queue.ticket_finish(ticket=called, operator=expo.operator)
    ticket.refresh_from_db()
    return ticket


def answer_the_survey(page) -> None:
    page.get_by_role("group", name="1. Bagaimana pendapat Saudara tentang kesesuaian").get_by_label(
        "Sangat sesuai"
    ).check()
    for number in range(2, 10):
        page.get_by_role("group", name=f"{number}. ").get_by_role("radio").nth(2).check()
    page.get_by_label("Umur").fill("52")
    page.get_by_role("group", name="Jenis kelamin").get_by_label("Perempuan").check()
    page.get_by_label("Pendidikan terakhir").select_option(label="SMA")
    page.get_by_label("Pekerjaan").select_option(label="Wirausaha")
    page.get_by_label("Saran dan masukan").fill("Ruang tunggu nyaman.")


def test_a_tablet_takes_a_survey_by_the_typed_number_and_returns_to_its_start(
    new_page, expo, kiosk_network
):
    ticket = finished_ticket(expo)
    page = new_page(**TABLET)
    start = f"/antrian/survei/{expo.location.slug}/"
    page.goto(start)
    expect(page.get_by_role("heading", name="Bagaimana layanan kami hari ini?")).to_be_visible()
    # No QR reader in this browser: only the typed number is offered.
    expect(page.get_by_role("button", name="Buka kamera dan pindai slip")).to_be_hidden()
    page.get_by_label("Nomor antrian").fill("Z-999")
    page.get_by_role("button", name="Mulai survei").click()
    expect(page.get_by_role("alert")).to_contain_text("tidak dikenal di lokasi ini")
    page.get_by_label("Nomor antrian").fill(ticket.display_number)
    page.get_by_role("button", name="Mulai survei").click()
    expect(page.get_by_role("heading", name="Survei Kepuasan Masyarakat")).to_be_visible()
    assert_accessible(page)
    choice = page.locator(".station-survey .form-check").first.bounding_box()
    assert choice["height"] >= 48 and choice["width"] >= 48, choice
    # Tapping the answer's box, not only its small circle, chooses it.
    first = page.get_by_role("group", name="1. ").locator(".form-check").nth(3)
    first.click(position={"x": first.bounding_box()["width"] - 10, "y": 10})
    expect(first.get_by_role("radio")).to_be_checked()
    answer_the_survey(page)
    screenshot(page, "exit-station-tablet")
    page.get_by_role("button", name="Kirim penilaian").click()
    expect(page.get_by_role("heading", name="Terima kasih!")).to_be_visible()
    with scopes_disabled():
        saved = SurveyResponse.objects.get()
    assert (saved.ticket_id, saved.u1_requirements, saved.age) == (ticket.pk, 4, 52)
    page.wait_for_url(f"**{start}", timeout=15_000)
    page.get_by_label("Nomor antrian").fill(ticket.display_number)
    page.get_by_role("button", name="Mulai survei").click()
    expect(page.get_by_role("alert")).to_contain_text("sudah diisi")


def test_a_phone_sized_station_reads_the_slips_qr_with_the_camera(new_page, expo, kiosk_network):
    from tests.qr_reader import read_qr, svg_in_page

    ticket = finished_ticket(expo)
    page = new_page(**PHONE)
    page.goto(f"/antrian/ambil/tiket/{ticket.code}/")
    slip_text = read_qr(svg_in_page(page.content()))
    page.add_init_script(CAMERA_WITH_QR_READER)
    page.goto(f"/antrian/survei/{expo.location.slug}/")
    page.get_by_role("button", name="Buka kamera dan pindai slip").click()
    expect(page.get_by_role("status")).to_contain_text("Arahkan kode QR")
    page.evaluate("text => { window.__slipText = text; }", slip_text)
    expect(page.get_by_text(f"Nomor antrian {ticket.display_number}")).to_be_visible()
    answer_the_survey(page)
    page.get_by_role("button", name="Kirim penilaian").click()
    expect(page.get_by_role("heading", name="Terima kasih!")).to_be_visible()
    with scopes_disabled():
        assert SurveyResponse.objects.get().ticket_id == ticket.pk
