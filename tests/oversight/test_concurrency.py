"""Two detectors at the same instant open one incident per occurrence, and tell it once:
the partial unique constraint decides (remove it and this test fails)."""

import pytest
from django_scopes import scopes_disabled
from procrastinate.contrib.django.models import ProcrastinateJob

from oversight import services
from oversight.models import Incident
from oversight.services import incidents_detect
from tests.counters.queue.test_concurrency import run_parallel, widen_race_window
from tests.oversight.conftest import waiting

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_detectors_at_the_same_instant_open_each_incident_once(
    monkeypatch, now, service_a, location
):
    waiting(service_a, location, minutes_ago=[70, 20])
    # Both detectors read the conditions before either inserts.
    widen_race_window(monkeypatch, "current_conditions", module=services)
    results = run_parallel(2, lambda _i: incidents_detect())
    assert not [r for r in results if isinstance(r, Exception)], results
    with scopes_disabled():
        kinds = sorted(Incident.objects.values_list("kind", flat=True))
        ids = sorted(Incident.objects.values_list("id", flat=True))
    assert kinds == [Incident.Kind.LONG_WAIT, Incident.Kind.UNATTENDED]
    told = ProcrastinateJob.objects.filter(task_name="oversight.tell_heads")
    # Each incident is in exactly one e-mail job.
    assert sorted(pk for job in told for pk in job.args["incident_ids"]) == ids
