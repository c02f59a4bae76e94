"""The watch on due dates: a case late with its work unfinished is flagged once (an
OVERDUE event on its audit trail) and its agency told by e-mail; one late by more than
settings.CASE_ESCALATION_WORKING_DAYS working days is told to the mall admins, once.
The citizen is told nothing here: their timeline already shows the due date passed."""

from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_scopes import scopes_disabled
from procrastinate.contrib.django import app

from cases import deadlines
from cases.models import Case, CaseEvent, clock_stopped
from cases.reports.selectors import UNFINISHED
from common import clock
from common.links import public_url
from common.mail import email_message
from common.side_effects import defer_on_commit
from services.models import Agency
from services.permissions import agency_admins, mall_admins

# Cases claimed by one run; a run every few minutes takes the rest.
BATCH = 500


def _claim(
    cases: QuerySet, *, field: str, now: datetime, keep: Callable[[Case], bool] | None = None
) -> list[Case]:
    """Set `field` to `now` on those of `cases` where it is still empty (and that `keep`
    accepts), and return them. Two workers at the same moment claim different cases: each
    row is locked until the claim commits, a row another worker holds is skipped, and one
    that worker has claimed meanwhile no longer matches (PostgreSQL checks the condition
    again on the row it locks)."""
    locked = list(
        cases.filter(**{f"{field}__isnull": True})
        .annotate(stopped=clock_stopped(now))
        .select_related("service")
        .select_for_update(skip_locked=True, of=("self",))
        .order_by("due_at", "id")[:BATCH]
    )
    claimed = [case for case in locked if keep is None or keep(case)]
    Case.objects.filter(pk__in=[case.pk for case in claimed]).update(**{field: now})
    return claimed


def _audit(cases: list[Case], *, action: str, note: Callable[[Case], str], now: datetime):
    CaseEvent.objects.bulk_create(
        CaseEvent(
            agency_id=case.agency_id,
            case=case,
            action=action,
            source=CaseEvent.Source.PORTAL,
            from_status=case.status,
            to_status=case.status,
            note=note(case),
            due_at=case.due_at,
            at=now,
        )
        for case in cases
    )


def _late_unfinished(now: datetime) -> QuerySet:
    return Case.objects.filter(UNFINISHED).late(now)


def _due_text(case: Case) -> str:
    return f"{timezone.localtime(case.due_at):%d-%m-%Y %H.%M} WITA"


def cases_flag_overdue(*, now: datetime | None = None) -> int:
    """Flag the cases that passed their due date since the last run; how many."""
    now = now or clock.now()
    with transaction.atomic(), scopes_disabled():
        claimed = _claim(_late_unfinished(now), field="overdue_told_at", now=now)
        _audit(
            claimed,
            action=CaseEvent.Action.OVERDUE,
            note=lambda case: _("Batas waktu %(due)s terlewati.") % {"due": _due_text(case)},
            now=now,
        )
        by_agency = defaultdict(list)
        for case in claimed:
            by_agency[case.agency_id].append(case.pk)
        for agency_id, case_ids in by_agency.items():
            defer_on_commit(case_overdue_email, agency_id=agency_id, case_ids=case_ids)
    return len(claimed)


def cases_escalate(*, now: datetime | None = None) -> int:
    """Tell the mall admins of the cases late by more than the margin; how many."""
    now = now or clock.now()
    margin = settings.CASE_ESCALATION_WORKING_DAYS

    def beyond_margin(case: Case) -> bool:
        late = deadlines.working_days_late(
            due=case.due_at, stopped=case.stopped, agency_id=case.agency_id
        )
        return late > margin

    with transaction.atomic(), scopes_disabled():
        # A working day lasts at least a calendar day: no case due later can be beyond.
        candidates = _late_unfinished(now).filter(due_at__lt=now - timedelta(days=margin))
        claimed = _claim(candidates, field="escalated_at", now=now, keep=beyond_margin)
        _audit(
            claimed,
            action=CaseEvent.Action.NOTE,
            note=lambda case: (
                _("Dilaporkan ke pengelola MPP: terlambat lebih dari %(days)d hari kerja.")
                % {"days": margin}
            ),
            now=now,
        )
        if claimed:
            defer_on_commit(case_escalation_email, case_ids=[case.pk for case in claimed])
    return len(claimed)


def _cases(case_ids: list[int]) -> list[Case]:
    with scopes_disabled():
        return list(
            Case.objects.filter(pk__in=case_ids)
            .select_related("agency", "service")
            .order_by("agency__name", "due_at", "id")
        )


def _send(*, subject: str, template: str, context: dict, to: list[str]) -> None:
    recipients = sorted({address.lower() for address in to if address})
    if recipients:
        body = render_to_string(template, context)
        email_message(subject=subject, body=body, to=recipients).send()


@app.task(name="cases.overdue_email", queue="messages")
def case_overdue_email(agency_id: int, case_ids: list[int]) -> None:
    """The agency's e-mail (its own address and its admins') of its newly late cases."""
    with scopes_disabled():
        agency = Agency.objects.get(pk=agency_id)
        admins = list(agency_admins(agency).values_list("email", flat=True))
    cases = _cases(case_ids)
    with override("id"):
        _send(
            subject=_("%(count)d berkas %(agency)s melewati batas waktu")
            % {"count": len(cases), "agency": agency.short_name or agency.name},
            template="cases/email/overdue.txt",
            context={
                "agency": agency,
                "cases": cases,
                "link": public_url("case_reports:agency", agency.slug),
            },
            to=[agency.email, *admins],
        )


@app.task(name="cases.escalation_email", queue="messages")
def case_escalation_email(case_ids: list[int]) -> None:
    """The mall admins' e-mail of cases late beyond the margin."""
    cases = _cases(case_ids)
    with override("id"):
        _send(
            subject=_("%(count)d berkas terlambat lebih dari %(days)d hari kerja")
            % {"count": len(cases), "days": settings.CASE_ESCALATION_WORKING_DAYS},
            template="cases/email/escalation.txt",
            context={
                "cases": cases,
                "days": settings.CASE_ESCALATION_WORKING_DAYS,
                "link": public_url("case_reports:mall"),
            },
            to=list(mall_admins().values_list("email", flat=True)),
        )
