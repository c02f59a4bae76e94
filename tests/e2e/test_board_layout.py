"""Browser check: on a hall TV, every agency's waiting count stays on screen however many
calls the day has seen."""

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from counters.models import Counter
from counters.queue import demo as counters_demo
from counters.queue.services import (
    counter_open,
    ticket_call_next,
    ticket_finish,
    ticket_issue,
    ticket_start,
)
from services.models import Service
from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)

CALLS = 10


@pytest.fixture
def busy_day(expo):
    """Eight agencies open with people waiting at each, and ten calls already made."""
    with scopes_disabled():
        agencies = list(expo.location.agencies.filter(is_active=True))
        assert len(agencies) >= 8
        for agency in agencies:
            counters_demo.seed_schedules(agency, expo.location, always_open=True)
            service = Service.objects.filter(agency=agency, locations=expo.location).first()
            for _ in range(2 + CALLS * (agency == expo.agency)):
                ticket_issue(service=service, location=expo.location)
        counter = counter_open(
            counter=Counter.objects.get(location=expo.location, number=1), operator=expo.operator
        )
        for _ in range(CALLS):
            called = ticket_call_next(counter=counter, operator=expo.operator)
            ticket_start(ticket=called, operator=expo.operator)
            ticket_finish(ticket=called, operator=expo.operator)
    return agencies


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_every_agency_waiting_count_is_on_screen_after_many_calls(new_page, expo, busy_day, size):
    width, height = size
    board = new_page(viewport={"width": width, "height": height})
    board.goto(f"/antrian/layar/{expo.location.slug}/")
    waiting = board.get_by_role("region", name="Menunggu").get_by_role("listitem")
    expect(waiting).to_have_count(len(busy_day))
    expect(
        board.get_by_role("region", name="Panggilan terakhir").get_by_role("listitem").first
    ).to_be_visible()
    for index in range(len(busy_day)):
        box = waiting.nth(index).bounding_box()
        assert box is not None
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, (index, box)
        expect(waiting.nth(index)).to_be_in_viewport(ratio=1)
    screenshot(board, f"board-busy-{width}x{height}")
