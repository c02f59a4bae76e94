"""Reads of the suggestions: an agency's inbox, the mall's across agencies, open counts."""

from django.db.models import QuerySet
from django_scopes import scopes_disabled

from counters.survey.suggestions.models import Suggestion
from services.models import Agency

RELATED = ("agency", "response__service", "response__counter", "replied_by", "handled_by")


def _inbox(rows: QuerySet, *, status: str) -> QuerySet:
    if status:
        rows = rows.filter(status=status)
    return rows.select_related(*RELATED).order_by("-received_at", "-pk")


def agency_suggestions(*, agency: Agency, status: str = "") -> QuerySet:
    """The agency's suggestions, newest first (inside its scope: another agency's are not
    there)."""
    return _inbox(Suggestion.objects.filter(agency=agency), status=status)


def mall_suggestions(*, agency: Agency | None = None, status: str = "") -> QuerySet:
    """Every agency's suggestions (one agency's when given), newest first, for the mall."""
    with scopes_disabled():  # the mall reads every tenant's suggestions
        rows = Suggestion.objects.all()
        if agency is not None:
            rows = rows.filter(agency=agency)
        return _inbox(rows, status=status)


def agency_suggestion(*, agency: Agency, suggestion_id: int) -> Suggestion | None:
    """One suggestion of the agency; None for another agency's."""
    with scopes_disabled():  # the agency filter below is the tenant's boundary
        return Suggestion.objects.filter(agency=agency, pk=suggestion_id).first()


def open_suggestion_count(*, agency: Agency) -> int:
    with scopes_disabled():  # one agency's count, named by the filter
        return Suggestion.objects.filter(agency=agency, status=Suggestion.Status.OPEN).count()
