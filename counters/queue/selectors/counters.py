"""Counters as staff see them: only those of the agencies they work for."""

from django.db.models import Prefetch
from django_scopes import scopes_disabled

from counters.queue.models import Counter, CounterPause
from services.permissions import operated_agency_ids


def staff_counters(
    user, *, location: str | None = None, agency: str | None = None, pk: int | None = None
) -> list[Counter]:
    """Counters of the user's agencies, with services and any open pause loaded."""
    filters = {"agency_id__in": operated_agency_ids(user)}
    if location:
        filters["location__slug"] = location
    if agency:
        filters["agency__slug"] = agency
    if pk is not None:
        filters["pk"] = pk
    with scopes_disabled():
        return list(
            Counter.objects.filter(**filters)
            .select_related("agency", "location", "operator")
            .prefetch_related(
                "services",
                Prefetch(
                    "pauses",
                    queryset=CounterPause.objects.filter(ended_at__isnull=True),
                    to_attr="open_pauses",
                ),
            )
            .order_by("location__order", "number")
        )


def counter_by_id(pk: int) -> Counter | None:
    """A counter with its agency and location, as it is now (open, operator)."""
    with scopes_disabled():
        return Counter.objects.select_related("agency", "location").filter(pk=pk).first()
