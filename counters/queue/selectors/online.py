"""Which services a citizen can take today's number of from a phone, and how many are left."""

from dataclasses import dataclass

from django.db.models import IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django_scopes import scopes_disabled

from common import clock
from counters.queue.models import DailyIssueCount, DailyQuota


@dataclass(frozen=True)
class OnlineOffer:
    quota: DailyQuota
    left: int


def online_offers(**slugs) -> list[OnlineOffer]:
    """Every active service with a phones' share of its quota at an active location, and
    what is left of that share today; by location, agency and service. `slugs`: location,
    agency, service to narrow it down."""
    issued = DailyIssueCount.objects.filter(
        service=OuterRef("service"),
        location=OuterRef("location"),
        day=clock.today(),
        kind=DailyIssueCount.Kind.ONLINE,
    ).values("issued")
    with scopes_disabled():
        quotas = (
            DailyQuota.objects.filter(
                online_limit__isnull=False,
                service__is_active=True,
                service__agency__is_active=True,
                location__is_active=True,
            )
            .select_related("service__agency", "location")
            .annotate(taken=Coalesce(Subquery(issued), Value(0), output_field=IntegerField()))
            .order_by("location__name", "service__agency__order", "service__name")
        )
        lookups = {"location": "location__slug", "agency": "service__agency__slug"}
        for name, slug in slugs.items():
            quotas = quotas.filter(**{lookups.get(name, "service__slug"): slug})
        return [
            OnlineOffer(quota=quota, left=max(quota.online_limit - quota.taken, 0))
            for quota in quotas
        ]


def online_offer(*, location: str, agency: str, service: str) -> OnlineOffer | None:
    """The offer of one service at one location, if it takes online tickets."""
    offers = online_offers(location=location, agency=agency, service=service)
    return offers[0] if offers else None
