"""Browser journey: an English speaker on a phone switches to English, searches in English
and reads the service's requirements in English."""

import re

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from services import demo
from tests.e2e.conftest import PHONE, assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def catalog():
    with scopes_disabled():
        locations = demo.seed_locations()
        demo.seed_catalog(demo.seed_agencies(locations), locations)


def test_english_speaker_finds_the_birth_certificate_and_reads_it_in_english(new_page, catalog):
    page = new_page(**PHONE)
    page.goto("/bahasa/en/?next=/layanan/")
    search = page.get_by_role("searchbox", name="Search services")
    search.fill("birth certificate")
    search.press("Enter")
    result = page.get_by_role("link", name="Birth Certificate", exact=True)
    expect(result).to_be_visible()
    assert_accessible(page)

    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Birth Certificate")
    expect(
        page.get_by_role("checkbox", name=re.compile("^Birth notification from the hospital"))
    ).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="signs the certificate")).to_have_count(1)
    assert_accessible(page)
