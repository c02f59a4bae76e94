"""Reference data of the hot paths: read once, then from the cache, and fresh again on
every node as soon as the catalog changes."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django_scopes import scopes_disabled

from common import clock
from counters.models import AgencySchedule
from counters.queue.errors import ServiceClosed
from counters.queue.selectors.reference import (
    counter_identity,
    location_by_slug,
    service_by_path,
    service_presence,
)
from counters.queue.services import ticket_issue
from services.caching import catalog_changed
from services.models import Service

MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))


def test_a_second_lookup_costs_no_query(service_a, location, django_assert_num_queries):
    path = f"{service_a.agency.slug}/{service_a.slug}"
    assert service_by_path(path) == service_a and location_by_slug(location.slug) == location
    service_presence(service=service_a, location=location, weekday=MONDAY.weekday())
    with django_assert_num_queries(0):
        assert service_by_path(path) == service_a
        assert location_by_slug(location.slug) == location
        assert service_presence(service=service_a, location=location, weekday=0).offered


def test_a_catalog_change_is_seen_at_once(service_a, location):
    path = f"{service_a.agency.slug}/{service_a.slug}"
    assert service_by_path(path) is not None
    with scopes_disabled():
        Service.objects.filter(pk=service_a.pk).update(is_active=False)
    assert service_by_path(path) is not None  # cached: no catalog write was announced
    catalog_changed()
    assert service_by_path(path) is None


def test_hours_changed_in_the_agency_admin_reach_the_kiosk_at_once(
    client, service_a, location, admin_a, monkeypatch
):
    monkeypatch.setattr(clock, "now", lambda: MONDAY)
    ticket_issue(service=service_a, location=location)
    with scopes_disabled():
        monday = AgencySchedule.objects.get(agency=service_a.agency, location=location, weekday=0)
    client.force_login(admin_a)
    page = f"/instansi/{service_a.agency.slug}/admin/counters/agencyschedule/{monday.pk}/change/"
    answer = client.post(
        page,
        {
            "agency": service_a.agency.pk,
            "location": location.pk,
            "weekday": 0,
            "opens_at": "13:00",
            "closes_at": "15:00",
        },
    )
    assert answer.status_code == 302
    with pytest.raises(ServiceClosed, match="13.00"):
        ticket_issue(service=service_a, location=location)


def test_a_counter_renumbered_in_the_agency_admin_is_seen_at_once_by_the_staff_api(
    client, counter_a, service_a, location, admin_a
):
    assert counter_identity(counter_a.pk).number == counter_a.number
    client.force_login(admin_a)
    page = f"/instansi/{counter_a.agency.slug}/admin/counters/counter/{counter_a.pk}/change/"
    answer = client.post(
        page,
        {
            "agency": counter_a.agency.pk,
            "location": location.pk,
            "number": 7,
            "name": "Loket baru",
            "services": [service_a.pk],
        },
    )
    assert answer.status_code == 302
    assert (counter_identity(counter_a.pk).number, counter_identity(counter_a.pk).name) == (
        7,
        "Loket baru",
    )
