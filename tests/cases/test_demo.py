"""Demo cases: every state over the last 90 days, created once, the same on every run."""

import random
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from django.utils import timezone

from cases import demo
from cases.models import Case, CaseEvent
from common import clock
from counters.queue import demo as queue_demo
from services import demo as services_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_world(no_scope):
    services_demo.seed()
    queue_demo.seed()


def test_demo_cases_cover_every_state_and_every_story(demo_world):
    assert demo.seed()["cases"] > 100
    now = clock.now()
    assert set(Case.objects.values_list("status", flat=True)) == set(Case.Status.values)
    assert Case.objects.filter(completed_at__isnull=True).late(now).exists()
    assert Case.objects.filter(completed_at__isnull=False).late(now).exists()
    assert Case.objects.filter(paused_at__isnull=False, status="incomplete").exists()
    assert (
        not Case.objects.filter(status="incomplete", missing_requirements=None)
        .filter(missing_note="")
        .exists()
    )
    refused = Case.objects.filter(status="refused")
    assert all(case.refusal_reason and case.refusal_basis for case in refused)
    assert Case.objects.filter(status="ready", completed_at__lt=now - timedelta(days=7)).exists()
    assert Case.objects.filter(due_at__isnull=True).exists()
    assert {"dukcapil", "dpmptsp", "imigrasi"} <= set(
        Case.objects.values_list("agency__slug", flat=True)
    )
    assert not Case.objects.filter(opened_at__lt=now - timedelta(days=demo.DAYS + 1)).exists()


def test_office_hours_move_an_opening_back_less_than_their_shift():
    start = datetime(2026, 9, 1, tzinfo=UTC)
    for hours in range(14 * 24):
        moment = start + timedelta(hours=hours, minutes=37)
        opened = demo._office_hours(moment, random.Random(hours))  # noqa: S311
        assert timedelta(0) <= moment - opened < demo.OFFICE_HOURS_SHIFT
        assert timezone.localtime(opened).weekday() < 5


def test_every_demo_change_has_its_event_in_order(demo_world):
    demo.seed()
    for case in Case.objects.prefetch_related("events"):
        events = list(case.events.all())
        assert events[0].action == "opened" and events[0].at == case.opened_at
        assert events[-1].to_status == case.status
        assert all(a.to_status == b.from_status for a, b in pairwise(events))
        assert all(a.at <= b.at for a, b in pairwise(events))


def test_seeding_twice_changes_nothing(demo_world):
    demo.seed()
    before = list(Case.objects.order_by("code").values_list("code", "status", "due_at"))
    events = CaseEvent.objects.count()
    assert demo.seed() == {"cases": 0}
    assert before == list(Case.objects.order_by("code").values_list("code", "status", "due_at"))
    assert CaseEvent.objects.count() == events
