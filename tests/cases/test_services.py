"""Opening and changing cases: due dates from the published time, the paused clock,
refusals, idempotent changes, audit rows, assignment, transfer and messages."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django_scopes import scopes_disabled

from cases.errors import CaseRefused, InvalidCaseTransition
from cases.models import Case, CaseEvent
from cases.services import (
    case_add_note,
    case_assign,
    case_change_status,
    case_open,
    case_transfer,
)
from counters.queue.models import Ticket
from notifications.consent import consent_grant
from notifications.models import Message
from tests.cases.conftest import open_case, wita
from tests.factories import BookingClosureFactory, ServiceFactory, ServiceRequirementFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_scope")]
Status = Case.Status
STAFF = CaseEvent.Source.STAFF


def local_day(moment):
    return moment.astimezone(wita(2026, 1, 1).tzinfo).date()


def test_a_case_is_due_after_the_services_working_days_skipping_the_weekend(
    service, operator_a, at
):
    at(wita(2026, 12, 3, 10, 0))  # a Thursday
    case = open_case(service, actor=operator_a)
    # Fri 4, Mon 7, Tue 8, Wed 9, Thu 10: the fifth working day, until its end.
    assert local_day(case.due_at).isoformat() == "2026-12-10"
    assert case.status == Status.IN_PROCESS and len(case.code) == 10
    (event,) = case.events.all()
    assert (event.action, event.to_status, event.actor) == ("opened", "in_process", operator_a)
    assert event.due_at == case.due_at


def test_the_due_date_skips_idul_fitri_and_its_cuti_bersama(service, at):
    at(wita(2026, 3, 17, 9, 0))  # Tuesday before Nyepi, Idul Fitri and their cuti bersama
    case = open_case(service)
    # 18 (cuti Nyepi), 19 (Nyepi), 20 (cuti), 21-22 (Idul Fitri, weekend), 23-24 (cuti)
    # are not counted: 25, 26, 27, 30, 31 March.
    assert local_day(case.due_at).isoformat() == "2026-03-31"


def test_an_agency_closure_day_is_not_a_working_day(service, at):

    BookingClosureFactory(agency=service.agency, location=None, date=wita(2026, 12, 4).date())
    at(wita(2026, 12, 3, 10, 0))
    assert local_day(open_case(service).due_at).isoformat() == "2026-12-11"


def test_a_service_promising_no_measurable_time_has_no_due_date_and_is_never_late(agency_a, at):
    vague = ServiceFactory(agency=agency_a, processing_time="Sesuai penilaian bank")
    at(wita(2026, 12, 3, 10, 0))
    case = open_case(vague)
    at(wita(2027, 3, 1, 10, 0))
    assert case.due_at is None and not case.is_late


def test_an_incomplete_file_stops_the_clock_until_it_is_complete_again(service, requirements, at):
    at(wita(2026, 12, 3, 10, 0))  # Thursday, due Thursday 10 December
    case = open_case(service)
    at(wita(2026, 12, 4, 9, 0))  # Friday: the citizen must bring the family card
    case, _ = case_change_status(
        case=case, status=Status.INCOMPLETE, source=STAFF, missing=[requirements[0].pk]
    )
    assert case.paused_at is not None
    assert list(case.missing_requirements.all()) == [requirements[0]]
    at(wita(2026, 12, 16, 9, 0))  # it sits paused past the due date: not late meanwhile
    assert not case.is_late
    case, event = case_change_status(case=case, status=Status.IN_PROCESS, source=STAFF)
    # Paused from Friday 4 to Wednesday 16: 8 working days (7-11, 14-16) move the due date
    # from Thursday 10 to Tuesday 22.
    assert local_day(case.due_at).isoformat() == "2026-12-22"
    assert case.paused_at is None and event.due_at == case.due_at


def test_a_pause_over_a_weekend_costs_a_working_day_service_nothing(service, at):
    at(wita(2026, 12, 3, 10, 0))
    case = open_case(service)
    at(wita(2026, 12, 4, 16, 0))  # Friday afternoon
    case, _ = case_change_status(
        case=case, status=Status.INCOMPLETE, source=STAFF, missing_note="Materai"
    )
    at(wita(2026, 12, 5, 9, 0))  # Saturday: brought in, resumed before Monday
    case, _ = case_change_status(case=case, status=Status.IN_PROCESS, source=STAFF)
    assert local_day(case.due_at).isoformat() == "2026-12-10"


def test_a_case_opened_incomplete_at_the_counter_starts_with_its_clock_stopped(
    service, requirements, at
):
    at(wita(2026, 12, 3, 10, 0))
    case = open_case(service, status=Status.INCOMPLETE, missing=[requirements[1].pk])
    assert case.paused_at == wita(2026, 12, 3, 10, 0)


def test_incomplete_needs_what_is_missing_from_the_services_own_list(
    service, requirements, agency_a
):
    other = ServiceFactory(agency=agency_a)

    foreign = ServiceRequirementFactory(service=other)
    with pytest.raises(CaseRefused):
        open_case(service, status=Status.INCOMPLETE)
    with pytest.raises(CaseRefused):
        open_case(service, status=Status.INCOMPLETE, missing=[foreign.pk])
    assert not Case.objects.exists()


def test_a_refusal_needs_a_reason_and_its_legal_basis_and_closes_the_case(service, at):
    at(wita(2026, 12, 3, 10, 0))
    case = open_case(service)
    with pytest.raises(CaseRefused):
        case_change_status(case=case, status=Status.REFUSED, source=STAFF, reason="Ganda")
    case.refresh_from_db()
    assert case.status == Status.IN_PROCESS and case.events.count() == 1
    case, _ = case_change_status(
        case=case,
        status=Status.REFUSED,
        source=STAFF,
        reason="Data ganda di SIAK",
        basis="Permendagri 109/2019 pasal 12",
    )
    assert case.is_closed and case.completed_at == case.closed_at
    assert case.refusal_basis == "Permendagri 109/2019 pasal 12"


def test_a_transition_the_rules_do_not_allow_changes_nothing(service):
    case = open_case(service)
    case_change_status(case=case, status=Status.READY, source=STAFF)
    with pytest.raises(InvalidCaseTransition):
        case_change_status(case=case, status=Status.INCOMPLETE, source=STAFF, missing_note="x")
    with pytest.raises(CaseRefused):
        case_change_status(case=case, status="lost", source=STAFF)
    case.refresh_from_db()
    assert case.status == Status.READY and case.events.count() == 2


def test_a_change_sent_again_is_recorded_once(service):
    case = open_case(service)
    _, first = case_change_status(
        case=case, status=Status.READY, source=CaseEvent.Source.SYSTEM, reference="siak-77"
    )
    _, again = case_change_status(
        case=case, status=Status.READY, source=CaseEvent.Source.SYSTEM, reference="siak-77"
    )
    _, same = case_change_status(case=case, status=Status.READY, source=STAFF)
    assert again == first and same is None
    assert case.events.filter(action="status").count() == 1


def test_the_database_refuses_a_second_event_with_the_same_reference(service):
    case = open_case(service)
    case_change_status(case=case, status=Status.READY, source=STAFF, reference="oss-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseEvent.objects.create(
            agency=case.agency,
            case=case,
            action="status",
            source=STAFF,
            to_status="ready",
            reference="oss-1",
            at=case.opened_at,
        )


def test_late_is_past_the_due_date_until_the_work_is_completed(service, at):
    at(wita(2026, 12, 3, 10, 0))
    on_time, late = open_case(service), open_case(service, nik_last4="0002")
    at(wita(2026, 12, 9, 10, 0))
    on_time, _ = case_change_status(case=on_time, status=Status.READY, source=STAFF)
    at(wita(2026, 12, 11, 0, 0) + timedelta(seconds=1))
    assert late.is_late and not on_time.is_late
    on_time, _ = case_change_status(case=on_time, status=Status.HANDED_OVER, source=STAFF)
    assert not on_time.is_late  # collected late, but the agency's work was on time


def test_a_case_from_a_ticket_is_one_per_visit_and_of_the_tickets_agency(
    service, agency_b, location
):
    from counters.queue.services import ticket_issue

    ticket = ticket_issue(service=service, location=location)
    case = open_case(service, ticket=ticket)
    assert case.location == location
    with pytest.raises(CaseRefused) as refused:
        open_case(service, ticket=ticket)
    assert refused.value.status == 409
    foreign = ServiceFactory(agency=agency_b)
    with pytest.raises(CaseRefused):
        open_case(foreign, ticket=Ticket.objects.get(pk=ticket.pk))


def test_the_nik_digits_are_four_digits(service):
    for bad in ("123", "12a4", "12345", ""):
        with pytest.raises(CaseRefused):
            open_case(service, nik_last4=bad)


def test_assignment_is_to_the_agencys_own_staff_and_recorded(service, operator_a, operator_b):
    case = open_case(service)
    with pytest.raises(CaseRefused):
        case_assign(case=case, assignee=operator_b, actor=operator_a)
    case = case_assign(case=case, assignee=operator_a, actor=operator_a)
    assert case.assignee == operator_a
    assert case.events.last().action == "assigned"


def test_notes_and_assignments_stay_off_the_citizens_timeline(service, operator_a):
    case = open_case(service)
    case_add_note(case=case, actor=operator_a, note="Menunggu blangko")
    with pytest.raises(CaseRefused):
        case_add_note(case=case, actor=operator_a, note="  ")
    public = case.events.filter(action__in=CaseEvent.PUBLIC)
    assert [event.action for event in public] == ["opened"]


def test_a_transfer_gives_the_case_to_the_other_agency_with_its_reason(
    service, agency_b, operator_a, at
):
    at(wita(2026, 12, 3, 10, 0))
    target = ServiceFactory(agency=agency_b, processing_unit="same_day")
    case = open_case(service, reference="REG-1")
    with pytest.raises(CaseRefused):
        case_transfer(case=case, service=target, actor=operator_a, note="")
    case = case_transfer(case=case, service=target, actor=operator_a, note="Wewenang B")
    assert (case.agency, case.service, case.reference) == (agency_b, target, "")
    assert local_day(case.due_at).isoformat() == "2026-12-03"
    assert case.events.last().agency == agency_b
    case, _ = case_change_status(case=case, status=Status.READY, source=STAFF)
    case, _ = case_change_status(case=case, status=Status.HANDED_OVER, source=STAFF)
    with pytest.raises(InvalidCaseTransition):
        case_transfer(case=case, service=service, actor=operator_a, note="Kembali")


def test_every_change_on_the_timeline_is_told_to_a_consented_number_once(service):
    consent_grant(recipient="+6281234567890", channel="whatsapp", purpose="case", source="uji")
    told = open_case(service, phone="0812 3456 7890")
    silent = open_case(service, nik_last4="0002", phone="0812 9999 8888")
    assert told.phone == "+6281234567890"
    with pytest.raises(CaseRefused):
        open_case(service, phone="021 555 1234")
    for case in (told, silent):
        case_change_status(case=case, status=Status.READY, source=STAFF)
        case_change_status(case=case, status=Status.READY, source=STAFF)
    case_add_note(case=told, actor=None, note="internal")
    with scopes_disabled():
        messages = list(Message.objects.order_by("id"))
    assert [m.template for m in messages] == ["case_status", "case_status"]
    assert messages[1].context["status"] == "Siap diambil"
    assert messages[1].context["link"].endswith(f"/lacak/{told.code}/")


def test_case_open_refuses_a_status_a_case_cannot_start_in(service):
    with pytest.raises(CaseRefused):
        case_open(service=service, nik_last4="0001", status=Status.READY)


def test_the_late_filter_and_a_cases_is_late_are_one_rule(service, requirements, at):
    at(wita(2026, 12, 1, 10, 0))
    cases = {
        "open": open_case(service),
        "paused_in_time": open_case(service, status=Status.INCOMPLETE, missing_note="KK"),
        "completed": open_case(service),
        "paused_late": open_case(service),
    }
    at(wita(2026, 12, 3, 10, 0))
    case_change_status(case=cases["completed"], status=Status.READY, source=STAFF)
    at(wita(2026, 12, 9, 10, 0))
    case_change_status(
        case=cases["paused_late"], status=Status.INCOMPLETE, source=STAFF, missing_note="x"
    )
    for moment in (wita(2026, 12, 5, 10, 0), wita(2026, 12, 12, 10, 0)):
        at(moment)
        late_ids = set(Case.objects.late().values_list("pk", flat=True))
        for name, case in cases.items():
            case.refresh_from_db()
            assert (case.pk in late_ids) == case.is_late, (name, moment)
    assert late_ids == {cases["open"].pk, cases["paused_late"].pk}
