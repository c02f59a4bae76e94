"""GET /api/v1/complaints: every complaint for the officers (the complainant masked), the
forwarded ones of their agency for its staff (never pungli, never the complainant)."""

import json
from datetime import timedelta

import pytest
from django_scopes import scopes_disabled

from common import clock
from complaints.models import Complaint
from services.models import ApiToken, hash_token
from tests.complaints.conftest import file_complaint, forwarded
from tests.factories import kiosk_token

pytestmark = pytest.mark.django_db


def user_token(user) -> str:
    raw = ApiToken.generate()
    ApiToken.objects.create(name="uji", key_hash=hash_token(raw), prefix=raw[:8], user=user)
    return raw


def listed(client, token, **params):
    response = client.get(
        "/api/v1/complaints", params, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200, response.content
    return response.json()


def test_officers_see_every_complaint_with_the_complainant_masked(
    client, officer, slow, pungli, agency_a
):
    ours = forwarded(slow, agency_a, officer)
    pungli_report = file_complaint(pungli, agency=agency_a, confidential=False)
    body = listed(client, user_token(officer))
    assert body["count"] == 2
    items = {item["code"]: item for item in body["items"]}
    assert items[ours.code]["agency"] == "instansi-a"
    assert items[ours.code]["identity"] == {
        "kind": "confidential",
        "name": "R***",
        "phone": "+62812****7890",
        "email": "r***@contoh.id",
    }
    assert items[pungli_report.code]["identity"]["kind"] == "anonymous"
    assert "Rina" not in json.dumps(body)


def test_agency_staff_see_their_forwarded_ones_without_any_identity(
    client, officer, slow, pungli, agency_a, agency_b, operator_a
):
    ours = forwarded(slow, agency_a, officer)
    forwarded(slow, agency_b, officer)
    file_complaint(slow, agency=agency_a)  # named, not forwarded
    file_complaint(pungli, agency=agency_a)
    body = listed(client, user_token(operator_a))
    assert [item["code"] for item in body["items"]] == [ours.code]
    assert body["items"][0]["identity"] is None
    text = json.dumps(body)
    for trace in ("Rina", "7890", "rina@", "contoh.id"):
        assert trace not in text


def test_stage_and_late_filters_and_pages(client, officer, slow, agency_a):
    late = forwarded(slow, agency_a, officer)
    received = file_complaint(slow)
    with scopes_disabled():
        Complaint.objects.filter(pk=late.pk).update(stage_due_at=clock.now() - timedelta(hours=2))
    token = user_token(officer)
    assert [i["code"] for i in listed(client, token, late="true")["items"]] == [late.code]
    assert listed(client, token, late="true")["items"][0]["late"] is True
    assert [i["code"] for i in listed(client, token, stage="received")["items"]] == [received.code]
    assert listed(client, token, page=2)["items"] == []
    refused = client.get(
        "/api/v1/complaints", {"stage": "hilang"}, headers={"Authorization": f"Bearer {token}"}
    )
    assert refused.status_code == 422 and refused.json()["code"] == "invalid"


def test_citizens_and_kiosks_are_refused(client, location):
    assert client.get("/api/v1/complaints").status_code == 401
    response = client.get(
        "/api/v1/complaints", headers={"Authorization": f"Bearer {kiosk_token(location)}"}
    )
    assert response.status_code == 403


def test_the_schema_documents_the_list_with_an_example(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/complaints"]["get"]
    assert {int(s) for s in operation["responses"]} == {200, 400, 401, 403, 422, 503}
    out = schema["components"]["schemas"]["ComplaintOut"]
    assert out["examples"][0]["identity"] is None
