"""Fixtures of the catalog tests: the real demo catalog, and services with a full standard."""

import pytest
from django_scopes import scopes_disabled

from services import demo
from services.services import services_reindex
from tests.factories import (
    ServiceFactory,
    ServiceRequirementFactory,
)


@pytest.fixture
def demo_catalog(db):
    """The demo locations, agencies and services (without the demo accounts)."""
    with scopes_disabled():
        locations = demo.seed_locations()
        agencies = demo.seed_agencies(locations)
        return demo.seed_catalog(agencies, locations)


@pytest.fixture
def service_a(agency_a, location):
    with scopes_disabled():
        service = ServiceFactory(
            agency=agency_a,
            slug="surat-izin-uji",
            name="Surat Izin Uji Coba",
            summary="Izin uji coba alat berat di Sangatta.",
            processing_time="3 hari kerja",
            fee=0,
            product="Surat izin",
            is_bookable=True,
            locations=[location],
        )
        ServiceRequirementFactory(service=service, text="Fotokopi KTP-el", copies=2, order=1)
        ServiceRequirementFactory(
            service=service, text="Surat rekomendasi camat", bring_original=True, order=2
        )
        services_reindex(services=[service])
    return service


@pytest.fixture
def service_b(agency_b, location):
    with scopes_disabled():
        service = ServiceFactory(
            agency=agency_b, slug="layanan-rahasia-b", name="Layanan Milik Instansi B"
        )
        services_reindex(services=[service])
    return service
