"""Real parallel transactions: two changes of one case at the same instant."""

import pytest
from django_scopes import scopes_disabled

from cases import services as cases
from cases.errors import InvalidCaseTransition
from cases.models import Case, CaseEvent
from cases.services import changes
from tests.cases.conftest import open_case
from tests.counters.queue.test_concurrency import run_parallel, widen_race_window

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("database_route")]


def test_a_clerk_and_the_agencys_system_cannot_both_close_one_case(service, monkeypatch):
    """Ready and refused at the same instant: one wins, the other is told the case moved on
    (fails without the case's row lock: both would be recorded from "in process")."""
    with scopes_disabled():
        case = open_case(service)
    widen_race_window(monkeypatch, "lock_case", module=changes)
    outcomes = [
        {"status": Case.Status.READY},
        {"status": Case.Status.REFUSED, "reason": "Data ganda", "basis": "Perpres 96/2018"},
    ]

    def change(index):
        with scopes_disabled():
            return cases.case_change_status(
                case=case, source=CaseEvent.Source.SYSTEM, **outcomes[index]
            )

    results = run_parallel(2, change)
    refused = [r for r in results if isinstance(r, InvalidCaseTransition)]
    assert len(refused) == 1, results
    with scopes_disabled():
        assert CaseEvent.objects.filter(case=case, action="status").count() == 1
