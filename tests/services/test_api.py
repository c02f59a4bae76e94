"""API of the catalog: the paginated, searchable list and the full standard of a service."""

import pytest
from django_scopes import scopes_disabled

from services.models import Service

pytestmark = pytest.mark.django_db


def test_list_is_paginated(client, demo_catalog):
    body = client.get("/api/v1/services").json()
    assert body["count"] == len(demo_catalog)
    assert len(body["items"]) == 20
    second = client.get("/api/v1/services", {"page": 3}).json()
    assert len(second["items"]) == len(demo_catalog) - 40


def test_list_searches_in_indonesian(client, demo_catalog):
    items = client.get("/api/v1/services", {"q": "akte lahir"}).json()["items"]
    assert (items[0]["agency"], items[0]["slug"]) == ("dukcapil", "akta-kelahiran")
    assert items[0]["url"] == "/layanan/dukcapil/akta-kelahiran/"
    assert items[0]["fee"] == 0


def test_list_filters_by_agency(client, demo_catalog):
    items = client.get("/api/v1/services", {"agency": "polres"}).json()["items"]
    assert {item["agency"] for item in items} == {"polres"}
    assert len(items) == 3


@pytest.mark.parametrize("params", [{"q": "x" * 5000}, {"q": "'); --"}, {"agency": "<tidak ada>"}])
def test_odd_parameters_give_an_ordinary_answer(client, demo_catalog, params):
    response = client.get("/api/v1/services", params)
    assert response.status_code == 200
    assert "items" in response.json()


def test_invalid_page_is_a_422_in_the_error_format(client, demo_catalog):
    response = client.get("/api/v1/services", {"page": "nol"})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"


def test_detail_has_the_full_standard(client, demo_catalog):
    body = client.get("/api/v1/services/dukcapil/ktp-el").json()
    assert body["name"] == "Penerbitan KTP-el"
    assert body["fee"] == 0
    assert body["requirements"][0] == {
        "text": "Kartu Keluarga (KK)",
        "bring_original": True,
        "copies": None,
        "note": "",
        "text_en": "Family card (Kartu Keluarga, KK)",
        "note_en": "",
    }
    assert body["steps"][0].startswith("Ambil nomor antrian")
    assert any("24 Tahun 2013" in basis["title"] for basis in body["legal_bases"])
    assert body["locations"] == ["expo-sangatta", "apt-pranoto"]
    assert body["complaint_channels"]
    assert body["is_bookable"] is True
    assert body["queue_prefix"] == "A"
    assert body["staff_count"]


def test_detail_of_a_service_with_a_tariff_formula(client, demo_catalog):
    body = client.get("/api/v1/services/samsat/pkb-tahunan").json()
    assert body["fee"] is None
    assert "NJKB" in body["fee_note"]


@pytest.mark.parametrize(
    ("reference", "unit", "amount"),
    [
        ("dukcapil/ktp-el", "working_days", 1),
        ("samsat/balik-nama", "working_days", 14),
        ("polres/skck-baru", "same_day", None),
        ("bank-kaltimtara/kredit-usaha-rakyat", "", None),
    ],
)
def test_detail_has_the_processing_time_as_unit_and_amount(
    client, demo_catalog, reference, unit, amount
):
    body = client.get(f"/api/v1/services/{reference}").json()
    assert (body["processing_unit"], body["processing_amount"]) == (unit, amount)


def test_detail_of_unknown_or_inactive_service_is_404(client, agency_a, service_a):
    assert client.get("/api/v1/services/dukcapil/tidak-ada").json()["code"] == "not_found"
    with scopes_disabled():
        Service.objects.filter(pk=service_a.pk).update(is_active=False)
    response = client.get(f"/api/v1/services/{agency_a.slug}/{service_a.slug}")
    assert response.status_code == 404


def test_detail_never_mixes_agencies(client, agency_b, service_a):
    assert client.get(f"/api/v1/services/{agency_b.slug}/{service_a.slug}").status_code == 404
