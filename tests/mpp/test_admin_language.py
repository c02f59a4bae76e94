"""The admin speaks correct Indonesian: Django's wrong or misspelt messages are corrected in
the project's catalogue, no field or icon is labelled in English, inline rows are labelled."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django_scopes import scopes_disabled

from mpp.tenancy import agency_admin_reverse
from tests.factories import BusinessFactory, CounterFactory, ServiceFactory

CATALOGUES = Path(settings.BASE_DIR) / "locale" / "id" / "LC_MESSAGES"


def entries(domain: str) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(CATALOGUES / f"{domain}.po")) if not e.obsolete]


def test_the_compiled_indonesian_corrections_match_the_po_file():
    with translation.override("id"):
        stale = [e.msgid for e in entries("django") if translation.gettext(e.msgid) != e.msgstr]
    assert stale == []


@pytest.mark.django_db
def test_the_admin_javascript_catalogue_carries_the_corrections(client, mall_admin):
    client.force_login(mall_admin)
    catalogue = client.get("/admin/jsi18n/").content.decode()
    for entry in entries("djangojs"):
        assert entry.msgstr in catalogue
    assert "utnuk" not in catalogue


@pytest.mark.django_db
def test_a_taken_counter_number_is_said_to_exist_already(client, mall_admin, agency_a, location):
    with scopes_disabled():
        CounterFactory(agency=agency_a, location=location, number=3)
    client.force_login(mall_admin)
    response = client.post(
        "/admin/counters/counter/add/",
        {"agency": agency_a.pk, "location": location.pk, "number": 3, "name": ""},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nomor loket 3 sudah dipakai loket lain di lokasi ini." in body
    assert "tidak ada" not in body


@pytest.mark.django_db
def test_the_action_button_says_what_it_does(client, mall_admin):
    BusinessFactory()
    client.force_login(mall_admin)
    body = client.get("/admin/umkm/business/").content.decode()
    assert ">Jalankan</button>" in body
    assert ">Buka</button>" not in body


@pytest.mark.django_db
def test_the_agency_field_of_agency_admin_forms_is_labelled_in_indonesian(client, admin_a):
    client.force_login(admin_a)
    body = client.get(
        agency_admin_reverse("instansi-a", "agency_admin:counters_counter_add")
    ).content.decode()
    assert 'for="id_agency">Instansi:</label>' in body
    assert "Agency" not in body


@pytest.mark.django_db
def test_yes_no_icons_are_described_in_indonesian(client, admin_a, agency_a):
    with scopes_disabled():
        ServiceFactory(agency=agency_a, is_bookable=False)
    client.force_login(admin_a)
    changelist = client.get(
        agency_admin_reverse("instansi-a", "agency_admin:services_service_changelist")
    ).content.decode()
    add_counter = client.get(
        agency_admin_reverse("instansi-a", "agency_admin:counters_counter_add")
    ).content.decode()
    for body in (changelist, add_counter):
        assert 'alt="Tidak"' in body
        assert 'alt="False"' not in body and 'alt="True"' not in body


@pytest.mark.django_db
def test_every_input_of_the_requirement_step_and_legal_basis_rows_has_a_label(
    client, admin_a, agency_a
):
    with scopes_disabled():
        service = ServiceFactory(agency=agency_a)
    client.force_login(admin_a)
    body = client.get(
        agency_admin_reverse(
            "instansi-a", "agency_admin:services_service_change", args=[service.pk]
        )
    ).content.decode()
    assert 'aria-label="Persyaratan, Persyaratan nomor 1"' in body
    assert 'aria-label="Langkah, Langkah prosedur nomor 1"' in body
    assert 'aria-label="Peraturan, Dasar hukum nomor 1"' in body
    assert 'aria-label="Tautan, Dasar hukum baru"' in body
