"""Public catalog pages: index with search, agency page, service page."""

import json
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django_scopes import scopes_disabled

from services import selectors
from services.caching import catalog_changed
from services.models import LegalBasis, Service, ServicePledge, ServiceRequirement, ServiceStep
from services.services import VIEWS_PER_WRITE
from tests.factories import LocationFactory

pytestmark = pytest.mark.django_db


def test_index_shows_agencies_categories_and_popular_services(client, demo_catalog):
    body = client.get("/layanan/").content.decode()
    assert "Disdukcapil" in body
    assert "Pencatatan Sipil" in body
    assert 'href="/layanan/dukcapil/ktp-el/"' in body
    assert 'role="search"' in body


def test_search_results_highlight_the_matching_words(client, demo_catalog):
    body = client.get("/layanan/", {"q": "akte lahir"}).content.decode()
    assert "<mark>Akta</mark> <mark>Kelahiran</mark>" in body
    assert body.index("/layanan/dukcapil/akta-kelahiran/") < body.index(
        "/layanan/dukcapil/akta-kematian/"
    )


def test_a_corrected_query_says_what_was_searched(client, demo_catalog):
    body = client.get("/layanan/", {"q": "kartu kelurga"}).content.decode()
    assert "Menampilkan hasil untuk" in body
    assert "kartu keluarga" in body


@pytest.mark.parametrize(
    "headers", [{}, {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "hasil-layanan"}]
)
def test_a_search_that_finds_nothing_says_so(client, demo_catalog, headers):
    body = client.get("/layanan/", {"q": "zzzqqq"}, **headers).content.decode()
    assert "0 layanan ditemukan" in body
    assert "Belum ada layanan yang cocok." in body
    assert "Belum ada instansi terdaftar." not in body


def test_the_category_list_follows_the_chosen_category_and_a_catalog_change(client, demo_catalog):
    first = client.get("/layanan/", {"q": "ktp", "kategori": "Kependudukan"}).content.decode()
    assert 'href="?kategori=Kependudukan" aria-current="page"' in first
    assert "Kategori Uji Baru" not in first
    with scopes_disabled():
        Service.objects.filter(slug="ktp-el").update(category="Kategori Uji Baru")
    catalog_changed()  # as every catalog write does
    body = client.get("/layanan/", {"q": "npwp", "kategori": "Kependudukan"}).content.decode()
    assert "Kategori Uji Baru" in body
    other = client.get("/layanan/", {"q": "npwp", "kategori": "Keimigrasian"}).content.decode()
    assert 'href="?kategori=Keimigrasian" aria-current="page"' in other
    assert 'href="?kategori=Kependudukan" aria-current="page"' not in other


def test_htmx_search_returns_only_the_results(client, demo_catalog):
    response = client.get(
        "/layanan/", {"q": "npwp"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="hasil-layanan"
    )
    body = response.content.decode()
    assert "<html" not in body
    assert "/layanan/kpp-pratama/npwp-orang-pribadi/" in body


def test_category_filter_lists_only_that_category(client, demo_catalog):
    body = client.get("/layanan/", {"kategori": "Keimigrasian"}).content.decode()
    assert "/layanan/imigrasi/paspor-baru/" in body
    assert "/layanan/dukcapil/ktp-el/" not in body


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10000},
        {"q": "'\"><script>alert(1)</script>"},
        {"q": "ktp", "halaman": "-1"},
        {"q": "ktp", "halaman": "abc"},
        {"q": "ktp", "halaman": "999999"},
        {"kategori": "<b>" * 100},
    ],
)
def test_hostile_input_gives_a_normal_page(client, demo_catalog, params):
    response = client.get("/layanan/", params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_agency_page_lists_its_services_and_pledge(client, demo_catalog):
    body = client.get("/layanan/dukcapil/").content.decode()
    assert "Maklumat Pelayanan" in body
    assert "/layanan/dukcapil/akta-kelahiran/" in body
    assert "/layanan/samsat/" not in body


def test_agency_page_without_pledge_still_renders(client, agency_a, service_a):
    response = client.get(f"/layanan/{agency_a.slug}/")
    assert response.status_code == 200
    assert "Maklumat Pelayanan" not in response.content.decode()


def test_agency_pledge_is_shown_when_published(client, agency_a, service_a):
    with scopes_disabled():
        ServicePledge.objects.create(
            agency=agency_a, text="Kami sanggup melayani.", signed_by="Kepala Uji"
        )
    body = client.get(f"/layanan/{agency_a.slug}/").content.decode()
    assert "Kami sanggup melayani." in body


def test_service_page_shows_the_checklist_and_actions(client, agency_a, service_a):
    body = client.get(f"/layanan/{agency_a.slug}/{service_a.slug}/").content.decode()
    assert "Fotokopi KTP-el" in body
    assert "fotokopi 2 lembar" in body
    assert "bawa asli" in body
    assert "Gratis" in body
    assert "3 hari kerja" in body
    # Straight to the service's calendar: the citizen never looks for the service again.
    assert f'href="/reservasi/{agency_a.slug}/{service_a.slug}/"' in body
    assert f'href="/antrian/ambil/?layanan={agency_a.slug}/{service_a.slug}"' in body
    assert 'type="checkbox"' in body


def test_service_without_booking_has_no_booking_link(client, agency_a, service_a):
    with scopes_disabled():
        Service.objects.filter(pk=service_a.pk).update(is_bookable=False)
    body = client.get(f"/layanan/{agency_a.slug}/{service_a.slug}/").content.decode()
    assert f"/reservasi/{agency_a.slug}/" not in body


def test_fee_formula_is_shown_when_the_tariff_varies(client, demo_catalog):
    body = client.get("/layanan/samsat/pkb-tahunan/").content.decode()
    assert "Tarif sesuai ketentuan" in body
    assert "NJKB" in body


def test_amount_in_rupiah_is_shown(client, demo_catalog):
    body = client.get("/layanan/polres/skck-baru/").content.decode()
    assert "Rp30.000" in body


def test_service_page_counts_views_in_batches_also_from_the_cache(client, agency_a, service_a):
    for _ in range(VIEWS_PER_WRITE - 1):
        client.get(f"/layanan/{agency_a.slug}/{service_a.slug}/")
    with scopes_disabled():
        service_a.refresh_from_db()
    assert service_a.view_count == 0
    client.get(f"/layanan/{agency_a.slug}/{service_a.slug}/")
    with scopes_disabled():
        service_a.refresh_from_db()
    assert service_a.view_count == VIEWS_PER_WRITE


def test_cached_page_is_not_served_to_staff_previewing(client, agency_a, admin_a, service_a):
    url = f"/layanan/{agency_a.slug}/{service_a.slug}/"
    client.get(url)
    with scopes_disabled():
        Service.objects.filter(pk=service_a.pk).update(is_active=False)
    client.force_login(admin_a)
    assert client.get(url).status_code == 200
    client.logout()


def test_unknown_agency_or_service_is_404(client, agency_a, service_a):
    assert client.get("/layanan/tidak-ada/").status_code == 404
    assert client.get(f"/layanan/{agency_a.slug}/tidak-ada/").status_code == 404


def test_service_is_not_reachable_under_another_agency(client, agency_b, service_a):
    assert client.get(f"/layanan/{agency_b.slug}/{service_a.slug}/").status_code == 404


def test_inactive_service_is_hidden_from_citizens(client, agency_a, service_a):
    with scopes_disabled():
        Service.objects.filter(pk=service_a.pk).update(is_active=False)
    assert client.get(f"/layanan/{agency_a.slug}/{service_a.slug}/").status_code == 404
    assert service_a.name not in client.get(f"/layanan/{agency_a.slug}/").content.decode()


def test_inactive_service_is_previewed_by_its_agency_staff_only(
    client, agency_a, service_a, admin_a, admin_b
):
    with scopes_disabled():
        Service.objects.filter(pk=service_a.pk).update(is_active=False)
    url = f"/layanan/{agency_a.slug}/{service_a.slug}/"
    client.force_login(admin_b)
    assert client.get(url).status_code == 404
    client.force_login(admin_a)
    response = client.get(url)
    assert response.status_code == 200
    assert "Pratinjau" in response.content.decode()
    assert f"/reservasi/{agency_a.slug}/" not in response.content.decode()


def test_service_page_is_printable(client, agency_a, service_a):
    body = client.get(f"/layanan/{agency_a.slug}/{service_a.slug}/").content.decode()
    assert "css/catalog.css" in body
    assert "data-catalog-print" in body


def test_agencies_are_listed_in_the_mall_order(client, demo_catalog):
    body = client.get("/layanan/").content.decode()
    assert body.index('href="/layanan/dukcapil/"') < body.index('href="/layanan/bpjs-kesehatan/"')


def test_service_page_describes_itself_as_a_schema_org_government_service(
    client, agency_a, service_a
):
    body = client.get(f"/layanan/{agency_a.slug}/{service_a.slug}/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.DOTALL)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "Surat Izin Uji Coba"
    assert data["description"] == "Izin uji coba alat berat di Sangatta."
    assert data["url"] == f"http://testserver/layanan/{agency_a.slug}/{service_a.slug}/"
    assert data["provider"] == {
        "@type": "GovernmentOrganization",
        "name": agency_a.name,
        "url": f"http://testserver/layanan/{agency_a.slug}/",
    }
    assert data["areaServed"] == {"@type": "AdministrativeArea", "name": "Kabupaten Kutai Timur"}


def test_a_visit_to_a_missing_service_counts_nothing_in_the_cache(client, agency_a):
    response = client.get(f"/layanan/{agency_a.slug}/{'x' * 300}/")
    assert response.status_code == 404
    assert cache.get(f"service-views:{agency_a.slug}/{'x' * 300}") is None


def _field_values(rows) -> list[dict]:
    return [
        {field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields}
        for row in rows
    ]


def test_service_detail_reads_the_whole_standard_in_one_query_in_each_models_order(
    agency_a, service_a, location, django_assert_num_queries
):
    # Locations by order, then name; the other parts by order, then when they were added.
    later = LocationFactory(name="Aula Uji", slug="aula-uji", order=1)
    same_order = LocationFactory(name="Zona Uji", slug="zona-uji", order=0)
    with scopes_disabled():
        service_a.locations.add(later, same_order)
        service_a.requirements.all().delete()
        for order, text in [(2, "Syarat kedua"), (1, "Syarat pertama"), (2, "Syarat ketiga")]:
            ServiceRequirement.objects.create(service=service_a, order=order, text=text)
        ServiceStep.objects.create(service=service_a, order=2, text="Langkah kedua")
        ServiceStep.objects.create(service=service_a, order=1, text="Langkah pertama")
        LegalBasis.objects.create(service=service_a, order=1, title="Perda", url="https://a.id")
    with django_assert_num_queries(1):
        service = selectors.service_detail(agency_slug=agency_a.slug, service_slug=service_a.slug)
    with scopes_disabled():
        expected = [
            service_a.requirements.all(),
            service_a.steps.all(),
            service_a.legal_bases.all(),
            service_a.locations.all(),
        ]
        read = [
            service.requirement_list,
            service.step_list,
            service.legal_basis_list,
            service.location_list,
        ]
        assert [_field_values(rows) for rows in read] == [_field_values(rows) for rows in expected]
    assert [item.text for item in service.requirement_list] == [
        "Syarat pertama",
        "Syarat kedua",
        "Syarat ketiga",
    ]
    assert [place.slug for place in service.location_list] == ["expo-uji", "zona-uji", "aula-uji"]


def test_a_missing_service_is_none(agency_a, service_a):
    assert selectors.service_detail(agency_slug=agency_a.slug, service_slug="tidak-ada") is None


def test_a_location_changed_in_the_admin_shows_in_the_footer_at_once(
    client, mall_admin, agency_a, service_a, location
):
    url = f"/layanan/{agency_a.slug}/{service_a.slug}/"
    assert "Gedung Expo Uji" in client.get(url).content.decode()
    staff = Client()
    staff.force_login(mall_admin)
    answer = staff.post(
        f"/admin/services/location/{location.pk}/change/",
        {
            "name": "Gedung Expo Baru",
            "slug": location.slug,
            "address": location.address,
            "opening_hours": "",
            "map_url": "",
            "is_active": "on",
            "order": location.order,
            "facilities-TOTAL_FORMS": 0,
            "facilities-INITIAL_FORMS": 0,
        },
    )
    assert answer.status_code == 302
    body = client.get(url).content.decode()
    footer = body.split("<footer", 1)[1]
    assert "Gedung Expo Baru" in footer
    assert "Gedung Expo Uji" not in body
