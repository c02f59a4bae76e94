"""Complaints: intake with anonymity or confidentiality, the stages and their working-day
deadlines, forwarding rules, replies, the citizen's rating and the escalation of late stages."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from common import clock
from complaints import services as complaints
from complaints.errors import ComplaintRefused, InvalidComplaintStep
from complaints.models import Complaint, ComplaintCategory, ComplaintEvent, hash_secret
from tests.factories import ServiceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_scope")]
Stage = Complaint.Stage
WITA = ZoneInfo("Asia/Makassar")


def wita(*args) -> datetime:
    return datetime(*args, tzinfo=WITA)


@pytest.fixture
def at(monkeypatch):
    def set_now(moment):
        monkeypatch.setattr(clock, "now", lambda: moment)
        return moment

    return set_now


@pytest.fixture
def slow():
    return ComplaintCategory.objects.get(slug="pelayanan-lambat")


@pytest.fixture
def pungli():
    return ComplaintCategory.objects.get(slug="biaya-pungli")


def submit(category, **extra):
    data = {
        "category": category,
        "subject": "Antrian KTP-el tidak dipanggil",
        "description": "Saya menunggu tiga jam, loket 2 kosong.",
        "identity": "confidential",
        "name": "Rina",
        "phone": "0812 3456 7890",
    }
    return complaints.complaint_submit(**{**data, **extra})


def local_day(moment):
    return moment.astimezone(WITA).date().isoformat()


def test_a_received_complaint_has_a_secret_kept_only_as_its_hash_and_its_deadlines(slow, at):
    at(wita(2026, 12, 3, 10, 0))  # Thursday
    complaint, secret = submit(slow)
    assert complaint.secret_hash == hash_secret(secret) and secret not in complaint.secret_hash
    assert complaint.phone == "+6281234567890"
    assert local_day(complaint.stage_due_at) == "2026-12-08"  # 3 working days
    assert local_day(complaint.resolution_due_at) == "2026-12-23"  # the category's 14
    assert [e.action for e in complaint.events.all()] == ["received"]


def test_an_anonymous_complaint_carries_no_identity_at_all(slow):
    with pytest.raises(ComplaintRefused):
        submit(slow, identity="anonymous")
    complaint, _ = submit(slow, identity="anonymous", name="", phone="")
    assert (complaint.name, complaint.phone, complaint.email) == ("", "", "")


def test_bad_input_changes_nothing(slow, agency_a, agency_b):
    service_b = ServiceFactory(agency=agency_b)
    for bad in (
        {"subject": " "},
        {"identity": "public"},
        {"phone": "021 555"},
        {"email": "bukan-email"},
        {"agency": agency_a, "service": service_b},
        {"happened_on": wita(2027, 1, 5).date()},
    ):
        with pytest.raises(ComplaintRefused):
            submit(slow, **bad)
    assert not Complaint.objects.exists()


def test_the_named_agency_owns_the_complaint_only_once_it_is_forwarded(slow, agency_a, mall_admin):
    complaint, _ = submit(slow, agency=agency_a)
    assert complaint.about_agency == agency_a and complaint.agency is None
    complaint = complaints.complaint_verify(complaint=complaint, officer=mall_admin)
    complaint = complaints.complaint_forward(
        complaint=complaint, officer=mall_admin, agency=agency_a, reason="Wewenang Dukcapil"
    )
    assert complaint.agency == agency_a and complaint.stage == Stage.FORWARDED


def test_pungli_and_misconduct_are_never_forwarded_to_an_agency(pungli, agency_a, mall_admin):
    complaint, _ = submit(pungli, agency=agency_a)
    complaint = complaints.complaint_verify(complaint=complaint, officer=mall_admin)
    with pytest.raises(ComplaintRefused):
        complaints.complaint_forward(
            complaint=complaint, officer=mall_admin, agency=agency_a, reason="x"
        )
    complaint = complaints.complaint_take_up(complaint=complaint, actor=mall_admin)
    assert complaint.agency is None and complaint.stage == Stage.IN_PROGRESS


def test_each_stage_has_its_own_deadline_in_working_days(slow, agency_a, mall_admin, at):
    at(wita(2026, 12, 3, 10, 0))
    complaint, _ = submit(slow)
    at(wita(2026, 12, 4, 10, 0))
    complaint = complaints.complaint_verify(complaint=complaint, officer=mall_admin)
    assert local_day(complaint.stage_due_at) == "2026-12-08"  # still verification's
    complaint = complaints.complaint_forward(
        complaint=complaint, officer=mall_admin, agency=agency_a, reason="Wewenang A"
    )
    assert local_day(complaint.stage_due_at) == "2026-12-11"  # first response: 5 from Fri
    complaint = complaints.complaint_take_up(complaint=complaint, actor=mall_admin)
    assert complaint.stage_due_at == complaint.resolution_due_at


def test_not_ours_forwards_to_another_agency_with_the_reason(
    slow, agency_a, agency_b, mall_admin, operator_a
):
    complaint, _ = submit(slow, agency=agency_a)
    complaint = complaints.complaint_verify(complaint=complaint, officer=mall_admin)
    complaint = complaints.complaint_forward(
        complaint=complaint, officer=mall_admin, agency=agency_a, reason="Wewenang A"
    )
    with pytest.raises(ComplaintRefused):
        complaints.complaint_forward(
            complaint=complaint, officer=operator_a, agency=agency_a, reason="Bukan wewenang"
        )
    complaint = complaints.complaint_forward(
        complaint=complaint, officer=operator_a, agency=agency_b, reason="Bukan wewenang kami"
    )
    assert complaint.agency == agency_b
    assert "Bukan wewenang kami" in complaint.events.last().text


def test_a_step_out_of_order_changes_nothing(slow, mall_admin):
    complaint, _ = submit(slow)
    with pytest.raises(InvalidComplaintStep):
        complaints.complaint_resolve(complaint=complaint, actor=mall_admin, answer="Sudah")
    complaint.refresh_from_db()
    assert complaint.stage == Stage.RECEIVED and complaint.events.count() == 1


def test_internal_notes_stay_off_the_citizens_timeline_and_a_reply_is_a_first_response(
    slow, mall_admin
):
    complaint, _ = submit(slow)
    complaints.complaint_reply(complaint=complaint, actor=mall_admin, text="Cek CCTV", public=False)
    complaint.refresh_from_db()
    assert complaint.first_response_at is None
    complaints.complaint_reply(
        complaint=complaint, actor=mall_admin, text="Kami periksa", public=True
    )
    complaint.refresh_from_db()
    assert complaint.first_response_at is not None
    public = complaint.events.filter(action__in=ComplaintEvent.PUBLIC)
    assert [e.action for e in public] == ["received", "reply"]


def test_an_unsatisfied_citizen_reopens_once_then_the_answer_stands(slow, mall_admin):
    complaint, _ = submit(slow)
    complaint = complaints.complaint_verify(complaint=complaint, officer=mall_admin)
    complaint = complaints.complaint_take_up(complaint=complaint, actor=mall_admin)
    complaint = complaints.complaint_resolve(complaint=complaint, actor=mall_admin, answer="A")
    complaint = complaints.complaint_rate(complaint=complaint, satisfied=False)
    assert complaint.stage == Stage.IN_PROGRESS and complaint.reopened
    complaint = complaints.complaint_resolve(complaint=complaint, actor=mall_admin, answer="B")
    complaint = complaints.complaint_rate(complaint=complaint, satisfied=False)
    assert complaint.stage == Stage.RESOLVED and complaint.satisfied is False
    with pytest.raises(InvalidComplaintStep):
        complaints.complaint_rate(complaint=complaint, satisfied=True)


def test_a_late_stage_is_escalated_once_and_again_only_in_a_new_stage(slow, mall_admin, at):
    at(wita(2026, 12, 3, 10, 0))
    complaint, _ = submit(slow)
    at(wita(2026, 12, 9, 10, 0))  # verification was due Tuesday 8
    assert [c.pk for c in complaints.complaint_escalate_late()] == [complaint.pk]
    assert complaints.complaint_escalate_late() == []
    complaint = complaints.complaint_verify(complaint=complaint, officer=mall_admin)
    assert complaints.complaint_escalate_late() == [complaint]  # verified, still late
    escalations = complaint.events.filter(action="escalated")
    assert escalations.count() == 2


def test_the_citizen_adds_information_until_it_is_archived(slow, mall_admin):
    complaint, _ = submit(slow)
    complaints.complaint_add_information(complaint=complaint, text="Nomor antrian A-017")
    complaint = complaints.complaint_archive(
        complaint=complaint, officer=mall_admin, reason="Ranah kepolisian", outside_body="Polres"
    )
    with pytest.raises(InvalidComplaintStep):
        complaints.complaint_add_information(complaint=complaint, text="Lagi")
    assert complaint.outside_body == "Polres"


def test_the_database_keeps_an_anonymous_complaint_without_identity(slow):
    from django.db import IntegrityError, transaction

    complaint, _ = submit(slow, identity="anonymous", name="", phone="")
    with pytest.raises(IntegrityError), transaction.atomic():
        Complaint.objects.filter(pk=complaint.pk).update(name="Rina")


def test_stages_and_replies_are_told_to_a_consented_contact_internal_notes_are_not(
    slow, mall_admin
):
    from complaints.messages import complaint_messages_consent
    from notifications.models import Message

    complaint_messages_consent(phone="+6281234567890", channels=["whatsapp"])
    complaint, _ = submit(slow)
    complaints.complaint_reply(complaint=complaint, actor=mall_admin, text="Cek", public=False)
    complaints.complaint_reply(complaint=complaint, actor=mall_admin, text="Kami", public=True)
    complaints.complaint_verify(complaint=complaint, officer=mall_admin)
    sent = list(Message.objects.order_by("id"))
    assert [m.template for m in sent] == ["complaint_update", "complaint_update"]
    assert sent[1].context["stage"] == "Diverifikasi"
    assert "Kami" not in str(sent[0].context)


def test_assignment_goes_to_officers_until_forwarded_then_to_the_agencys_staff(
    slow, agency_a, mall_admin, operator_a, operator_b
):
    complaint, _ = submit(slow)
    with pytest.raises(ComplaintRefused):
        complaints.complaint_assign(complaint=complaint, assignee=operator_a, actor=mall_admin)
    complaint = complaints.complaint_assign(
        complaint=complaint, assignee=mall_admin, actor=mall_admin
    )
    complaint = complaints.complaint_verify(complaint=complaint, officer=mall_admin)
    complaint = complaints.complaint_forward(
        complaint=complaint, officer=mall_admin, agency=agency_a, reason="Wewenang A"
    )
    with pytest.raises(ComplaintRefused):
        complaints.complaint_assign(complaint=complaint, assignee=operator_b, actor=mall_admin)
    complaint = complaints.complaint_assign(
        complaint=complaint, assignee=operator_a, actor=mall_admin
    )
    assert complaint.assignee == operator_a
