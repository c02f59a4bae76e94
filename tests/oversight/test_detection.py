"""The detector: an incident opens when its condition starts, stays one incident while it
lasts and closes when it ends; each agency's own limits; the head told once; a fixed number
of queries whatever the number of lines."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope, scopes_disabled

from cases.models import Case
from complaints.models import Complaint, ComplaintCategory
from complaints.services import complaint_forward, complaint_submit, complaint_verify
from counters.models import CounterPause, Ticket
from counters.queue import services as queue
from oversight.models import Incident, OversightSetting
from oversight.services import incidents_detect
from tests.cases.conftest import open_case
from tests.factories import LocationFactory, ServiceFactory
from tests.jobs import run_jobs
from tests.oversight.conftest import NOW, open_counter, waiting

pytestmark = pytest.mark.django_db
Kind = Incident.Kind


def incidents(**filters):
    with scopes_disabled():
        return list(Incident.objects.filter(**filters).order_by("id"))


def test_a_line_without_an_open_counter_opens_one_incident_kept_until_a_counter_opens(
    now, service_a, location, operator_a
):
    waiting(service_a, location, minutes_ago=[51, 30, 2])
    incidents_detect()
    [incident] = incidents(kind=Kind.UNATTENDED)
    assert (incident.agency, incident.location, incident.opened_at) == (
        service_a.agency,
        location,
        NOW,
    )
    assert incident.description == "3 menunggu, 51 menit, 0 loket buka"

    now.set(NOW + timedelta(minutes=1))
    result = incidents_detect()
    [kept] = incidents(kind=Kind.UNATTENDED)
    assert (kept.pk, kept.closed_at, result.kept) == (incident.pk, None, 1)
    assert kept.details["longest"] == 52  # the latest figures, on the same incident

    open_counter(service_a, location, operator_a)
    now.set(NOW + timedelta(minutes=2))
    assert incidents_detect().closed == 1
    [closed] = incidents(kind=Kind.UNATTENDED)
    assert closed.closed_at == NOW + timedelta(minutes=2)

    # The same condition again later is a new occurrence: a second incident.
    with scope(agency=service_a.agency):
        queue.counter_close(counter=service_a.counters.get(), operator=operator_a)
    now.set(NOW + timedelta(minutes=3))
    incidents_detect()
    assert [i.closed_at is None for i in incidents(kind=Kind.UNATTENDED)] == [False, True]


def test_a_line_just_started_or_empty_is_no_incident(now, service_a, location):
    waiting(service_a, location, minutes_ago=[4, 1])
    incidents_detect()
    assert incidents() == []


def test_the_wait_limit_is_each_agencys_own_with_a_default_of_an_hour(
    now, service_a, service_b, location, operator_a, operator_b
):
    open_counter(service_a, location, operator_a, number=1)
    open_counter(service_b, location, operator_b, number=2)
    waiting(service_a, location, minutes_ago=[45, 10])
    waiting(service_b, location, minutes_ago=[59, 10])
    incidents_detect()
    assert incidents(kind=Kind.LONG_WAIT) == []

    OversightSetting.objects.create(agency=service_a.agency, wait_limit_minutes=40)
    incidents_detect()
    [late] = incidents(kind=Kind.LONG_WAIT)
    assert late.agency == service_a.agency
    assert late.description == (
        "2 menunggu, terlama 45 menit, median 27 menit (batas 40 menit), 1 loket buka"
    )

    now.set(NOW + timedelta(minutes=1))  # agency B's first visitor reaches the hour
    incidents_detect()
    assert {i.agency for i in incidents(kind=Kind.LONG_WAIT)} == {
        service_a.agency,
        service_b.agency,
    }


def called_at(counter, service, location, minutes_ago):
    with scopes_disabled():
        Ticket.objects.create(
            agency=service.agency,
            location=location,
            service=service,
            day=NOW.date(),
            prefix=service.queue_prefix,
            number=99,
            source=Ticket.Source.KIOSK,
            status=Ticket.Status.DONE,
            queue_class=Ticket.QueueClass.WALK_IN,
            queued_at=NOW - timedelta(hours=1),
            issued_at=NOW - timedelta(hours=1),
            called_at=NOW - timedelta(minutes=minutes_ago),
            counter=counter,
        )


def test_an_open_counter_that_calls_nobody_while_its_line_grows_is_idle(
    now, service_a, location, operator_a
):
    counter = open_counter(service_a, location, operator_a, number=3)
    called_at(counter, service_a, location, minutes_ago=20)
    waiting(service_a, location, minutes_ago=[18, 6])
    incidents_detect()
    [idle] = incidents(kind=Kind.IDLE_COUNTERS)
    assert idle.description == "Loket 3 tidak memanggil selama 15 menit, 2 menunggu"


def test_a_counter_that_called_lately_or_is_on_a_pause_is_not_idle(
    now, service_a, location, operator_a
):
    counter = open_counter(service_a, location, operator_a)
    called_at(counter, service_a, location, minutes_ago=10)
    waiting(service_a, location, minutes_ago=[18, 6])
    incidents_detect()
    assert incidents(kind=Kind.IDLE_COUNTERS) == []

    OversightSetting.objects.create(agency=service_a.agency, idle_limit_minutes=5)
    with scope(agency=service_a.agency):
        queue.counter_pause(counter=counter, operator=operator_a, reason=CounterPause.Reason.PRAYER)
    incidents_detect()
    assert incidents(kind=Kind.IDLE_COUNTERS) == []


def test_a_line_that_did_not_grow_while_the_counter_was_idle_is_no_incident(
    now, service_a, location, operator_a
):
    counter = open_counter(service_a, location, operator_a)
    called_at(counter, service_a, location, minutes_ago=40)
    waiting(service_a, location, minutes_ago=[30, 20])
    incidents_detect()
    assert incidents(kind=Kind.IDLE_COUNTERS) == []


def test_late_cases_and_late_forwarded_complaints_are_one_incident_each_per_agency(
    now, service_a, agency_a, mall_admin, no_scope
):
    cases = [open_case(service_a) for _ in range(2)]
    complaint, _secret = complaint_submit(
        category=ComplaintCategory.objects.get(slug="pelayanan-lambat"),
        subject="Antrian tidak dipanggil",
        description="Menunggu tiga jam.",
        identity="anonymous",
        agency=agency_a,
    )
    complaint_verify(complaint=complaint, officer=mall_admin)
    complaint_forward(complaint=complaint, officer=mall_admin, agency=agency_a, reason="A")
    with scopes_disabled():
        Case.objects.filter(pk__in=[c.pk for c in cases]).update(due_at=NOW - timedelta(days=1))
        Complaint.objects.filter(pk=complaint.pk).update(stage_due_at=NOW - timedelta(hours=1))
    incidents_detect()
    by_kind = {i.kind: i for i in incidents(agency=agency_a)}
    assert by_kind[Kind.LATE_CASES].description == "2 berkas melewati batas waktu"
    assert by_kind[Kind.LATE_COMPLAINTS].description == "1 pengaduan melewati batas tahap"
    assert by_kind[Kind.LATE_CASES].location is None

    with scopes_disabled():
        Case.objects.filter(pk__in=[c.pk for c in cases]).update(completed_at=NOW)
    incidents_detect()
    assert [i.kind for i in incidents(closed_at__isnull=True)] == [Kind.LATE_COMPLAINTS]


def test_the_agencys_head_is_told_once_per_incident_by_email(
    now, service_a, service_b, location, admin_a, operator_a, admin_b
):
    for user, address in ((admin_a, "kepala@a.go.id"), (operator_a, "loket@a.go.id")):
        user.email = address
        user.save()
    waiting(service_a, location, minutes_ago=[20])
    incidents_detect()
    run_jobs()
    now.set(NOW + timedelta(minutes=1))
    incidents_detect()
    run_jobs()
    assert [message.to for message in mail.outbox] == [["kepala@a.go.id"]]
    assert "1 menunggu, 20 menit, 0 loket buka" in mail.outbox[0].body
    [incident] = incidents()
    assert incident.notified_at == NOW

    # A new occurrence is told anew.
    mail.outbox.clear()
    waiting(service_b, location, minutes_ago=[30])
    now.set(NOW + timedelta(minutes=2))
    incidents_detect()
    run_jobs()
    assert mail.outbox == []  # agency B's admin has no e-mail address: nothing to send
    assert all(i.notified_at is not None for i in incidents())


# Limits and six condition reads, the open incidents, at most one close, one update, one
# insert, the claim (select and update) and the e-mail job; a savepoint and its release.
DETECTOR_QUERIES = 15


def detector_queries() -> int:
    with CaptureQueriesContext(connection) as queries:
        incidents_detect()
    return len(queries)


def test_the_detector_runs_a_fixed_number_of_queries(now, agency_a, agency_b):
    # Lines of two agencies at four locations, with incidents to open, then to keep and
    # update, then to close: never more queries than the fixed budget.
    for place in LocationFactory.create_batch(4):
        for agency, prefix in ((agency_a, "A"), (agency_b, "B")):
            service = ServiceFactory(agency=agency, queue_prefix=prefix, locations=[place])
            waiting(service, place, minutes_ago=[90, 61, 30])
    assert detector_queries() <= DETECTOR_QUERIES
    assert len(incidents(closed_at__isnull=True)) == 16
    now.set(NOW + timedelta(minutes=1))
    assert detector_queries() <= DETECTOR_QUERIES
    with scopes_disabled():
        Ticket.objects.update(status=Ticket.Status.CANCELLED)
    assert detector_queries() <= DETECTOR_QUERIES
    assert incidents(closed_at__isnull=True) == []
