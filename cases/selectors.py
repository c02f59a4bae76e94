"""Reads of the back office and the staff API: an agency's cases, filtered, and one case
with its audit trail. Called inside the agency's scope (services.tenancy)."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from cases.models import Case, CaseEvent
from common import clock
from counters.booking.models import Booking
from counters.queue.models import Ticket
from services.models import Agency, Service

# The back office's ready-made lists, by the name a URL carries; each is one definition
# of CaseQuerySet, shared with the API and the reports.
VIEWS = {
    "jatuh-tempo": _("Jatuh tempo hari ini"),
    "terlambat": _("Terlambat"),
    "kurang": _("Berkas kurang"),
    "belum-diambil": _("Siap diambil > 7 hari, belum diambil"),
    "saya": _("Ditugaskan ke saya"),
}
# The status filter's word for every case, closed ones included (no status: the open ones).
ALL = "semua"


def _view(cases: QuerySet, view: str, *, user, now) -> QuerySet:
    if view == "jatuh-tempo":
        return cases.due_on(clock.local_day(now))
    if view == "terlambat":
        return cases.late(now)
    if view == "kurang":
        return cases.filter(status=Case.Status.INCOMPLETE)
    if view == "belum-diambil":
        return cases.uncollected(now)
    if view == "saya":
        return cases.filter(assignee=user)
    return cases


def agency_cases(
    *, status: str = "", view: str = "", query: str = "", user=None, now=None
) -> QuerySet:
    """The scope's cases, soonest due first, each with its `late` flag: the open ones, or
    those of `status` (ALL: every one), narrowed by one of VIEWS and by a search for a
    tracking code or the agency's own reference."""
    now = now or clock.now()
    cases = Case.objects.with_late(now).select_related("service", "assignee")
    if status == ALL:
        pass
    elif status:
        cases = cases.filter(status=status)
    else:
        cases = cases.open()
    cases = _view(cases, view, user=user, now=now)
    query = query.strip()
    if query:
        cases = cases.filter(Q(code=query.upper()) | Q(reference__iexact=query))
    return cases.order_by("due_at", "opened_at", "pk")


def case_by_code(code: str) -> Case | None:
    """A case of the scope's agency; another agency's is not found."""
    return (
        Case.objects.with_late()
        .select_related("agency", "service", "location", "assignee", "pickup_location")
        .filter(code=code.upper())
        .first()
    )


def case_owner(code: str) -> Case | None:
    """The case of this code in whichever agency, to enter its agency's scope (the one
    place the case's staff views and API look outside a tenant)."""
    with scopes_disabled():
        return Case.objects.select_related("agency").filter(code=code.upper()).first()


def case_by_reference(reference: str) -> Case | None:
    """The scope's case that the agency's own system knows by `reference`."""
    return Case.objects.select_related("agency").filter(reference=reference.strip()).first()


def case_timeline(case: Case) -> QuerySet:
    """Every event of the case, internal notes and assignments included, oldest first."""
    return CaseEvent.objects.filter(case=case).select_related("actor")


def agency_staff(agency: Agency) -> QuerySet:
    """The accounts a case of the agency may be assigned to."""
    return (
        get_user_model()
        .objects.filter(is_active=True, agency_memberships__agency=agency)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def agency_services(agency: Agency) -> QuerySet:
    return Service.objects.filter(agency=agency, is_active=True).order_by("order", "name")


def agency_locations(agency: Agency) -> QuerySet:
    return agency.locations.order_by("name")


def transfer_services(case: Case) -> QuerySet:
    """Active services of the other agencies, where a case may be handed."""
    with scopes_disabled():
        return (
            Service.objects.filter(is_active=True, agency__is_active=True)
            .exclude(agency_id=case.agency_id)
            .select_related("agency")
            .order_by("agency__order", "agency__name", "order", "name")
        )


def missing_requirements(case: Case) -> list:
    with scopes_disabled():
        return list(case.missing_requirements.order_by("order", "pk"))


def serving_ticket(counter, code: str | None = None):
    """The ticket the counter is serving now (the one named `code`, when given)."""
    tickets = Ticket.objects.filter(counter=counter, status=Ticket.Status.SERVING)
    if code is not None:
        tickets = tickets.filter(code=code)
    return tickets.select_related("service", "agency").first()


def booking_by_code(code: str) -> Booking | None:
    """A booking of the scope's agency."""
    return Booking.objects.select_related("location").filter(code=code).first()
