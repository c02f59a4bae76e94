"""Demo catalog: real services for every demo agency, idempotent."""

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from services import demo
from services.models import LegalBasis, SearchSynonym, Service, ServiceRequirement

pytestmark = pytest.mark.django_db


def test_demo_catalog_has_at_least_forty_services_across_all_agencies(demo_catalog):
    assert len(demo_catalog) >= 40
    assert {service.agency.slug for service in demo_catalog} == {
        slug for slug, *_rest in demo.AGENCIES
    }


def test_dukcapil_core_services_are_bookable_with_their_exact_slugs(demo_catalog, no_scope):
    for slug in ("ktp-el", "kartu-keluarga", "akta-kelahiran"):
        service = Service.objects.get(agency__slug="dukcapil", slug=slug)
        assert service.is_bookable
        assert service.locations.count() == 2
        assert service.requirements.exists()
        assert service.legal_bases.exists()


def test_every_demo_service_has_its_standard_and_a_queue_prefix(demo_catalog, no_scope):
    for service in Service.objects.all():
        assert service.processing_time and service.product, service
        assert service.fee is not None or service.fee_note, service
        assert service.steps.exists() and service.requirements.exists(), service
        assert service.queue_prefix.isalpha() and service.average_minutes > 0
    prefixes = list(Service.objects.values_list("agency_id", "queue_prefix"))
    assert len(prefixes) == len(set(prefixes))


def test_seeding_twice_changes_nothing(demo_catalog, no_scope):
    counts = (
        Service.objects.count(),
        ServiceRequirement.objects.count(),
        LegalBasis.objects.count(),
        SearchSynonym.objects.count(),
    )
    locations = demo.seed_locations()
    demo.seed_catalog(demo.seed_agencies(locations), locations)
    assert counts == (
        Service.objects.count(),
        ServiceRequirement.objects.count(),
        LegalBasis.objects.count(),
        SearchSynonym.objects.count(),
    )


def test_seed_demo_command_builds_the_catalog(db):
    call_command("seed_demo", "--force")
    with scopes_disabled():
        assert Service.objects.filter(agency__slug="dukcapil", slug="ktp-el").exists()
