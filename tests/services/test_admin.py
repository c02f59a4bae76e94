"""Agency admin of the catalog: admins manage services with inlines, operators only read,
and another agency's services stay out of reach."""

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from services import selectors
from services.models import Service, ServicePledge
from tests.factories import ServiceFactory, ServiceRequirementFactory

pytestmark = pytest.mark.django_db


def admin_url(agency, suffix=""):
    return f"/instansi/{agency.slug}/admin/services/service/{suffix}"


def service_form(agency, location, **overrides):
    data = {
        "name": "Rekomendasi Izin Tambang Rakyat",
        "slug": "rekomendasi-tambang",
        "summary": "Rekomendasi untuk izin pertambangan rakyat.",
        "description": "",
        "category": "Perizinan",
        "keywords": "",
        "processing_time": "5 hari kerja",
        "fee": "0",
        "fee_note": "",
        "product": "Surat rekomendasi",
        "complaint_channels": "SP4N-LAPOR!",
        "last_reviewed": "",
        "locations": [location.pk],
        "queue_prefix": "T",
        "average_minutes": "20",
        "is_bookable": "on",
        "online_name": "",
        "online_url": "",
        "is_active": "on",
        "order": "1",
        "facilities": "",
        "staff_competence": "",
        "internal_supervision": "",
        "staff_count": "",
        "service_guarantee": "",
        "safety_guarantee": "",
        "performance_evaluation": "",
        "requirements-TOTAL_FORMS": "2",
        "requirements-INITIAL_FORMS": "0",
        "requirements-0-order": "2",
        "requirements-0-text": "Peta lokasi tambang",
        "requirements-0-copies": "1",
        "requirements-1-order": "1",
        "requirements-1-text": "KTP-el pemohon",
        "requirements-1-bring_original": "on",
        "steps-TOTAL_FORMS": "1",
        "steps-INITIAL_FORMS": "0",
        "steps-0-order": "1",
        "steps-0-text": "Serahkan berkas di loket.",
        "legal_bases-TOTAL_FORMS": "1",
        "legal_bases-INITIAL_FORMS": "0",
        "legal_bases-0-order": "1",
        "legal_bases-0-title": "Undang-Undang Nomor 3 Tahun 2020 tentang Pertambangan Mineral",
        "legal_bases-0-url": "",
    }
    data.update(overrides)
    return data


def test_agency_admin_adds_a_service_with_ordered_inlines(client, agency_a, admin_a, location):
    client.force_login(admin_a)
    response = client.post(admin_url(agency_a, "add/"), service_form(agency_a, location))
    assert response.status_code == 302, response.content.decode()[:2000]
    with scopes_disabled():
        service = Service.objects.get(agency=agency_a, slug="rekomendasi-tambang")
        assert [item.text for item in service.requirements.all()] == [
            "KTP-el pemohon",
            "Peta lokasi tambang",
        ]
        assert service.steps.count() == 1
        assert service.legal_bases.count() == 1
    _parsed, found = selectors.service_search(query="tambang rakyat")
    assert [s.slug for s in found] == ["rekomendasi-tambang"]


def test_saving_in_the_admin_makes_new_requirements_searchable(client, agency_a, admin_a, location):
    client.force_login(admin_a)
    client.post(admin_url(agency_a, "add/"), service_form(agency_a, location))
    _parsed, found = selectors.service_search(query="peta lokasi")
    assert "rekomendasi-tambang" in [s.slug for s in found]


def test_slug_must_be_unique_within_the_agency(client, agency_a, admin_a, service_a, location):
    client.force_login(admin_a)
    response = client.post(
        admin_url(agency_a, "add/"), service_form(agency_a, location, slug=service_a.slug)
    )
    assert response.status_code == 200
    with scopes_disabled():
        assert Service.objects.filter(agency=agency_a).count() == 1


def test_operator_reads_but_cannot_change(client, agency_a, operator_a, service_a, location):
    client.force_login(operator_a)
    assert client.get(admin_url(agency_a)).status_code == 200
    assert client.get(admin_url(agency_a, f"{service_a.pk}/change/")).status_code == 200
    assert client.get(admin_url(agency_a, "add/")).status_code == 403
    response = client.post(
        admin_url(agency_a, f"{service_a.pk}/change/"), service_form(agency_a, location)
    )
    assert response.status_code == 403
    with scopes_disabled():
        service_a.refresh_from_db()
    assert service_a.name == "Surat Izin Uji Coba"


def test_another_agencys_service_is_a_404(client, agency_a, admin_a, service_b):
    client.force_login(admin_a)
    response = client.get(admin_url(agency_a, f"{service_b.pk}/change/"))
    assert response.status_code == 404
    assert service_b.name not in client.get(admin_url(agency_a)).content.decode()


def test_staff_of_another_agency_cannot_enter(client, agency_a, admin_b, service_a):
    client.force_login(admin_b)
    assert client.get(admin_url(agency_a)).status_code == 403


def test_change_page_links_to_the_public_preview(client, agency_a, admin_a, service_a):
    client.force_login(admin_a)
    body = client.get(admin_url(agency_a, f"{service_a.pk}/change/")).content.decode()
    assert "/r/" in body


def test_mall_admin_manages_search_synonyms(client, mall_admin, service_a):
    _parsed, found = selectors.service_search(query="eksperimen")
    assert list(found) == []
    client.force_login(mall_admin)
    response = client.post(
        "/admin/services/searchsynonym/add/", {"term": "eksperimen", "expansion": "uji coba"}
    )
    assert response.status_code == 302
    _parsed, found = selectors.service_search(query="eksperimen")
    assert [service.pk for service in found] == [service_a.pk]


def test_agency_admin_cannot_manage_search_synonyms(client, agency_a, admin_a):
    client.force_login(admin_a)
    response = client.get(f"/instansi/{agency_a.slug}/admin/services/searchsynonym/")
    assert response.status_code == 404


def test_mall_admin_edits_any_service_with_its_inlines(client, mall_admin, service_a):
    client.force_login(mall_admin)
    body = client.get(f"/admin/services/service/{service_a.pk}/change/").content.decode()
    assert "Fotokopi KTP-el" in body
    assert 'name="requirements-TOTAL_FORMS"' in body


def test_pledges_are_managed_per_agency(client, agency_a, agency_b, admin_a):
    with scopes_disabled():
        ServicePledge.objects.create(agency=agency_b, text="Janji instansi B.", signed_by="B")
    client.force_login(admin_a)
    url = f"/instansi/{agency_a.slug}/admin/services/servicepledge/"
    assert "Janji instansi B." not in client.get(url).content.decode()
    response = client.post(
        f"{url}add/", {"text": "Kami sanggup melayani.", "signed_by": "Kepala A", "signed_on": ""}
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert ServicePledge.objects.get(agency=agency_a).text == "Kami sanggup melayani."


def test_requirements_of_another_agency_cannot_be_edited_through_an_inline(
    client, agency_a, admin_a, service_a, agency_b, location
):
    with scopes_disabled():
        foreign = ServiceRequirementFactory(service=ServiceFactory(agency=agency_b), text="Asli B")
        own = list(service_a.requirements.all())
    data = service_form(
        agency_a,
        location,
        slug=service_a.slug,
        **{
            "requirements-TOTAL_FORMS": "1",
            "requirements-INITIAL_FORMS": "1",
            "requirements-0-id": str(foreign.pk),
            "requirements-0-service": str(service_a.pk),
            "requirements-0-order": "1",
            "requirements-0-text": "Diubah oleh A",
        },
    )
    for key in [k for k in data if k.startswith("requirements-1-")]:
        del data[key]
    client.force_login(admin_a)
    response = client.post(admin_url(agency_a, f"{service_a.pk}/change/"), data)
    assert response.status_code == 200
    with scopes_disabled():
        foreign.refresh_from_db()
        assert foreign.text == "Asli B"
        assert list(service_a.requirements.all()) == own


def test_cached_public_pages_show_an_admin_edit_at_once(
    client, agency_a, admin_a, location, django_capture_on_commit_callbacks
):
    staff = Client()
    staff.force_login(admin_a)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(admin_url(agency_a, "add/"), service_form(agency_a, location))
    page = f"/layanan/{agency_a.slug}/rekomendasi-tambang/"
    assert "Rekomendasi Izin Tambang Rakyat" in client.get(page).content.decode()
    assert "Rekomendasi Izin" in client.get("/layanan/?q=tambang").content.decode()
    with scopes_disabled():
        service = Service.objects.get(agency=agency_a, slug="rekomendasi-tambang")
    data = service_form(agency_a, location, name="Rekomendasi Pertambangan Rakyat")
    data.update(
        {"requirements-TOTAL_FORMS": "0", "steps-TOTAL_FORMS": "0", "legal_bases-TOTAL_FORMS": "0"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(admin_url(agency_a, f"{service.pk}/change/"), data)
    assert response.status_code == 302
    assert "Rekomendasi Pertambangan Rakyat" in client.get(page).content.decode()
    assert "Rekomendasi Izin" not in client.get("/layanan/?q=tambang").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(admin_url(agency_a, f"{service.pk}/delete/"), {"post": "yes"})
    assert client.get(page).status_code == 404


def test_agency_admin_sets_the_processing_unit_and_amount(client, agency_a, admin_a, location):
    client.force_login(admin_a)
    form = service_form(agency_a, location, processing_unit="working_days", processing_amount="5")
    response = client.post(admin_url(agency_a, "add/"), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    with scopes_disabled():
        service = Service.objects.get(agency=agency_a, slug="rekomendasi-tambang")
    assert (service.processing_unit, service.processing_amount) == (
        Service.ProcessingUnit.WORKING_DAYS,
        5,
    )


def test_a_counted_unit_without_its_amount_is_refused_in_indonesian(
    client, agency_a, admin_a, location
):
    client.force_login(admin_a)
    form = service_form(agency_a, location, processing_unit="working_days", processing_amount="")
    response = client.post(admin_url(agency_a, "add/"), form)
    assert response.status_code == 200
    assert "Isi jumlah hari kerja, paling sedikit 1." in response.content.decode()
    with scopes_disabled():
        assert not Service.objects.filter(agency=agency_a).exists()
