"""Reads shared by the pages and the API of agencies, locations and services."""

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django_scopes import scopes_disabled

from counters.queue.selectors.reference import cached_reference
from services.models import (
    Agency,
    LegalBasis,
    Location,
    Service,
    ServiceRequirement,
    ServiceStep,
    localized,
)
from services.search import ParsedQuery, parse_query, search_services


def public_agencies() -> QuerySet[Agency]:
    return Agency.objects.filter(is_active=True).prefetch_related("locations")


def public_locations() -> QuerySet[Location]:
    return Location.objects.all()


def active_locations() -> QuerySet[Location]:
    return Location.objects.filter(is_active=True)


def catalog_agencies() -> QuerySet[Agency]:
    """Active agencies with the number of their active services, for the catalog grid."""
    with scopes_disabled():
        return (
            Agency.objects.filter(is_active=True)
            .annotate(service_count=Count("services", filter=Q(services__is_active=True)))
            .order_by("order", "name")
        )


def public_services() -> QuerySet[Service]:
    """Active services of active agencies, across agencies."""
    with scopes_disabled():
        return Service.objects.filter(is_active=True, agency__is_active=True).select_related(
            "agency"
        )


def catalog_categories() -> list[dict]:
    """Categories of active services with their counts; `label` is the name this visitor
    reads (the English one an agency gave, when they chose English). Reference data: read
    again after a catalog change."""

    def load():
        return list(
            public_services()
            .exclude(category="")
            .values("category")
            .annotate(count=Count("id"), category_en=Max("category_en"))
            .order_by("category")
        )

    categories = cached_reference("ref:catalog-categories", load)
    for row in categories:
        row["label"] = localized(row["category"], row["category_en"])
    return categories


def popular_services(*, limit: int = 8) -> QuerySet[Service]:
    return public_services().order_by("-view_count", "agency__order", "order")[:limit]


def active_agency(slug: str) -> Agency | None:
    return Agency.objects.filter(slug=slug, is_active=True).first()


def catalog_agency(*, slug: str) -> Agency | None:
    with scopes_disabled():
        return (
            Agency.objects.filter(slug=slug, is_active=True)
            .select_related("pledge")
            .prefetch_related("locations")
            .first()
        )


def service_list(*, agency_slug: str = "", category: str = "") -> QuerySet[Service]:
    services = public_services()
    if agency_slug:
        services = services.filter(agency__slug=agency_slug)
    if category:
        services = services.filter(category=category)
    return services


def service_search(
    *, query: str, agency_slug: str = "", category: str = ""
) -> tuple[ParsedQuery, QuerySet[Service]]:
    """The services matching a citizen's query, best first; all of them when it's empty."""
    parsed = parse_query(query)
    services = service_list(agency_slug=agency_slug, category=category)
    if parsed.is_empty:
        return parsed, services
    return parsed, search_services(services, parsed)


# What a list of the catalog shows of each service (services/_results.html).
CARD_FIELDS = (
    "slug",
    "name",
    "name_en",
    "summary",
    "summary_en",
    "processing_time",
    "processing_time_en",
    "fee",
    "fee_note",
    "is_bookable",
    "online_url",
    "agency__slug",
    "agency__name",
)


def service_cards(services: QuerySet[Service]) -> QuerySet[Service]:
    """The services with only what a list of the catalog shows of them, not their whole
    standard."""
    return services.only(*CARD_FIELDS)


def service_detail(*, agency_slug: str, service_slug: str) -> Service | None:
    """One service with its whole standard, active or not (the view decides who may see an
    inactive one)."""
    with scopes_disabled():
        return (
            Service.objects.filter(
                agency__slug=agency_slug, agency__is_active=True, slug=service_slug
            )
            .select_related("agency")
            .prefetch_related(
                Prefetch("requirements", queryset=ServiceRequirement.objects.all()),
                Prefetch("steps", queryset=ServiceStep.objects.all()),
                Prefetch("legal_bases", queryset=LegalBasis.objects.all()),
                Prefetch("locations", queryset=Location.objects.all()),
            )
            .first()
        )
