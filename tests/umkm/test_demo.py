"""Demo data: Kutai Timur businesses with products and generated photos, seeded idempotently."""

import pytest

from common import clock
from services.models import Location
from umkm import demo
from umkm.models import (
    Booth,
    BoothApplication,
    BoothPeriod,
    Business,
    Category,
    Kecamatan,
    Product,
    ProductPhoto,
)
from umkm.selectors import public_products

pytestmark = pytest.mark.django_db


def test_demo_data_uses_only_known_categories_and_kecamatan():
    for business in demo.load_businesses():
        assert business["category"] in Category.values
        assert business["kecamatan"] in Kecamatan.values
        for name, price, unit, _description, *category in business["products"]:
            assert 1000 <= price <= 5_000_000, name
            assert unit
            assert all(value in Category.values for value in category)


def test_seed_creates_the_showcase_and_is_idempotent(media_root):
    demo.seed(always_open=True)
    approved = Business.objects.public()
    assert approved.count() >= 30
    assert public_products().count() >= 100
    assert set(approved.values_list("kecamatan", flat=True)) == set(Kecamatan.values)
    assert Business.objects.filter(status=Business.Status.PENDING).count() >= 3
    assert not ProductPhoto.objects.filter(product__isnull=True).exists()
    assert ProductPhoto.objects.count() == Product.objects.count()
    files = sorted(path.name for path in media_root.rglob("*.*"))
    assert len(files) == 2 * Product.objects.count()
    counts = (Business.objects.count(), Product.objects.count(), ProductPhoto.objects.count())

    demo.seed(always_open=False)

    assert (Business.objects.count(), Product.objects.count(), ProductPhoto.objects.count()) == (
        counts
    )
    assert sorted(path.name for path in media_root.rglob("*.*")) == files


def test_seed_remakes_a_photo_whose_file_went_missing(media_root):
    demo.seed()
    photo = ProductPhoto.objects.first()
    (media_root / photo.image.name).unlink()
    demo.seed()
    product = photo.product
    assert product.photos.count() == 1
    assert (media_root / product.photos.get().image.name).is_file()


def test_seed_gives_booths_at_both_locations_a_past_and_an_upcoming_bazaar_and_allocations(
    media_root,
):
    for slug, name in (("expo-sangatta", "Gedung Expo Sangatta"), ("apt-pranoto", "MPP")):
        Location.objects.create(slug=slug, name=name, address="Sangatta")
    demo.seed()
    assert set(Booth.objects.values_list("location__slug", flat=True)) == {
        "expo-sangatta",
        "apt-pranoto",
    }
    bazaars = BoothPeriod.objects.filter(kind=BoothPeriod.Kind.BAZAAR)
    assert bazaars.filter(ends_on__lt=clock.today()).exists()
    assert bazaars.filter(starts_on__gt=clock.today()).exists()
    held = BoothApplication.objects.allocated()
    assert held.filter(starts_on__lte=clock.today(), ends_on__gte=clock.today()).count() >= 4
    counts = (Booth.objects.count(), BoothPeriod.objects.count(), held.count())
    demo.seed()
    assert (Booth.objects.count(), BoothPeriod.objects.count(), held.count()) == counts
