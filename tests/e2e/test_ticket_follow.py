"""Browser journey: a citizen follows their ticket page to "done", then fills the SKM survey."""

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from counters.models import ELEMENT_FIELDS, SurveyResponse
from counters.queue.services import (
    counter_open,
    ticket_call_next,
    ticket_finish,
    ticket_issue,
    ticket_start,
)
from counters.queue.views import ticket as ticket_views
from tests.e2e.conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_citizen_follows_the_ticket_page_to_done_and_fills_the_skm_survey(
    new_page, expo, monkeypatch
):
    # The page polls every 15 s in production; a 1 s poll keeps the journey short.
    monkeypatch.setattr(ticket_views, "REFRESH_SECONDS", 1)
    with scopes_disabled():
        ticket = ticket_issue(service=expo.service, location=expo.location)
    page = new_page(**PHONE)
    page.goto(f"/antrian/tiket/{ticket.code}/")
    state = page.locator(".ticket-badge")
    expect(state).to_have_text("Menunggu")
    expect(page.locator(".ticket-facts")).to_contain_text("0 orang")
    assert_accessible(page)
    page.evaluate("() => { window.__samePage = true; }")

    with scopes_disabled():
        counter_open(counter=expo.counter, operator=expo.operator)
        ticket = ticket_call_next(counter=expo.counter, operator=expo.operator)
    expect(page.get_by_role("alert")).to_have_text(
        f"Silakan menuju loket {expo.counter.number} ({expo.counter.name})"
    )
    screenshot(page, "ticket-called-phone")
    assert_accessible(page)

    with scopes_disabled():
        ticket = ticket_start(ticket=ticket, operator=expo.operator)
    expect(page.get_by_text(f"Sedang dilayani di loket {expo.counter.number}")).to_be_visible()
    with scopes_disabled():
        ticket_finish(ticket=ticket, operator=expo.operator)
    expect(page.get_by_text("Terima kasih, layanan Anda sudah selesai.")).to_be_visible()
    expect(state).to_have_text("Selesai")
    assert page.evaluate("() => window.__samePage") is True
    screenshot(page, "ticket-done-phone")
    assert_accessible(page)

    page.get_by_role("link", name="Isi Survei Kepuasan Masyarakat").click()
    page.get_by_role("heading", name="Survei Kepuasan Masyarakat").wait_for()
    assert_accessible(page)
    questions = page.locator("form fieldset").filter(has=page.locator("input[value='4']"))
    expect(questions).to_have_count(len(ELEMENT_FIELDS))
    for index in range(len(ELEMENT_FIELDS)):
        questions.nth(index).locator("input[value='4']").check()
    page.get_by_label("Umur").fill("34")
    page.get_by_label("Perempuan").check()
    page.get_by_label("Pendidikan terakhir").select_option("sma")
    page.get_by_label("Pekerjaan").select_option("wirausaha")
    page.locator("#id_suggestion").fill("Petugas ramah, antrean jelas di layar.")
    screenshot(page, "survey-phone")
    page.get_by_role("button", name="Kirim penilaian").click()

    expect(page.get_by_role("status")).to_contain_text("penilaian Anda sudah kami terima")
    assert_accessible(page)
    with scopes_disabled():
        response = SurveyResponse.objects.get(ticket=ticket)
    assert [getattr(response, name) for name in ELEMENT_FIELDS] == [4] * len(ELEMENT_FIELDS)
    assert (response.age, response.sex) == (34, "P")
