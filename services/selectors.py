"""Reads shared by the pages and the API of agencies, locations and services."""

from functools import cache

from django.db import connection
from django.db.models import Count, JSONField, Max, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
from django_scopes import scopes_disabled

from counters.queue.selectors.reference import cached_reference
from services.models import (
    Agency,
    Location,
    MallProfile,
    Service,
    localized,
)
from services.search import ParsedQuery, parse_query, search_services


def public_agencies() -> QuerySet[Agency]:
    return Agency.objects.filter(is_active=True).prefetch_related("locations")


def public_locations() -> QuerySet[Location]:
    return Location.objects.all()


def active_locations() -> QuerySet[Location]:
    return Location.objects.filter(is_active=True)


def mall_profile() -> MallProfile:
    """The MPP's profile; until a mall admin writes it, its defaults (the name and the
    national SP4N-LAPOR! channel)."""
    return MallProfile.objects.first() or MallProfile()


def location_pages() -> QuerySet[Location]:
    """Every location with its facilities and the active agencies that serve there."""
    return public_locations().prefetch_related(
        "facilities",
        Prefetch(
            "agencies",
            queryset=Agency.objects.filter(is_active=True).order_by("order", "name"),
            to_attr="serving_agencies",
        ),
    )


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
    """One service with its agency and its whole standard, active or not (the view decides
    who may see an inactive one). The standard is in the lists `requirement_list`,
    `step_list`, `legal_basis_list` and `location_list`, each in its model's order."""
    with scopes_disabled():
        try:
            service = (
                Service.objects.select_related("agency")
                .annotate(**{f"{part}_rows": rows for part, rows in _standard_rows().items()})
                .get(agency__slug=agency_slug, agency__is_active=True, slug=service_slug)
            )
        except Service.DoesNotExist:
            return None
    for part, relation in STANDARD.items():
        model = Service._meta.get_field(relation).related_model
        setattr(service, f"{part}_list", _instances(model, getattr(service, f"{part}_rows")))
    return service


# The parts of a service's standard, by the relation each comes from. Each is read as a
# JSON array within the service's own query: a query per part cost a page more than its
# whole rendering.
STANDARD = {
    "requirement": "requirements",
    "step": "steps",
    "legal_basis": "legal_bases",
    "location": "locations",
}


@cache
def _standard_rows() -> dict[str, RawSQL]:
    return {part: _rows_of(Service._meta.get_field(name)) for part, name in STANDARD.items()}


def _rows_of(relation) -> RawSQL:
    """The rows related to the outer service, as a JSON array in their model's ordering."""
    model, quote = relation.related_model, connection.ops.quote_name
    table = quote(model._meta.db_table)
    if relation.many_to_many:
        link = quote(relation.m2m_db_table())
        source = (
            f"{table} child JOIN {link} ON "
            f"{link}.{quote(relation.m2m_reverse_name())} = child.{quote(model._meta.pk.column)}"
        )
        service_column = f"{link}.{quote(relation.m2m_column_name())}"
    else:
        source = f"{table} child"
        service_column = f"child.{quote(relation.field.column)}"
    order = ", ".join(
        f"child.{quote(model._meta.get_field(name.removeprefix('-')).column)}"
        + (" DESC" if name.startswith("-") else "")
        for name in model._meta.ordering
    )
    service_pk = f"{quote(Service._meta.db_table)}.{quote(Service._meta.pk.column)}"
    return RawSQL(  # noqa: S611 — names from the models, no outside value
        f"SELECT coalesce(jsonb_agg(child ORDER BY {order}), '[]') FROM {source} "  # noqa: S608
        f"WHERE {service_column} = {service_pk}",
        (),
        output_field=JSONField(),
    )


def _instances(model, rows: list[dict]) -> list:
    """Model instances of whole rows read as JSON objects (keyed by column)."""
    fields = model._meta.concrete_fields
    names = [field.attname for field in fields]
    return [
        model.from_db(
            connection.alias, names, [field.to_python(row[field.column]) for field in fields]
        )
        for row in rows
    ]
