"""The demo complaints: every stage over the last 90 days, the officer account, once."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model

from common import clock
from complaints import demo
from complaints.models import Complaint, ComplaintEvent
from services import demo as services_demo
from services.permissions import is_complaint_officer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_scope")]


def test_demo_complaints_cover_every_stage_and_are_seeded_once():
    services_demo.seed()
    demo.seed()
    first = {c.code: c.stage for c in Complaint.objects.all()}
    demo.seed()
    assert {c.code: c.stage for c in Complaint.objects.all()} == first
    assert set(first.values()) == set(Complaint.Stage.values)
    complaints = Complaint.objects.all()
    now = clock.now()
    assert all(now - timedelta(days=91) < c.received_at <= now for c in complaints)
    assert complaints.filter(stage_escalated_at__isnull=False).count() >= 2
    assert {c.agency.slug for c in complaints.filter(agency__isnull=False)} >= {
        "dukcapil",
        "dpmptsp",
    }
    assert complaints.filter(satisfied=True).exists() and complaints.filter(reopened=True)
    assert complaints.filter(publish_as_faq=True, stage="resolved").count() == 2
    # Every history runs forward in time, from the receipt.
    for complaint in complaints:
        moments = list(complaint.events.order_by("id").values_list("at", flat=True))
        assert moments == sorted(moments) and moments[0] == complaint.received_at
    assert ComplaintEvent.objects.filter(action="escalated").exists()
    officer = get_user_model().objects.get(username="pengaduan")
    assert officer.check_password(services_demo.DEMO_PASSWORD) and is_complaint_officer(officer)
