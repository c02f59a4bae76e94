"""Every public page and API list costs a fixed number of queries, whatever the amount of
data: each is measured uncached on the permission matrix's world, then again after the
world has grown (more agencies, services, counters, tickets, bookings and products)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from counters.queue import services as queue
from counters.queue.selectors.reference import forget_local
from services.caching import forget_catalog_version
from services.models import Agency, Location, Service
from tests.counters.conftest import open_all_week
from tests.factories import (
    AgencyFactory,
    BusinessFactory,
    CounterFactory,
    ProductFactory,
    ServiceFactory,
)
from tests.security.test_permission_matrix import DECISIONS
from umkm.models import Business

BUDGET = 10
PUBLIC_PAGES = sorted(
    name
    for name, (method, _path, expected) in DECISIONS.items()
    if method == "get" and expected["anonymous"] == 200
)


def grow(data: dict, times: int) -> None:
    """More of everything a public page could list or count."""
    with scopes_disabled():
        location = Location.objects.get(slug=data["location"])
        agency = Agency.objects.get(slug=data["agency"])
        service = Service.objects.get(agency=agency, slug=data["service"])
        business = Business.objects.get(slug=data["business"])
        for _ in range(times):
            other = AgencyFactory(locations=[location])
            open_all_week(other, location)
            extra = ServiceFactory(agency=other, is_bookable=True, locations=[location])
            ServiceFactory(agency=agency, locations=[location])
            CounterFactory(agency=other, location=location, services=[extra])
            queue.ticket_issue(service=service, location=location)
            queue.ticket_issue(service=extra, location=location)
            ProductFactory(business=business)
            ProductFactory(business=BusinessFactory())


def queries_of(client, path: str) -> int:
    # Measured as the first visitor after a change sees it: nothing cached, here or shared.
    cache.clear()
    forget_catalog_version()
    forget_local()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_costs_the_same_few_queries_however_much_data(client, world, name):
    path = DECISIONS[name][1].format(**world)
    small = queries_of(client, path)
    grow(world, 12)
    large = queries_of(client, path)
    assert small <= BUDGET, (path, small)
    assert large == small, (path, small, large)
