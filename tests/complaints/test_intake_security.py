"""Hostile text is shown as text on every page and answer that shows it; a confidential
complainant's identity reaches no public page or answer, whoever is signed in; a program
that fills the hidden field or skips the question files nothing."""

import pytest
from django_scopes import scopes_disabled

from complaints import services as complaints
from complaints.challenge import challenge_new, challenge_passed
from complaints.models import Complaint
from tests.complaints.conftest import answered, form_data, post_complaint

pytestmark = pytest.mark.django_db
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_text_is_escaped_on_the_form_receipt_and_complaint_page(client, slow, mall_admin):
    refused = post_complaint(client, slow, subject=HOSTILE, description=HOSTILE, website="x")
    assert HOSTILE not in refused.content.decode() and "&lt;script&gt;" in refused.content.decode()
    response = post_complaint(client, slow, subject=HOSTILE, description=HOSTILE, place=HOSTILE)
    client.get(response["Location"])
    with scopes_disabled():
        complaint = Complaint.objects.get()
        complaints.complaint_verify(complaint=complaint, officer=mall_admin, note=HOSTILE)
        complaints.complaint_reply(complaint=complaint, actor=mall_admin, text=HOSTILE, public=True)
    client.post(f"/pengaduan/{complaint.code}/tambah/", {"text": HOSTILE})
    page = client.get(f"/pengaduan/{complaint.code}/").content.decode()
    assert HOSTILE not in page and "<script>alert" not in page
    assert page.count("&lt;script&gt;") >= 5


def test_hostile_text_in_the_api_is_returned_as_data(client, slow):
    response = client.post(
        "/api/v1/complaints",
        {
            "category": "lainnya",
            "subject": HOSTILE,
            "description": HOSTILE,
            "identity": "anonymous",
        },
        content_type="application/json",
    )
    body = response.json()
    lookup = client.post(
        "/api/v1/complaints/lookup",
        {"code": body["code"], "secret": body["secret"]},
        content_type="application/json",
    )
    assert lookup["Content-Type"] == "application/json; charset=utf-8"
    assert lookup.json()["subject"] == HOSTILE


@pytest.mark.parametrize("viewer", ["anonymous", "operator_a", "admin_a", "mall"])
def test_a_confidential_identity_is_on_no_public_page_whoever_looks(
    client, slow, agency_a, operator_a, admin_a, mall_admin, viewer
):
    with scopes_disabled():
        complaint, secret = complaints.complaint_submit(
            category=slow,
            subject="Loket 2 kosong",
            description="Menunggu.",
            identity="confidential",
            name="Rina Rahasiawati",
            phone="081234567890",
            email="rina@example.id",
            agency=agency_a,
        )
        complaint = complaints.complaint_verify(complaint=complaint, officer=mall_admin)
        complaints.complaint_forward(
            complaint=complaint, officer=mall_admin, agency=agency_a, reason="wewenang A"
        )
    users = {"operator_a": operator_a, "admin_a": admin_a, "mall": mall_admin}
    if viewer in users:
        client.force_login(users[viewer])
    client.post(f"/pengaduan/{complaint.code}/", {"secret": secret})
    answers = [
        client.get(f"/pengaduan/{complaint.code}/").content.decode(),
        client.post(
            "/api/v1/complaints/lookup",
            {"code": complaint.code, "secret": secret},
            content_type="application/json",
        ).content.decode(),
    ]
    for answer in answers:
        for identity in ("Rina", "081234567890", "6281234567890", "rina@example"):
            assert identity not in answer


def test_a_form_without_the_question_answered_files_nothing(client, slow):
    client.get("/pengaduan/")
    response = client.post("/pengaduan/", form_data(slow))
    assert response.status_code == 422
    with scopes_disabled():
        assert not Complaint.objects.exists()


def solution(challenge) -> str:
    page = f'{challenge.question} name="challenge_token" value="{challenge.token}"'
    return answered(page)["challenge_answer"]


def test_a_challenge_is_tried_once_and_cannot_be_forged():
    right = challenge_new()
    assert challenge_passed(token=right.token, answer=solution(right))
    assert not challenge_passed(token=right.token, answer=solution(right))
    wrong_first = challenge_new()
    assert not challenge_passed(token=wrong_first.token, answer="0")
    assert not challenge_passed(token=wrong_first.token, answer=solution(wrong_first))
    forged = challenge_new()
    assert not challenge_passed(token=forged.token + "x", answer=solution(forged))
    assert not challenge_passed(token="", answer="")
