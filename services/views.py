"""Public pages of the service catalog (the index with search, an agency, a service) and
of the mall itself (its profile and each location)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from common.pagination import counted_page
from services import selectors
from services.caching import cached_catalog_page, catalog_version
from services.permissions import can_enter_agency
from services.search import MAX_QUERY_LENGTH
from services.services import service_record_view

PAGE_SIZE = 20


def _param(request, name: str, max_length: int = MAX_QUERY_LENGTH) -> str:
    return request.GET.get(name, "").replace("\x00", "")[:max_length].strip()


@cached_catalog_page
def catalog_index(request):
    query = _param(request, "q")
    category = _param(request, "kategori", 80)
    context = {
        "query": query,
        "category": category,
        "categories": selectors.catalog_categories(),
        "catalog_version": catalog_version(),
    }
    if query or category:
        parsed, services = selectors.service_search(query=query, category=category)
        context.update(
            parsed=parsed,
            page=counted_page(
                selectors.service_cards(services),
                number=request.GET.get("halaman"),
                per_page=PAGE_SIZE,
            ),
        )
    else:
        context.update(agencies=selectors.catalog_agencies(), popular=selectors.popular_services())
    if request.htmx and request.htmx.target == "hasil-layanan":
        return render(request, "services/_results.html", context)
    return render(request, "services/index.html", context)


@cached_catalog_page
def agency_page(request, agency_slug: str):
    agency = selectors.catalog_agency(slug=agency_slug)
    if agency is None:
        raise Http404("Instansi tidak ditemukan")
    services = selectors.service_list(agency_slug=agency.slug)
    return render(request, "services/agency.html", {"agency": agency, "services": services})


def service_page(request, agency_slug: str, service_slug: str):
    response = _service_page(request, agency_slug, service_slug)
    # Counted on every visit that shows the page, also when it comes from the cache; a
    # missing service (404 above) leaves nothing in the cache.
    service_record_view(agency_slug=agency_slug, service_slug=service_slug)
    return response


@cached_catalog_page
def _service_page(request, agency_slug: str, service_slug: str):
    service = selectors.service_detail(agency_slug=agency_slug, service_slug=service_slug)
    if service is None:
        raise Http404("Layanan tidak ditemukan")
    # Staff of the agency preview a service before it is published.
    is_preview = not service.is_active
    if is_preview and not can_enter_agency(request.user, service.agency):
        raise Http404("Layanan tidak ditemukan")
    context = {
        "service": service,
        "is_preview": is_preview,
        "json_ld": service_json_ld(request, service),
    }
    return render(request, "services/service.html", context)


def service_json_ld(request, service) -> dict:
    """schema.org GovernmentService data for search engines."""
    agency = service.agency
    return {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": service.name,
        "description": service.summary or service.description or service.name,
        "url": request.build_absolute_uri(service.get_absolute_url()),
        "serviceType": service.category or service.name,
        "provider": {
            "@type": "GovernmentOrganization",
            "name": agency.name,
            "url": request.build_absolute_uri(reverse("services:agency", args=[agency.slug])),
        },
        "areaServed": {"@type": "AdministrativeArea", "name": "Kabupaten Kutai Timur"},
    }


def mall_about(request):
    """The MPP's profile: maklumat pelayanan, vision and mission, motto, its locations,
    complaint channels and where the survey results are published."""
    context = {"profile": selectors.mall_profile(), "locations": selectors.location_pages()}
    return render(request, "services/about.html", context)


def location_page(request, location: str):
    """One location: address and map link, opening hours, facilities and special
    services, and the agencies that serve there."""
    place = get_object_or_404(selectors.location_pages(), slug=location)
    facilities = list(place.facilities.all())
    context = {
        "location": place,
        "special": [facility for facility in facilities if facility.is_special],
        "facilities": [facility for facility in facilities if not facility.is_special],
        "profile": selectors.mall_profile(),
    }
    return render(request, "services/location.html", context)
