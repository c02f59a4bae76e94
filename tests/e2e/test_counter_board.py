"""Browser journey: an operator serves a visitor while the display board announces each call."""

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from counters.models import Ticket
from counters.queue.services import ticket_issue
from counters.queue.speech import call_announcement
from tests.e2e.conftest import COUNTER_PC, TV, assert_accessible, login, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

# Record every utterance the board hands to the speech engine, then let the engine speak it.
RECORD_SPEECH = """
window.__spoken = [];
const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
window.speechSynthesis.speak = (utterance) => {
  window.__spoken.push(utterance.text);
  speak(utterance);
};
"""


def spoken(page) -> list[str]:
    return page.evaluate("window.__spoken")


def test_operator_calls_serves_and_finishes_while_the_board_announces_each_call(new_page, expo):
    with scopes_disabled():
        ticket = ticket_issue(service=expo.service, location=expo.location)
    board = new_page(**TV)
    board.add_init_script(RECORD_SPEECH)
    # The browser's own speech synthesis, as a board asks for it in its address.
    board.goto(f"/antrian/layar/{expo.location.slug}/?suara=sintesis")
    board.get_by_role("button", name="Aktifkan suara").click()
    expect(board.locator(".board-waiting-count")).to_have_text("1")
    assert_accessible(board)

    console = new_page(**COUNTER_PC)
    login(console, expo.operator.username, PASSWORD, url="/loket/")
    console.get_by_role("heading", name="Pilih loket").wait_for()
    assert_accessible(console)
    console.get_by_role("button", name="Buka loket ini").first.click()
    call_next = console.get_by_role("button", name="Panggil berikutnya")
    call_next.click()
    expect(console.locator(".console-number")).to_contain_text(ticket.display_number)

    expect(board.locator("[data-latest-number]")).to_have_text(ticket.display_number, timeout=2000)
    expect(board.locator("[data-latest-counter]")).to_contain_text(f"Loket {expo.counter.number}")
    board.wait_for_function("() => window.__spoken.length === 1")
    assert spoken(board) == [
        call_announcement(
            prefix=ticket.prefix, number=ticket.number, counter_number=expo.counter.number
        )
    ]
    screenshot(board, "display-board")
    screenshot(console, "counter-console")
    assert_accessible(console)

    console.get_by_role("button", name="Panggil ulang").click()
    expect(console.get_by_text("dipanggil ulang 1 kali")).to_be_visible()
    board.wait_for_function("() => window.__spoken.length === 2")
    assert spoken(board)[1] == spoken(board)[0]

    console.get_by_role("button", name="Mulai layani").click()
    console.get_by_role("button", name="Selesai").click()
    expect(call_next).to_be_visible()
    expect(console.get_by_text("1 tiket selesai hari ini.")).to_be_visible()
    with scopes_disabled():
        ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.DONE
    assert len(spoken(board)) == 2
