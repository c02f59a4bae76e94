"""Reads of cases: for the citizen, a case by its tracking code behind the last four digits
of the NIK and the limit per code; for the back office and the staff API, an agency's cases,
filtered, and one case with its audit trail (inside the agency's scope, services.tenancy)."""

import hmac

from django.contrib.auth import get_user_model
from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from cases import limits
from cases.errors import CaseLookupLimited, CaseNotFound
from cases.models import Case, CaseEvent, late_condition
from common import clock
from counters.booking.models import Booking
from counters.booking.selectors import find_schedule, normalize_code
from counters.queue.models import Ticket
from services.models import Agency, Service

# The back office's ready-made lists, by the name a URL carries; each is one definition
# of CaseQuerySet, shared with the API and the reports.
VIEWS = {
    "jatuh-tempo": gettext_lazy("Jatuh tempo hari ini"),
    "terlambat": gettext_lazy("Terlambat"),
    "kurang": gettext_lazy("Berkas kurang"),
    "belum-diambil": gettext_lazy("Siap diambil > 7 hari, belum diambil"),
    "saya": gettext_lazy("Ditugaskan ke saya"),
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


# Compared against when the code is unknown, so that a miss costs the same as wrong digits.
_NO_DIGITS = "----"


def case_for_citizen(code: str) -> Case | None:
    """The case with this tracking code, with all its public page shows, in three queries:
    the case with its service, agency and places (and whether it is late, by the one rule
    of lateness); its missing persyaratan; its public timeline (`public_events`)."""
    late = ExpressionWrapper(late_condition(clock.now()), output_field=BooleanField())
    # A citizen's own case, found by its code: no agency scope applies.
    with scopes_disabled():
        timeline = CaseEvent.objects.filter(action__in=CaseEvent.PUBLIC).order_by("at", "id")
        return (
            Case.objects.filter(code=code)
            .select_related("agency", "service", "location", "pickup_location")
            .prefetch_related(
                "missing_requirements",
                Prefetch("events", queryset=timeline, to_attr="public_events"),
            )
            .annotate(late=late)
            .first()
        )


def case_lookup(*, code: str, nik_last4: str) -> Case:
    """The case of `code` (spaces and hyphens ignored, any case) when `nik_last4` are the
    last four digits of its NIK. Wrong digits and an unknown code raise the same
    CaseNotFound and count against the code; a code with too many today raises
    CaseLookupLimited, whatever the digits."""
    code = normalize_code(code)
    if limits.code_is_locked(code):
        raise CaseLookupLimited(
            _("Terlalu banyak percobaan untuk kode ini. Silakan coba lagi besok.")
        )
    case = case_for_citizen(code)
    expected = case.nik_last4 if case is not None else _NO_DIGITS
    if not hmac.compare_digest(expected.encode(), nik_last4.encode()) or case is None:
        limits.count_wrong_digits(code)
        raise CaseNotFound(_("Kode atau 4 digit NIK tidak cocok."))
    return case


def case_pickup_booking_path(case: Case) -> str:
    """Where a ready case's pickup visit is booked: the booking page of its service at the
    pickup location, when the service takes bookings there; "" otherwise."""
    if case.status != Case.Status.READY or case.pickup_location is None:
        return ""
    schedule = find_schedule(
        agency_slug=case.agency.slug,
        service_slug=case.service.slug,
        location_slug=case.pickup_location.slug,
    )
    if schedule is None:
        return ""
    query = urlencode({"lokasi": schedule.location.slug})
    return f"{reverse('booking:service', args=[case.agency.slug, case.service.slug])}?{query}"
