"""Browser journey: an agency admin edits a service on their own admin site only."""

import re

import pytest
from django_scopes import scopes_disabled

from mpp.tenancy import agency_admin_reverse
from services.models import Membership, Service
from tests.e2e.conftest import COUNTER_PC, assert_accessible, login, screenshot
from tests.factories import PASSWORD, MembershipFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_agency_admin_edits_a_service_and_cannot_open_another_agencys_admin(
    new_page, agency_a, agency_b
):
    user = UserFactory(username="admin-dukcapil")
    MembershipFactory(agency=agency_a, user=user, role=Membership.Role.ADMIN)
    service = ServiceFactory(agency=agency_a, name="Perekaman KTP-el", slug="ktp-el")
    page = new_page(**COUNTER_PC)

    login(
        page, user.username, PASSWORD, url=agency_admin_reverse(agency_a.slug, "agency_admin:login")
    )
    page.get_by_role("heading", name=f"Pengelolaan {agency_a.short_name}").wait_for()
    page.goto(agency_admin_reverse(agency_a.slug, "agency_admin:services_service_changelist"))
    page.get_by_role("link", name="Perekaman KTP-el").click()
    page.locator("#id_name").fill("Perekaman dan Pencetakan KTP-el")
    page.locator("#id_processing_time").fill("1 hari kerja")
    page.locator("#id_product").fill("KTP-el")
    page.get_by_role("button", name=re.compile("Simpan|Save", re.I)).first.click()
    page.get_by_text("berhasil").first.wait_for()
    screenshot(page, "agency-admin")
    with scopes_disabled():
        assert Service.objects.get(pk=service.pk).name == "Perekaman dan Pencetakan KTP-el"

    response = page.goto(agency_admin_reverse(agency_b.slug))
    assert response.status == 403


def test_home_page_is_accessible_on_a_phone(phone_page, agency_a):
    phone_page.goto("/")
    phone_page.get_by_role("heading", level=1).wait_for()
    screenshot(phone_page, "home-phone")
    assert_accessible(phone_page)
