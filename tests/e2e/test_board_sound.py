"""Browser journey: a hall TV set up as documented announces a call with the project's own
clips, in order, without anyone touching it."""

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from counters.models import Counter
from counters.queue.announcement_audio import build_clips, default_folder
from counters.queue.services import counter_open, ticket_call_next, ticket_issue
from services.models import Service
from tests.conftest import CHROMIUM_ARGS
from tests.e2e.conftest import TV

pytestmark = pytest.mark.django_db(transaction=True)

# Each play() is recorded, and counted as overlapping when the clip before it is still playing.
RECORD_PLAYS = """
window.__played = [];
window.__ended = [];
window.__overlapping = 0;
let previous = null;
const play = HTMLMediaElement.prototype.play;
HTMLMediaElement.prototype.play = function () {
  const path = new URL(this.src).pathname;
  if (previous && previous !== this && !previous.ended) { window.__overlapping += 1; }
  previous = this;
  window.__played.push(path);
  this.addEventListener("ended", () => window.__ended.push(path), { once: true });
  return play.call(this);
};
"""
A_001_AT_COUNTER_3 = [
    f"/static/announcement/{name}.ogg"
    for name in [
        "chime",
        "nomor-antrian",
        "huruf-a",
        "nol",
        "nol",
        "satu",
        "silakan-menuju-loket",
        "tiga",
    ]
]


@pytest.fixture(scope="module")
def kiosk_browser(browser, chromium_path):
    """Chromium as the TV's kiosk starts it (docs/board-tv.md): sound without a gesture."""
    tv = browser.browser_type.launch(
        executable_path=chromium_path,
        args=[*CHROMIUM_ARGS, "--autoplay-policy=no-user-gesture-required"],
    )
    yield tv
    tv.close()


@pytest.fixture(scope="module")
def clips(audio_tools):
    return build_clips(default_folder())


def board_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="id-ID", **TV)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.add_init_script(RECORD_PLAYS)
    return page


def test_a_kiosk_tv_plays_the_clips_of_a_call_in_order_without_a_click(
    kiosk_browser, live_server, expo, clips
):
    with scopes_disabled():
        service = Service.objects.get(agency=expo.agency, queue_prefix="A")
        counter = counter_open(
            counter=Counter.objects.get(location=expo.location, number=3), operator=expo.operator
        )
        ticket = ticket_issue(service=service, location=expo.location)
    board = board_page(kiosk_browser, live_server)
    board.goto(f"/antrian/layar/{expo.location.slug}/")
    expect(board.locator(".board-waiting-count")).to_have_text("1")

    with scopes_disabled():
        ticket_call_next(counter=counter, operator=expo.operator)
    expect(board.locator("[data-latest-number]")).to_have_text(ticket.display_number)
    board.wait_for_function(f"() => window.__ended.length === {len(A_001_AT_COUNTER_3)}")
    assert board.evaluate("window.__played") == A_001_AT_COUNTER_3
    assert board.evaluate("window.__ended") == A_001_AT_COUNTER_3
    assert board.evaluate("window.__overlapping") == 0
    expect(board.get_by_role("button", name="Aktifkan suara")).to_be_hidden()
    board.context.close()


def test_a_browser_that_blocks_autoplay_shows_the_sound_button_and_remembers_the_choice(
    browser, live_server, expo, clips
):
    board = board_page(browser, live_server)
    board.goto(f"/antrian/layar/{expo.location.slug}/")
    button = board.get_by_role("button", name="Aktifkan suara")
    button.click()
    expect(button).to_be_hidden()
    assert board.evaluate("localStorage.getItem('mpp-board-sound')") == "on"

    board.reload()
    expect(button).to_be_visible()
    board.keyboard.press("Enter")
    expect(button).to_be_hidden()
    board.context.close()
