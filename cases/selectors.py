"""Reads of cases for the citizen: a case by its tracking code, behind the last four
digits of the NIK and the limit per code."""

import hmac

from django.db.models import BooleanField, ExpressionWrapper, Prefetch
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from cases import limits
from cases.errors import CaseLookupLimited, CaseNotFound
from cases.models import Case, CaseEvent, late_condition
from common import clock
from counters.booking.selectors import find_schedule, normalize_code

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
