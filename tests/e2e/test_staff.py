"""Browser journeys of staff: UMKM moderation buttons, labelled admin rows, the mall
dashboard without figures, report dates on an English-set browser, console sign-out."""

import re

import pytest
from django_scopes import scopes_disabled

from mpp.tenancy import agency_admin_reverse
from services.models import Membership
from tests.e2e.conftest import COUNTER_PC, login
from tests.factories import (
    PASSWORD,
    AgencyFactory,
    BusinessFactory,
    MembershipFactory,
    ServiceFactory,
    UserFactory,
)
from umkm.models import Business

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def mall_admin_user():
    return UserFactory(username="pengelola-mpp", is_staff=True, is_superuser=True)


def test_a_mall_admin_approves_then_suspends_a_business_with_buttons_on_its_page(
    new_page, mall_admin_user
):
    business = BusinessFactory(status=Business.Status.PENDING, name="Kopi Liberika Kaubun")
    page = new_page(**COUNTER_PC)
    login(page, mall_admin_user.username, PASSWORD, url="/admin/login/")
    page.goto(f"/admin/umkm/business/{business.pk}/change/")

    page.get_by_role("button", name="Setujui UMKM").click()
    page.get_by_text("Kopi Liberika Kaubun: Disetujui.").wait_for()
    business.refresh_from_db()
    assert business.status == Business.Status.APPROVED
    assert page.get_by_role("button", name="Setujui UMKM").count() == 0

    page.get_by_role("textbox", name="Catatan untuk pemilik").fill(
        "Foto produk bukan milik sendiri"
    )
    page.get_by_role("button", name="Tangguhkan UMKM").click()
    page.get_by_text("Kopi Liberika Kaubun: Ditangguhkan.").wait_for()
    business.refresh_from_db()
    assert business.status == Business.Status.SUSPENDED
    assert business.moderation_note == "Foto produk bukan milik sendiri"


def test_requirement_step_and_legal_basis_rows_have_accessible_labels(new_page, agency_a):
    admin = UserFactory(username="admin-instansi")
    MembershipFactory(agency=agency_a, user=admin, role=Membership.Role.ADMIN)
    with scopes_disabled():
        service = ServiceFactory(agency=agency_a)
    page = new_page(**COUNTER_PC)
    login(
        page,
        admin.username,
        PASSWORD,
        url=agency_admin_reverse(agency_a.slug, "agency_admin:login"),
    )
    page.goto(
        agency_admin_reverse(
            agency_a.slug, "agency_admin:services_service_change", args=[service.pk]
        )
    )
    page.get_by_role("textbox", name="Persyaratan, Persyaratan nomor 1").fill("Fotokopi KTP-el")
    page.get_by_role("textbox", name="Langkah, Langkah prosedur nomor 1").fill("Ambil antrian")
    page.get_by_role("textbox", name="Peraturan, Dasar hukum nomor 1").fill("UU 25/2009")
    page.get_by_role("checkbox", name="Bawa asli, Persyaratan nomor 1").check()


def test_the_mall_dashboard_reads_no_data_where_an_agency_has_none(new_page, mall_admin_user):
    AgencyFactory(short_name="Belum Ada Kunjungan")
    page = new_page(**COUNTER_PC)
    login(page, mall_admin_user.username, PASSWORD, url="/admin/login/")
    page.goto("/laporan/mpp/")
    assert page.get_by_role("cell", name="belum ada data").count() > 0
    assert "None" not in page.locator("main").inner_text()


def test_report_dates_are_indonesian_on_an_english_set_browser(
    browser, live_server, mall_admin_user
):
    context = browser.new_context(base_url=live_server.url, locale="en-US", **COUNTER_PC)
    try:
        page = context.new_page()
        login(page, mall_admin_user.username, PASSWORD, url="/admin/login/")
        page.goto("/laporan/mpp/")
        start = page.get_by_role("textbox", name="Dari")
        assert start.get_attribute("placeholder") == "hh/bb/tttt"
        start.fill("02/11/2026")
        page.get_by_role("textbox", name="Sampai").fill("30/11/2026")
        page.get_by_role("button", name="Tampilkan").click()
        page.get_by_role(
            "heading", name=re.compile("^Periode 2 November 2026 – 30 November 2026")
        ).wait_for()
    finally:
        context.close()


def test_an_operator_signs_out_of_the_console(new_page, agency_a):
    operator = UserFactory(username="petugas-a")
    MembershipFactory(agency=agency_a, user=operator, role=Membership.Role.OPERATOR)
    page = new_page(**COUNTER_PC)
    login(page, operator.username, PASSWORD)
    page.goto("/loket/")
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_load_state()
    page.goto("/loket/")
    assert "/akun/masuk/" in page.url
