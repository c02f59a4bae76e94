"""Derived data of businesses and the database's own guards."""

import pytest
from django.db import IntegrityError
from django.db.models import ProtectedError
from django.utils import translation

from tests.factories import BusinessFactory, ProductFactory
from umkm.models import Business, Category, Kecamatan, Product

pytestmark = pytest.mark.django_db


def test_kutai_timur_has_eighteen_kecamatan():
    assert len(Kecamatan.choices) == 18
    assert "Long Mesangat" in Kecamatan.labels


def test_whatsapp_link_names_the_product_in_the_prefilled_message():
    product = ProductFactory(name="Amplang Tenggiri & Udang", business__whatsapp="+6281234567890")
    url = product.whatsapp_url()
    assert url.startswith("https://wa.me/6281234567890?text=")
    assert "Amplang%20Tenggiri%20%26%20Udang" in url
    assert " " not in url


def test_database_refuses_a_whatsapp_number_not_stored_as_plus_62():
    with pytest.raises(IntegrityError):
        BusinessFactory(whatsapp="081234567890")


def test_database_refuses_a_product_price_of_zero():
    with pytest.raises(IntegrityError):
        ProductFactory(price=0)


def test_product_slug_is_unique_within_its_business_only():
    first = ProductFactory(slug="amplang")
    ProductFactory(slug="amplang")
    with pytest.raises(IntegrityError):
        ProductFactory(slug="amplang", business=first.business)


def test_an_owner_with_a_business_cannot_be_deleted_silently():
    business = BusinessFactory()
    with pytest.raises(ProtectedError):
        business.owner.delete()
    assert Business.objects.filter(pk=business.pk).exists()


def test_choice_labels_are_translated_and_an_unknown_value_shows_as_stored():
    business = Business(category=Category.KAIN, kecamatan=Kecamatan.LONG_MESANGAT)
    assert business.get_kecamatan_display() == "Long Mesangat"
    assert business.get_category_display() == "Batik, tenun dan busana"
    with translation.override("en"):
        assert Product(category=Category.KAIN).get_category_display() != "Batik, tenun dan busana"
    assert Business(kecamatan="tidak-ada").get_kecamatan_display() == "tidak-ada"
