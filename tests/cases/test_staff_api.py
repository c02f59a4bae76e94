"""The staff API of cases: an agency's list, and the pushes of its own systems by code or
by reference — idempotent, refused with the right status, isolated between agencies."""

from io import StringIO

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from cases.models import Case, CaseEvent
from cases.services import case_change_status
from services.models import Membership
from tests.cases.conftest import open_case, wita
from tests.factories import MembershipFactory, ServiceFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_scope")]


def token_of(user) -> str:
    out = StringIO()
    call_command("issue_token", "--user", user.username, stdout=out)
    return out.getvalue().strip()


def system_account(agency, username):
    """An agency system's account (SIAK, OSS): a member of that agency only."""
    user = UserFactory(username=username)
    MembershipFactory(agency=agency, user=user, role=Membership.Role.OPERATOR)
    return token_of(user)


@pytest.fixture
def siak(agency_a):
    return system_account(agency_a, "siak")


@pytest.fixture
def oss(agency_b):
    return system_account(agency_b, "oss")


@pytest.fixture
def b_service(agency_b, location):
    return ServiceFactory(agency=agency_b, slug="skck", name="SKCK", locations=[location])


def get(client, token, query=""):
    return client.get(f"/api/v1/cases{query}", headers={"Authorization": f"Bearer {token}"})


def push(client, token, path, **body):
    return client.post(
        f"/api/v1/cases/{path}/events",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def events_of(case) -> list:
    return list(CaseEvent.objects.filter(case=case).values_list("action", "to_status", "source"))


def test_the_list_is_the_agencys_own_without_personal_data(client, siak, service, b_service, at):
    at(wita(2026, 12, 1, 9, 0))
    late = open_case(service, name="Siti", phone="")
    at(wita(2026, 12, 10, 9, 0))
    fresh = open_case(service)
    open_case(b_service)
    body = get(client, siak).json()
    assert body["count"] == 2 and body["pages"] == 1
    assert [item["code"] for item in body["items"]] == [late.code, fresh.code]
    assert body["items"][0]["late"] is True and body["items"][1]["late"] is False
    assert not {"name", "phone", "nik_last4"} & body["items"][0].keys()
    assert [i["code"] for i in get(client, siak, "?late=true").json()["items"]] == [late.code]
    assert [i["code"] for i in get(client, siak, "?late=false").json()["items"]] == [fresh.code]
    assert get(client, siak, "?status=ready").json()["count"] == 0
    assert get(client, siak, "?status=lost").status_code == 422
    assert get(client, siak, "?page=0").status_code == 422


def test_a_user_of_several_agencies_names_one(client, agency_a, agency_b, service, b_service):
    user = UserFactory(username="dua-instansi")
    for agency in (agency_a, agency_b):
        MembershipFactory(agency=agency, user=user, role=Membership.Role.OPERATOR)
    token = token_of(user)
    refused = get(client, token)
    assert refused.status_code == 422 and refused.json()["code"] == "agency_required"
    theirs = open_case(b_service)
    assert [i["code"] for i in get(client, token, "?agency=instansi-b").json()["items"]] == [
        theirs.code
    ]
    assert get(client, token, "?agency=tidak-ada").status_code == 404


def test_the_list_needs_a_token_of_a_member(client, oss, service):
    assert client.get("/api/v1/cases").status_code == 401
    assert get(client, oss, "?agency=instansi-a").status_code == 404


def test_a_push_changes_the_case_once_per_reference(client, siak, service):
    case = open_case(service)
    first = push(client, siak, case.code, status="ready", note="Dicetak", reference="EV-1")
    assert first.status_code == 200
    assert first.json()["status"] == "ready" and first.json()["completed_at"] is not None
    again = push(client, siak, case.code, status="ready", note="Dicetak", reference="EV-1")
    assert again.status_code == 200 and again.json() == first.json()
    assert events_of(case) == [("opened", "in_process", "counter"), ("status", "ready", "system")]
    handed = push(client, siak, case.code, status="handed_over", reference="EV-2")
    assert handed.json()["closed_at"] is not None
    # EV-1 sent late, after EV-2: still the same change, recorded once, nothing refused.
    late_repeat = push(client, siak, case.code, status="ready", reference="EV-1")
    assert late_repeat.status_code == 200 and late_repeat.json()["status"] == "handed_over"
    assert len(events_of(case)) == 3


def test_every_refusal_of_a_push_has_its_status(client, siak, oss, service):
    case = open_case(service)
    with scopes_disabled():
        case_change_status(case=case, status="ready", source="staff")
    backwards = push(client, siak, case.code, status="in_process")
    assert backwards.status_code == 409 and backwards.json()["code"] == "invalid_transition"
    other = open_case(service)
    unreasoned = push(client, siak, other.code, status="refused", reason="Tidak sesuai")
    assert unreasoned.status_code == 422 and "dasar hukum" in unreasoned.json()["detail"]
    assert push(client, siak, other.code, status="lost").status_code == 422
    assert push(client, siak, other.code, status="ready", reference="x" * 81).status_code == 422
    assert push(client, siak, "TIDAKADA22", status="ready").status_code == 404
    assert push(client, oss, other.code, status="ready").status_code == 404
    with scopes_disabled():
        assert Case.objects.get(pk=other.pk).status == "in_process"
    assert events_of(other) == [("opened", "in_process", "counter")]


def test_a_push_by_the_agencys_own_reference(client, siak, oss, service):
    case = open_case(service, reference="SIAK/2026/0042")
    response = push(
        client, siak, "by-reference/SIAK/2026/0042", status="incomplete", missing_note="Akta"
    )
    assert response.status_code == 200 and response.json()["paused"] is True
    assert response.json()["code"] == case.code
    assert push(client, siak, "by-reference/SIAK-0000", status="ready").status_code == 404
    assert push(client, oss, "by-reference/SIAK/2026/0042", status="ready").status_code == 404


def test_a_staff_session_pushes_as_staff(client, operator_a, service):
    case = open_case(service)
    client.force_login(operator_a)
    response = client.post(
        f"/api/v1/cases/{case.code}/events", {"status": "sent"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert events_of(case)[-1] == ("status", "sent", "staff")


def test_the_schema_documents_the_pushes_with_examples(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/cases/{code}/events"]["post"]
    assert {"200", "401", "404", "409", "422"} <= set(operation["responses"])
    body = schema["components"]["schemas"]["CaseEventIn"]
    assert body["examples"][0]["status"] == "ready"
    assert "/api/v1/cases/by-reference/{reference}/events" in schema["paths"]
