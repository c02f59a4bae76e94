"""The public pages and the API list stay within 10 queries with 500 services."""

import pytest
from django_scopes import scopes_disabled

from services.models import Service, ServiceRequirement, ServiceStep
from services.services import services_reindex
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

BUDGET = 10


@pytest.fixture
def large_catalog(location):
    """500 services over 5 agencies, each with requirements and steps."""
    with scopes_disabled():
        agencies = [
            AgencyFactory(slug=f"instansi-besar-{n}", locations=[location]) for n in range(5)
        ]
        services = Service.objects.bulk_create(
            Service(
                agency=agencies[n % 5],
                slug=f"layanan-{n}",
                name=f"Penerbitan Surat Keterangan Nomor {n}",
                summary="Surat keterangan untuk keperluan kependudukan dan perizinan.",
                category=f"Kategori {n % 7}",
                processing_time="1 hari kerja",
                fee=n % 3 * 5000,
                queue_prefix="A",
            )
            for n in range(500)
        )
        for service in services:
            service.locations.add(location)
        ServiceRequirement.objects.bulk_create(
            ServiceRequirement(service=service, order=i, text=f"Dokumen pendukung {i}")
            for service in services
            for i in range(3)
        )
        ServiceStep.objects.bulk_create(
            ServiceStep(service=service, order=i, text=f"Langkah {i}")
            for service in services
            for i in range(3)
        )
        services_reindex(services=services)
    return agencies


@pytest.mark.parametrize(
    "url",
    [
        "/layanan/",
        "/layanan/?q=surat+keterangn+kependudukan",
        "/layanan/?kategori=Kategori+3",
        "/layanan/instansi-besar-0/",
        "/layanan/instansi-besar-0/layanan-0/",
        "/api/v1/services",
        "/api/v1/services?q=surat+keterangan&agency=instansi-besar-1",
        "/api/v1/services/instansi-besar-0/layanan-0",
    ],
)
def test_page_stays_within_the_query_budget(
    client, large_catalog, url, django_assert_max_num_queries
):
    with django_assert_max_num_queries(BUDGET):
        response = client.get(url)
    assert response.status_code == 200
