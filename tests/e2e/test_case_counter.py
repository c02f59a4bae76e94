"""Browser journey of the counter's case outcome on a phone-sized screen: the operator
finishes a visit as diproses and prints the receipt."""

import pytest
from django_scopes import scope, scopes_disabled
from playwright.sync_api import expect

from cases.models import Case
from counters.queue import services as queue
from tests.counters.conftest import open_all_week
from tests.e2e.conftest import PHONE, assert_accessible, login
from tests.factories import PASSWORD, CounterFactory, ServiceFactory, ServiceRequirementFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_operator_finishes_a_visit_as_in_process_and_prints_the_receipt(
    new_page, agency_a, location, operator_a
):
    open_all_week(agency_a, location)
    service = ServiceFactory(
        agency=agency_a,
        name="KTP-el",
        processing_time="5 hari kerja",
        processing_unit="working_days",
        processing_amount=5,
        locations=[location],
    )
    ServiceRequirementFactory(service=service, text="Fotokopi Kartu Keluarga")
    counter = CounterFactory(agency=agency_a, location=location, number=1, services=[service])
    with scope(agency=agency_a):
        queue.counter_open(counter=counter, operator=operator_a)
        queue.ticket_issue(service=service, location=location)
        called = queue.ticket_call_next(counter=counter, operator=operator_a)
        queue.ticket_start(ticket=called, operator=operator_a)

    page = new_page(**PHONE)
    page.add_init_script("window.print = () => { window.printed = true; };")
    login(page, operator_a.username, PASSWORD)
    page.goto(f"/loket/{counter.pk}/")
    page.get_by_role("link", name="Selesai, berkas diproses / kurang / ditolak").tap()

    expect(page.get_by_role("heading", name="Selesaikan A-001 dengan berkas")).to_be_visible()
    page.get_by_label("Diproses").check()
    page.get_by_label("4 digit terakhir NIK pemohon").fill("0001")
    assert_accessible(page)
    page.get_by_role("button", name="Selesai & buka berkas").tap()

    expect(page.get_by_role("heading", name="Tanda terima berkas")).to_be_visible()
    with scopes_disabled():
        case = Case.objects.get()
    expect(page.get_by_text(case.code, exact=True)).to_be_visible()
    expect(page.get_by_text("Simpan tanda terima ini")).to_be_visible()
    assert page.locator(".receipt-qr svg").bounding_box()["width"] > 100
    assert_accessible(page)
    page.get_by_role("button", name="Cetak tanda terima").tap()
    assert page.evaluate("window.printed") is True

    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Navigasi utama")).to_be_hidden()
    expect(page.get_by_role("button", name="Cetak tanda terima")).to_be_hidden()
    expect(page.get_by_text(case.code, exact=True)).to_be_visible()
