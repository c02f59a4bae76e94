"""The catalog in English: English words find services in either language of the page, an
agency's English texts are searchable and shown to visitors who chose English, Indonesian
where none is given."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django_scopes import scopes_disabled

from counters.queue.services import ticket_issue
from services import selectors
from services.demo_catalog import ENGLISH, SERVICES
from services.models import Service, ServiceRequirement, ServiceStep
from services.services import services_reindex
from tests.factories import (
    AgencyScheduleFactory,
    BookingScheduleFactory,
    ServiceFactory,
    ServiceRequirementFactory,
)
from tests.services.test_admin import admin_url, service_form

pytestmark = pytest.mark.django_db

# What an English speaker types, and the service that must come first.
ENGLISH_QUERIES = [
    ("birth certificate", "dukcapil/akta-kelahiran"),
    ("ID card", "dukcapil/ktp-el"),
    ("passport", "imigrasi/paspor-baru"),
    ("family card", "dukcapil/kartu-keluarga"),
    ("death certificate", "dukcapil/akta-kematian"),
    ("marriage certificate", "dukcapil/akta-perkawinan"),
    ("vehicle tax", "samsat/pkb-tahunan"),
    ("motorcycle tax", "samsat/pkb-tahunan"),
    ("business licence", "dpmptsp/nib"),
    ("building permit", "dpmptsp/pbg"),
    ("police clearance", "polres/skck-baru"),
    ("health insurance", "bpjs-kesehatan/pendaftaran-peserta-mandiri"),
    ("tax number", "kpp-pratama/npwp-orang-pribadi"),
    ("how to get a passport", "imigrasi/paspor-baru"),
    ("open a savings account", "bank-kaltimtara/pembukaan-rekening"),
    ("birth certficate", "dukcapil/akta-kelahiran"),
    ("child identity card", "dukcapil/kartu-identitas-anak"),
]


def first(query: str) -> str | None:
    _parsed, services = selectors.service_search(query=query)
    found = services.first()
    return found.reference if found else None


def english(client):
    client.get("/bahasa/en/")
    return client


def results_page(client, query: str) -> str:
    return client.get("/layanan/", {"q": query}).content.decode()


def result_links(body: str) -> list[str]:
    return re.findall(r'class="stretched-link" href="/layanan/([^"]+)/"', body)


@pytest.mark.parametrize(("query", "expected"), ENGLISH_QUERIES)
def test_an_english_query_finds_the_service_first(demo_catalog, query, expected):
    assert first(query) == expected


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("birth certificate", "dukcapil/akta-kelahiran"),
        ("ID card", "dukcapil/ktp-el"),
        ("passport", "imigrasi/paspor-baru"),
    ],
)
def test_english_words_find_services_on_the_page_in_either_language(
    client, demo_catalog, language, query, expected
):
    client.get(f"/bahasa/{language}/")
    assert result_links(results_page(client, query))[0] == expected


def test_the_english_search_box_examples_find_services(client, demo_catalog):
    body = english(client).get("/layanan/").content.decode()
    examples = re.search(r'placeholder="e\.g\. ([^"]+)"', body).group(1).split(", ")
    assert "birth certificate" in examples
    assert all(result_links(results_page(client, example)) for example in examples)


def test_english_results_show_english_names_and_mark_the_words(client, demo_catalog):
    body = results_page(english(client), "birth certificate")
    assert "<mark>Birth</mark> <mark>Certificate</mark>" in body
    assert "Birth Certificate" in results_page(client, "akta kelahiran")


def test_indonesian_results_keep_indonesian_names(client, demo_catalog):
    body = results_page(client, "birth certificate")
    assert "<mark>Akta</mark> <mark>Kelahiran</mark>" in body
    assert "Birth Certificate" not in body


def test_english_category_labels_on_the_catalog(client, demo_catalog):
    body = english(client).get("/layanan/").content.decode()
    assert "Civil Registration" in body
    assert "?kategori=Pencatatan%20Sipil" in body


def test_english_category_labels_on_a_search_page_after_the_indonesian_one(client, demo_catalog):
    assert "Pencatatan Sipil" in client.get("/layanan/", {"q": "akta"}).content.decode()
    body = english(client).get("/layanan/", {"q": "akta"}).content.decode()
    assert "Civil Registration" in body


@pytest.fixture
def half_translated(agency_a, location):
    """A service with English for its name and one of its two requirements only."""
    with scopes_disabled():
        service = ServiceFactory(
            agency=agency_a,
            slug="rekomendasi-galian",
            name="Rekomendasi Galian Tambang",
            name_en="Quarrying Recommendation",
            summary="Rekomendasi untuk usaha galian.",
            processing_time="3 hari kerja",
            processing_time_en="3 working days",
            product="Surat rekomendasi",
            is_bookable=True,
            locations=[location],
        )
        ServiceRequirementFactory(
            service=service, text="Peta lokasi galian", text_en="Map of the quarry site", order=1
        )
        ServiceRequirementFactory(service=service, text="Surat keterangan lurah", order=2)
        ServiceStep.objects.create(
            service=service, order=1, text="Serahkan berkas.", text_en="Hand in the file."
        )
        services_reindex(services=[service])
    return service


def test_english_texts_are_shown_to_a_visitor_who_chose_english(client, half_translated):
    body = english(client).get(half_translated.get_absolute_url()).content.decode()
    assert '<h1 class="h2">Quarrying Recommendation</h1>' in body
    assert "Map of the quarry site" in body
    assert "3 working days" in body
    assert "Hand in the file." in body
    # Where the agency gave no English, the Indonesian text stands.
    assert "Surat keterangan lurah" in body
    assert "Rekomendasi untuk usaha galian." in body
    assert "Surat rekomendasi" in body
    assert "Peta lokasi galian" not in body


def test_indonesian_visitors_see_indonesian_texts(client, half_translated):
    body = client.get(half_translated.get_absolute_url()).content.decode()
    assert "Rekomendasi Galian Tambang" in body
    assert "Peta lokasi galian" in body
    assert "Quarrying Recommendation" not in body


def test_agency_and_result_lists_use_the_english_name(client, agency_a, half_translated):
    english(client)
    assert "Quarrying Recommendation" in client.get(f"/layanan/{agency_a.slug}/").content.decode()
    assert "3 working days" in results_page(client, "quarry")


def test_english_texts_of_an_agency_are_searchable_by_english_stems(half_translated):
    assert first("quarries") == half_translated.reference
    assert first("quarry site map") == half_translated.reference


def test_an_english_name_weighs_more_than_an_english_requirement(agency_a, no_scope):
    in_requirement = ServiceFactory(agency=agency_a, name="Layanan Satu")
    ServiceRequirementFactory(service=in_requirement, text="Surat", text_en="Harbour permit")
    in_name = ServiceFactory(agency=agency_a, name="Layanan Dua", name_en="Harbour Pass")
    services_reindex(services=[in_requirement, in_name])
    _parsed, services = selectors.service_search(query="harbour")
    assert [service.pk for service in services] == [in_name.pk, in_requirement.pk]


def test_the_api_finds_english_words_and_lists_english_fields(client, demo_catalog):
    found = client.get("/api/v1/services", {"q": "birth certificate"}).json()["items"][0]
    assert found["slug"] == "akta-kelahiran"
    assert found["name"] == "Penerbitan Akta Kelahiran"
    assert found["name_en"] == "Birth Certificate"
    detail = client.get("/api/v1/services/dukcapil/akta-kelahiran").json()
    assert detail["requirements"][2]["text_en"] == "Family card in which the child is registered"
    assert detail["steps_en"][0].startswith("Fill in the civil registration form")
    assert len(detail["steps_en"]) == len(detail["steps"])


def test_agency_admin_edits_the_english_texts(client, agency_a, admin_a, location):
    client.force_login(admin_a)
    form = service_form(
        agency_a,
        location,
        name_en="Community Mining Recommendation",
        processing_time_en="5 working days",
        **{"requirements-0-text_en": "Map of the mine site", "steps-0-text_en": "Hand in."},
    )
    assert "name_en" in client.get(admin_url(agency_a, "add/")).content.decode()
    response = client.post(admin_url(agency_a, "add/"), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    with scopes_disabled():
        service = Service.objects.get(agency=agency_a, slug="rekomendasi-tambang")
        requirement = ServiceRequirement.objects.get(service=service, text="Peta lokasi tambang")
        assert service.name_en == "Community Mining Recommendation"
        assert service.processing_time_en == "5 working days"
        assert requirement.text_en == "Map of the mine site"
        assert service.steps.get().text_en == "Hand in."
    assert first("mining recommendation") == service.reference


def test_english_texts_of_another_agency_stay_out_of_reach(
    client, agency_a, admin_a, service_b, location
):
    client.force_login(admin_a)
    response = client.post(
        admin_url(agency_a, f"{service_b.pk}/change/"),
        service_form(agency_a, location, slug=service_b.slug, name_en="Taken over"),
    )
    assert response.status_code == 404
    with scopes_disabled():
        service_b.refresh_from_db()
    assert service_b.name_en == ""


# What these pages cost, in this order: the categories (read by the first page), the search
# synonyms (by the first search), the mall's locations in the footer and the agency's opening
# hours are reference data, read once and then kept; a list of services is one query with
# its count, a service page one query with its whole standard. Showing and searching English
# costs no query more.
CATALOG_PAGES = {
    "/layanan/": 4,
    "/layanan/?q=akta+kelahiran": 3,
    "/layanan/?q=birth+certficate": 2,
    "/layanan/?kategori=Kependudukan": 1,
    "/layanan/dukcapil/": 4,
    "/layanan/dukcapil/akta-kelahiran/": 1,
}


@pytest.mark.parametrize("language", ["id", "en"])
def test_catalog_pages_cost_the_same_queries_in_both_languages(client, demo_catalog, language):
    client.get(f"/bahasa/{language}/")
    counts = {}
    for url in CATALOG_PAGES:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    assert counts == CATALOG_PAGES


def test_every_english_list_of_the_demo_follows_the_indonesian_one():
    indonesian = {
        f"{agency}/{data['slug']}": data for agency, rows in SERVICES.items() for data in rows
    }
    assert set(ENGLISH) == set(indonesian)
    for reference, texts in ENGLISH.items():
        for key in ("requirements", "steps"):
            if key in texts:
                assert len(texts[key]) == len(indonesian[reference][key]), (reference, key)


def test_the_seeded_demo_speaks_english_for_the_main_services(demo_catalog):
    with scopes_disabled():
        birth = Service.objects.get(agency__slug="dukcapil", slug="akta-kelahiran")
        with translation.override("en"):
            assert birth.localized_name == "Birth Certificate"
            assert birth.localized_category == "Civil Registration"
            assert [item.localized_text for item in birth.requirements.all()][0].startswith(
                "Birth notification"
            )
        assert birth.localized_name == "Penerbitan Akta Kelahiran"


def test_booking_and_ticket_pages_name_the_service_in_english(client, half_translated, location):
    with scopes_disabled():
        BookingScheduleFactory(
            service=half_translated, agency=half_translated.agency, location=location
        )
        for weekday in range(7):
            AgencyScheduleFactory(agency=half_translated.agency, location=location, weekday=weekday)
        ticket = ticket_issue(service=half_translated, location=location)
    english(client)
    booking = client.get(f"/reservasi/{half_translated.agency.slug}/{half_translated.slug}/")
    assert '<h1 class="h3">Quarrying Recommendation</h1>' in booking.content.decode()
    status = client.get(f"/antrian/tiket/{ticket.code}/").content.decode()
    assert "Quarrying Recommendation" in status
    client.get("/bahasa/id/")
    status = client.get(f"/antrian/tiket/{ticket.code}/").content.decode()
    assert "Rekomendasi Galian Tambang" in status
