"""Moderation states: only approved businesses and their available products are public."""

import pytest

from tests.factories import BusinessFactory, ProductFactory
from umkm.models import Business

pytestmark = pytest.mark.django_db

HIDDEN_STATES = [Business.Status.PENDING, Business.Status.SUSPENDED]


def public_pages(product):
    business = product.business
    return {
        "showcase": "/umkm/",
        "business": f"/umkm/{business.slug}/",
        "product": f"/umkm/{business.slug}/{product.slug}/",
        "qr": f"/umkm/{business.slug}/{product.slug}/qr.svg",
    }


def test_an_approved_business_and_its_available_product_are_public(client):
    product = ProductFactory(name="Madu Kelulut Tampil")
    pages = public_pages(product)
    assert "Madu Kelulut Tampil" in client.get(pages["showcase"]).content.decode()
    assert client.get(pages["business"]).status_code == 200
    assert client.get(pages["product"]).status_code == 200
    assert client.get(pages["qr"])["Content-Type"] == "image/svg+xml"
    api = client.get("/api/v1/umkm/products").json()
    assert [item["slug"] for item in api["items"]] == [product.slug]


@pytest.mark.parametrize("status", HIDDEN_STATES)
def test_a_business_that_is_not_approved_is_never_public(client, status):
    product = ProductFactory(name="Produk Tersembunyi", business__status=status)
    pages = public_pages(product)
    assert "Produk Tersembunyi" not in client.get(pages["showcase"]).content.decode()
    assert client.get(pages["business"]).status_code == 404
    assert client.get(pages["product"]).status_code == 404
    assert client.get(pages["qr"]).status_code == 404
    assert client.get("/api/v1/umkm/products").json()["count"] == 0
    assert product.business.name not in client.get("/umkm/").content.decode()


def test_an_unavailable_product_of_an_approved_business_is_hidden(client):
    product = ProductFactory(name="Stok Habis", is_available=False)
    pages = public_pages(product)
    assert client.get(pages["business"]).status_code == 200
    assert "Stok Habis" not in client.get(pages["business"]).content.decode()
    assert client.get(pages["product"]).status_code == 404
    assert client.get("/api/v1/umkm/products").json()["count"] == 0


def test_suspending_an_approved_business_takes_it_off_the_showcase(
    client, mall_admin, django_capture_on_commit_callbacks
):
    from umkm.services import business_suspend

    product = ProductFactory()
    assert client.get(public_pages(product)["product"]).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        business_suspend(business=product.business, moderator=mall_admin, note="Melanggar aturan")
    assert client.get(public_pages(product)["product"]).status_code == 404


def test_a_product_url_under_another_business_is_not_found(client):
    product = ProductFactory()
    other = BusinessFactory()
    assert client.get(f"/umkm/{other.slug}/{product.slug}/").status_code == 404
