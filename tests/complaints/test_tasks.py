"""The periodic escalation: each late stage marked once and told once, by e-mail, to the
mall's officers and to the agency that owns the complaint — never with the complainant."""

from datetime import timedelta

import pytest
from django.core import mail
from django_scopes import scopes_disabled

from common import clock
from complaints import services as complaints
from complaints.models import Complaint
from complaints.tasks import escalate_late
from services.models import Membership
from tests.complaints.conftest import file_complaint, forwarded
from tests.factories import AgencyFactory, MembershipFactory, UserFactory
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db


def make_late(*complaints_list):
    with scopes_disabled():
        Complaint.objects.filter(pk__in=[c.pk for c in complaints_list]).update(
            stage_due_at=clock.now() - timedelta(minutes=1)
        )


def test_a_late_stage_is_told_once_to_the_officers_and_the_owning_agency(
    officer, mall_admin, slow, agency_a, admin_a, operator_a
):
    agency_a.email = "dukcapil@kutaitimur.test"
    agency_a.save()
    admin_a.email = "kepala@kutaitimur.test"
    admin_a.save()
    operator_a.email = "loket@kutaitimur.test"
    operator_a.save()
    mall_admin.email = "pengelola@mpp.test"
    mall_admin.save()
    # An admin of another agency hears nothing of it.
    MembershipFactory(
        agency=AgencyFactory(slug="lain"),
        user=UserFactory(email="lain@kutaitimur.test"),
        role=Membership.Role.ADMIN,
    )
    with_officers = file_complaint(slow)
    with_agency = forwarded(slow, agency_a, officer)
    on_time = file_complaint(slow, confidential=False)
    make_late(with_officers, with_agency)

    assert escalate_late(timestamp=0) == 2
    assert escalate_late(timestamp=0) == 0  # marked: not again
    run_jobs("complaints.tell_escalation")
    run_jobs("complaints.tell_escalation")

    sent = {(tuple(message.to), message.subject) for message in mail.outbox}
    officers = ("pengelola@mpp.test", "petugas@mpp.test")
    assert sent == {
        (officers, f"Pengaduan {with_officers.code} melewati batas waktu"),
        (officers, f"Pengaduan {with_agency.code} melewati batas waktu"),
        (
            ("dukcapil@kutaitimur.test", "kepala@kutaitimur.test"),
            f"Pengaduan {with_agency.code} melewati batas waktu",
        ),
    }
    assert len(mail.outbox) == 3
    agency_mail = next(m for m in mail.outbox if "kepala@kutaitimur.test" in m.to)
    assert f"/instansi/{agency_a.slug}/pengaduan/{with_agency.code}/" in agency_mail.body
    for message in mail.outbox:
        assert "Rina" not in message.body and "3456" not in message.body
    assert on_time.code not in " ".join(m.subject for m in mail.outbox)


def test_a_new_late_stage_is_a_new_escalation_told_again(officer, slow):
    complaint = file_complaint(slow)
    make_late(complaint)
    escalate_late(timestamp=0)
    run_jobs("complaints.tell_escalation")
    complaints.complaint_verify(complaint=complaint, officer=officer)
    make_late(complaint)
    escalate_late(timestamp=0)
    run_jobs("complaints.tell_escalation")
    assert len(mail.outbox) == 2
