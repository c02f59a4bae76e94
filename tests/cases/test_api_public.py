"""POST /api/v1/cases/lookup: a case's public view behind its code and the NIK's last four
digits; never a name, a NIK or a phone number; one 404 for a wrong code and wrong digits."""

import json

import pytest
from django.conf import settings
from django_scopes import scopes_disabled

from cases.models import Case
from cases.services import case_change_status
from tests.cases.conftest import open_case, wita
from tests.factories import BookingScheduleFactory

pytestmark = pytest.mark.django_db
STAFF = "staff"
CITIZEN = {"name": "Siti Rahmawati", "nik_last4": "7305", "phone": "0813 5555 2468"}


def make_case(service, **extra) -> Case:
    with scopes_disabled():
        return open_case(service, **{**CITIZEN, **extra})


def lookup(client, code, digits="7305"):
    return client.post(
        "/api/v1/cases/lookup",
        json.dumps({"code": code, "nik_last4": digits}),
        content_type="application/json",
    )


def test_the_right_digits_give_the_public_view_with_its_timeline(client, service, at):
    at(wita(2026, 3, 2, 9, 14))
    case = make_case(service, holder_unit="Bidang Pelayanan Pendaftaran Penduduk")
    at(wita(2026, 3, 3, 10))
    response = lookup(client, f"{case.code[:5].lower()}-{case.code[5:]}")
    assert response.status_code == 200
    body = response.json()
    assert body["code"] == case.code
    assert (body["status"], body["status_label"]) == ("in_process", "Diproses")
    assert body["service"] == f"{service.agency.slug}/ktp-el"
    assert body["agency"] == service.agency.slug
    assert body["holder_unit"] == "Bidang Pelayanan Pendaftaran Penduduk"
    assert body["opened_at"] == "2026-03-02T09:14:00+08:00"
    assert body["due_at"].startswith("2026-03-09T23:59:59")
    assert (body["is_late"], body["paused"]) == (False, False)
    assert body["missing"] == [] and body["pickup"] is None
    assert body["refusal_reason"] is None
    assert body["timeline"] == [
        {
            "at": "2026-03-02T09:14:00+08:00",
            "action": "opened",
            "status": "in_process",
            "status_label": "Diproses",
            "note": None,
        }
    ]


def test_the_answer_never_holds_the_name_the_nik_digits_or_the_phone(client, service):
    case = make_case(service)
    response = lookup(client, case.code)
    text = response.content.decode()
    for personal in ("Siti", "Rahmawati", "7305", "81355552468"):
        assert personal not in text
    assert not {"name", "nik", "nik_last4", "phone"} & set(response.json())


def test_wrong_digits_and_an_unknown_code_are_the_same_404(client, service):
    case = make_case(service)
    wrong, unknown = lookup(client, case.code, "7306"), lookup(client, "ZZZZZZZZZZ")
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json()
    assert wrong.json() == {"detail": "Kode atau 4 digit NIK tidak cocok.", "code": "not_found"}


def test_badly_formed_digits_are_422_in_the_error_format(client, service):
    case = make_case(service)
    response = lookup(client, case.code, "73a5")
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"


def test_an_incomplete_case_lists_its_missing_items_and_a_refused_one_its_reason(
    client, service, requirements
):
    requirements[0].copies = 2
    requirements[0].save()
    incomplete = make_case(
        service,
        status=Case.Status.INCOMPLETE,
        missing=[requirements[0].pk],
        missing_note="Pas foto latar merah",
    )
    body = lookup(client, incomplete.code).json()
    assert body["paused"] is True
    assert body["missing"] == [
        "Fotokopi Kartu Keluarga (fotokopi 2 lembar)",
        "Pas foto latar merah",
    ]
    refused = make_case(
        service, status=Case.Status.REFUSED, reason="Belum 17 tahun.", basis="UU 24/2013"
    )
    body = lookup(client, refused.code).json()
    assert (body["refusal_reason"], body["refusal_basis"]) == ("Belum 17 tahun.", "UU 24/2013")


def test_a_ready_case_tells_where_to_pick_up_and_where_to_book_the_visit(
    client, service, location, phone_channels
):
    service.is_bookable = True
    service.save()
    BookingScheduleFactory(service=service, agency=service.agency, location=location)
    case = make_case(service, location=location)
    with scopes_disabled():
        case_change_status(case=case, status=Case.Status.READY, source=STAFF, pickup_note="Loket 3")
    body = lookup(client, case.code).json()
    assert body["pickup"] == {
        "location": location.slug,
        "name": location.name,
        "address": location.address,
        "opening_hours": location.opening_hours,
        "map_url": location.map_url,
        "note": "Loket 3",
        "booking_url": f"{settings.PUBLIC_BASE_URL}/reservasi/{service.agency.slug}/ktp-el/"
        f"?lokasi={location.slug}",
    }
    assert [entry["status"] for entry in body["timeline"]] == ["in_process", "ready"]


def test_a_late_case_says_so(client, service, at):
    at(wita(2026, 3, 2, 9))
    case = make_case(service)
    at(wita(2026, 3, 20, 9))
    assert lookup(client, case.code).json()["is_late"] is True


def test_the_schema_documents_the_lookup_with_examples(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/cases/lookup"]["post"]
    assert {"200", "404", "422", "429"} <= set(map(str, operation["responses"]))
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    request_schema = schema["components"]["schemas"][body["$ref"].rsplit("/", 1)[-1]]
    assert request_schema["examples"] == [{"code": "7KQ2M9XD4T", "nik_last4": "0002"}]
    answer = schema["components"]["schemas"]["CasePublicOut"]
    assert answer["examples"][0]["status"] == "ready"
    assert not {"name", "nik", "nik_last4", "phone"} & set(answer["properties"])
