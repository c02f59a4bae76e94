"""The citizen's complaint API: filing with the identity rules, and the public timeline
with the code and secret in the body; documented with examples in the OpenAPI schema."""

import pytest
from django_scopes import scopes_disabled

from complaints import services as complaints
from complaints.models import Complaint

pytestmark = pytest.mark.django_db


def post(client, path, body):
    return client.post(path, body, content_type="application/json")


def complaint_body(**extra):
    return {
        "category": "pelayanan-lambat",
        "subject": "Loket 2 kosong",
        "description": "Menunggu tiga jam.",
        "identity": "anonymous",
        **extra,
    }


def test_an_anonymous_complaint_is_filed_and_its_secret_given_once(client, slow):
    response = post(client, "/api/v1/complaints", complaint_body())
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"code", "secret", "stage", "stage_due_at"}
    assert body["stage"] == "received" and len(body["secret"]) == 12
    with scopes_disabled():
        complaint = Complaint.objects.get(code=body["code"])
    assert complaint.origin == "api" and body["secret"] not in complaint.secret_hash


def test_a_confidential_complaint_about_a_service_keeps_its_contact(client, slow, ktp, location):
    response = post(
        client,
        "/api/v1/complaints",
        complaint_body(
            identity="confidential",
            name="Rina",
            phone="081234567890",
            service="instansi-a/ktp-el",
            location=location.slug,
            notify=["email"],
            email="rina@example.id",
        ),
    )
    assert response.status_code == 201
    with scopes_disabled():
        complaint = Complaint.objects.get()
    assert (complaint.service, complaint.about_agency) == (ktp, ktp.agency)
    assert complaint.phone == "+6281234567890" and "Rina" not in response.content.decode()


@pytest.mark.parametrize(
    "extra, status",
    [
        ({"phone": "081234567890"}, 422),
        ({"happened_on": "2999-01-01"}, 422),
        ({"description": "x" * 5001}, 422),
        ({"identity": "public"}, 422),
        ({"category": "tidak-ada"}, 404),
        ({"service": "instansi-a/tidak-ada"}, 404),
        ({"agency": "tidak-ada"}, 404),
    ],
)
def test_a_refused_complaint_changes_nothing(client, slow, extra, status):
    response = post(client, "/api/v1/complaints", complaint_body(**extra))
    assert response.status_code == status
    assert {"detail", "code"} <= set(response.json())
    with scopes_disabled():
        assert not Complaint.objects.exists()


def test_the_lookup_gives_the_public_timeline_without_identity_or_notes(client, slow, mall_admin):
    with scopes_disabled():
        complaint, secret = complaints.complaint_submit(
            category=slow,
            subject="Loket 2 kosong",
            description="Menunggu.",
            identity="confidential",
            name="Rina Rahasiawati",
            phone="081234567890",
        )
        complaints.complaint_verify(complaint=complaint, officer=mall_admin, note="Valid.")
        complaints.complaint_reply(
            complaint=complaint, actor=mall_admin, text="CATATAN-INTERNAL", public=False
        )
        complaints.complaint_reply(
            complaint=complaint, actor=mall_admin, text="Kami tindak lanjuti.", public=True
        )
    response = post(
        client, "/api/v1/complaints/lookup", {"code": complaint.code.lower(), "secret": secret}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["stage"] == "verified" and body["identity"] == "confidential"
    assert [e["kind"] for e in body["events"]] == ["received", "stage", "reply"]
    assert [s["stage"] for s in body["progress"]][:2] == ["received", "verified"]
    text = response.content.decode()
    for hidden in ("Rina", "6281234567890", "CATATAN-INTERNAL", "pengelola", "secret_hash"):
        assert hidden not in text


def test_a_wrong_code_and_a_wrong_secret_get_the_same_404(client, slow):
    with scopes_disabled():
        complaint, secret = complaints.complaint_submit(
            category=slow, subject="a", description="b", identity="anonymous"
        )
    wrong_secret = post(
        client, "/api/v1/complaints/lookup", {"code": complaint.code, "secret": "ZZZZ"}
    )
    wrong_code = post(client, "/api/v1/complaints/lookup", {"code": "ZZZZZZZZZZ", "secret": secret})
    assert wrong_secret.status_code == wrong_code.status_code == 404
    assert wrong_secret.json() == wrong_code.json()


def test_both_operations_are_documented_with_examples(client):
    schema = client.get("/api/v1/openapi.json").json()
    create = schema["paths"]["/api/v1/complaints"]["post"]
    lookup = schema["paths"]["/api/v1/complaints/lookup"]["post"]
    assert {"201", "404", "422", "429"} <= set(create["responses"])
    assert {"200", "404", "429"} <= set(lookup["responses"])
    for name in ("ComplaintIn", "LookupIn"):
        assert schema["components"]["schemas"][name]["examples"]
