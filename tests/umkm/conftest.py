"""UMKM fixtures: a temporary MEDIA_ROOT and owners with businesses."""

import pytest

from tests.factories import BusinessFactory, UserFactory
from umkm.models import Business


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def owner_a(db):
    return UserFactory(username="pemilik-a")


@pytest.fixture
def owner_b(db):
    return UserFactory(username="pemilik-b")


@pytest.fixture
def business_a(owner_a):
    return BusinessFactory(owner=owner_a, name="Amplang Uji A", slug="amplang-uji-a")


@pytest.fixture
def business_b(owner_b):
    return BusinessFactory(owner=owner_b, name="Madu Uji B", slug="madu-uji-b")


@pytest.fixture
def pending_business(db):
    return BusinessFactory(status=Business.Status.PENDING, name="Menunggu", slug="menunggu")
