"""The due-date watch: each late case flagged once and its agency told; the mall admins told
once of a case late beyond the margin; the citizen told nothing by it."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db.models import Count
from django_scopes import scopes_disabled

from cases import overdue
from cases.messages import case_messages_consent
from cases.models import Case, CaseEvent
from cases.services import case_change_status
from cases.tasks import watch_due_dates
from notifications.models import Message
from tests.cases.conftest import open_case, wita
from tests.counters.queue.test_concurrency import run_parallel, widen_race_window
from tests.factories import ServiceFactory, UserFactory
from tests.jobs import run_jobs

# Due on Monday 2 March 2026 at the end of the day (opened on Friday, one working day).
OPENED = wita(2026, 2, 27, 9, 0)


@pytest.fixture
def one_day(agency_a):
    agency_a.email = "layanan@instansi-a.go.id"
    agency_a.save()
    return ServiceFactory(
        agency=agency_a,
        name="Kartu Keluarga",
        processing_time="1 hari kerja",
        processing_unit="working_days",
        processing_amount=1,
    )


def late_cases(at, service, count):
    """`count` cases due on Monday 2 March, of a citizen who allowed case messages."""
    case_messages_consent(phone="+6281234567890", channels=["whatsapp"])
    at(OPENED)
    return [open_case(service, phone="081234567890") for _ in range(count)]


def overdue_events():
    with scopes_disabled():
        return CaseEvent.objects.filter(action=CaseEvent.Action.OVERDUE)


@pytest.mark.django_db
def test_each_late_case_is_flagged_once_and_its_agency_told_once(
    at, one_day, admin_a, operator_a, no_scope
):
    admin_a.email = "kepala@instansi-a.go.id"
    admin_a.save()
    first, second = late_cases(at, one_day, 2)
    at(wita(2026, 3, 2, 23, 0))
    assert overdue.cases_flag_overdue() == 0
    at(wita(2026, 3, 3, 8, 0))
    assert overdue.cases_flag_overdue() == 2
    assert overdue.cases_flag_overdue() == 0
    assert set(overdue_events().values_list("case", flat=True)) == {first.pk, second.pk}
    assert "02-03-2026 23.59 WITA" in overdue_events().first().note
    run_jobs("cases.overdue_email")
    (message,) = mail.outbox
    assert sorted(message.to) == ["kepala@instansi-a.go.id", "layanan@instansi-a.go.id"]
    assert first.code in message.body and second.code in message.body
    assert "/instansi/instansi-a/laporan/berkas/" in message.body
    assert "Kartu Keluarga" in message.body
    # The citizen was told of each opening, and by the watch of nothing more.
    assert Message.objects.filter(template="case_status").count() == 2


@pytest.mark.django_db
def test_finished_paused_and_unmeasured_cases_are_not_flagged(at, one_day, agency_a, no_scope):
    ready, paused = late_cases(at, one_day, 2)
    unmeasured = ServiceFactory(agency=agency_a)
    open_case(unmeasured)
    at(wita(2026, 3, 2, 10, 0))
    case_change_status(case=ready, status="ready", source="staff")
    case_change_status(case=paused, status="incomplete", source="staff", missing_note="KK asli")
    at(wita(2026, 3, 20, 8, 0))
    assert overdue.cases_flag_overdue() == 0
    assert overdue.cases_escalate() == 0


@pytest.mark.django_db
def test_a_case_late_beyond_the_margin_is_told_to_the_mall_admins_once(
    at, one_day, mall_admin, settings, no_scope
):
    settings.CASE_ESCALATION_WORKING_DAYS = 3
    mall_admin.email = "pengelola@mpp.kutaitimurkab.go.id"
    mall_admin.save()
    group_member = UserFactory(username="staf-mpp", email="staf@mpp.kutaitimurkab.go.id")
    group_member.groups.add(Group.objects.create(name=settings.MALL_ADMIN_GROUP))
    UserFactory(username="warga", email="warga@example.org")
    (case,) = late_cases(at, one_day, 1)
    # Due Monday: late on Tuesday, Wednesday and Thursday is three working days, not more.
    at(wita(2026, 3, 5, 16, 0))
    assert overdue.cases_escalate() == 0
    at(wita(2026, 3, 6, 8, 0))
    assert overdue.cases_escalate() == 1
    assert overdue.cases_escalate() == 0
    with scopes_disabled():
        case.refresh_from_db()
        note = CaseEvent.objects.get(case=case, action=CaseEvent.Action.NOTE)
    assert case.escalated_at == wita(2026, 3, 6, 8, 0)
    assert "lebih dari 3 hari kerja" in note.note
    run_jobs("cases.escalation_email")
    (message,) = mail.outbox
    assert sorted(message.to) == [
        "pengelola@mpp.kutaitimurkab.go.id",
        "staf@mpp.kutaitimurkab.go.id",
    ]
    assert case.code in message.body and "/laporan/mpp/berkas/" in message.body


@pytest.mark.django_db
def test_the_margin_counts_working_days_only(at, one_day, settings, no_scope):
    """Due Friday 13 March 2026: the weekend and Nyepi (Thursday 19 March) and its cuti
    bersama (Wednesday 18 March) do not count."""
    settings.CASE_ESCALATION_WORKING_DAYS = 3
    at(wita(2026, 3, 12, 9, 0))
    open_case(one_day)
    at(wita(2026, 3, 19, 9, 0))  # Monday 16 and Tuesday 17 March: two working days
    assert overdue.cases_escalate() == 0


@pytest.mark.django_db
def test_the_periodic_task_flags_and_escalates(at, one_day, no_scope):
    late_cases(at, one_day, 1)
    at(wita(2026, 3, 20, 8, 0))
    assert watch_due_dates(timestamp=0) == {"overdue": 1, "escalated": 1}
    assert watch_due_dates(timestamp=0) == {"overdue": 0, "escalated": 0}


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("database_route")
def test_parallel_workers_flag_each_case_once(at, one_day, monkeypatch):
    """Four workers at the same instant (fails without the claim's row lock: each would
    read the same unflagged cases and record them again)."""
    with scopes_disabled():
        late_cases(at, one_day, 12)
    at(wita(2026, 3, 3, 8, 0))
    widen_race_window(monkeypatch, "_claim", module=overdue)

    def flag(_index):
        with scopes_disabled():
            return overdue.cases_flag_overdue()

    results = run_parallel(4, flag)
    assert sum(results) == 12, results
    with scopes_disabled():
        flagged = overdue_events().values("case").annotate(n=Count("id"))
        assert sorted(row["n"] for row in flagged) == [1] * 12
        assert not Case.objects.filter(overdue_told_at__isnull=True).exists()
