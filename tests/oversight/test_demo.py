"""The demo's past incidents: over, within the last 90 days, the same on a second run."""

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from common import clock
from oversight.models import Incident

pytestmark = pytest.mark.django_db


def test_seed_demo_leaves_a_reproducible_history_of_incidents_once():
    call_command("seed_demo", "--force")
    with scopes_disabled():
        first = list(
            Incident.objects.order_by("id").values_list("agency__slug", "kind", "opened_at")
        )
        assert len(first) >= 10
        assert not Incident.objects.filter(closed_at__isnull=True).exists()
        oldest = min(opened for _a, _k, opened in first)
        assert (clock.today() - clock.local_day(oldest)).days <= 92
        call_command("seed_demo", "--force")
        again = list(
            Incident.objects.order_by("id").values_list("agency__slug", "kind", "opened_at")
        )
    assert again == first
