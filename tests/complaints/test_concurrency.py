"""Two workers escalating late stages at the same instant."""

from datetime import timedelta

import pytest
from django_scopes import scopes_disabled

from common import clock
from complaints import services as complaints
from complaints.models import ComplaintCategory, ComplaintEvent
from tests.counters.queue.test_concurrency import run_parallel, widen_race_window

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("database_route")]


def test_two_workers_escalate_each_late_stage_once(monkeypatch):
    """Fails without the rows' lock: both workers would read the same late complaints."""
    with scopes_disabled():
        # A transactional test's database is flushed: the migration's categories are gone.
        category, _ = ComplaintCategory.objects.get_or_create(slug="lainnya", name="Lainnya")
        for number in range(3):
            complaints.complaint_submit(
                category=category,
                subject=f"Keluhan {number}",
                description="Tidak ditanggapi.",
                identity="anonymous",
            )
    later = clock.now() + timedelta(days=30)
    widen_race_window(monkeypatch, "_record", module=complaints)
    results = run_parallel(2, lambda index: complaints.complaint_escalate_late(now=later))
    assert sorted(len(result) for result in results) in ([0, 3], [1, 2]), results
    assert ComplaintEvent.objects.filter(action="escalated").count() == 3
