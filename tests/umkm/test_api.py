"""GET /api/v1/umkm/products: approved only, filters as on the page, errors in our format."""

import pytest

from tests.factories import BusinessFactory, ProductFactory
from tests.images import image_bytes, upload
from umkm.models import Business, Category, Kecamatan
from umkm.services import product_photo_add

pytestmark = pytest.mark.django_db

URL = "/api/v1/umkm/products"


@pytest.fixture
def products():
    coast = BusinessFactory(name="Pesisir", kecamatan=Kecamatan.SANDARAN)
    crafts = BusinessFactory(
        name="Rotan", kecamatan=Kecamatan.MUARA_ANCALONG, is_dekranasda_member=True
    )
    hidden = BusinessFactory(name="Belum Disetujui", status=Business.Status.PENDING)
    return {
        "terasi": ProductFactory(
            business=coast, name="Terasi Udang", price=25000, category=Category.PERIKANAN
        ),
        "tikar": ProductFactory(
            business=crafts, name="Tikar Rotan", price=850000, category=Category.KERAJINAN
        ),
        "hidden": ProductFactory(
            business=hidden, name="Terasi Rahasia", price=20000, category=Category.PERIKANAN
        ),
    }


def slugs(response) -> set[str]:
    assert response.status_code == 200
    return {item["slug"] for item in response.json()["items"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"terasi", "tikar"}),
        ("?q=terasi", {"terasi"}),
        ("?category=kerajinan", {"tikar"}),
        ("?kecamatan=sandaran", {"terasi"}),
        ("?min_price=100000", {"tikar"}),
        ("?max_price=30000", {"terasi"}),
        ("?dekranasda=true", {"tikar"}),
    ],
)
def test_filters_match_the_showcase_page_and_hide_unapproved(client, products, query, expected):
    assert slugs(client.get(URL + query)) == {products[key].slug for key in expected}


def test_a_product_carries_its_page_price_photo_and_business(client, products):
    product = products["terasi"]
    product_photo_add(product=product, upload=upload(image_bytes()))
    item = next(i for i in client.get(URL).json()["items"] if i["slug"] == product.slug)
    assert item["price"] == 25000
    assert item["url"] == product.get_absolute_url()
    assert item["thumbnail"].startswith("/media/umkm/produk/thumb/")
    assert item["business"]["kecamatan"] == "sandaran"
    assert "whatsapp" not in str(item) and "owner" not in item["business"]


def test_an_unknown_category_is_a_422_in_the_common_error_format(client, products):
    response = client.get(URL + "?category=senjata")
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert response.json()["detail"]


def test_pages_hold_at_most_100_products(client, products):
    response = client.get(URL + "?limit=1&offset=1")
    assert response.json()["count"] == 2
    assert len(response.json()["items"]) == 1
    assert client.get(URL + "?limit=100000").status_code == 422


def test_the_endpoint_is_in_the_openapi_schema(client):
    assert URL in client.get("/api/v1/openapi.json").json()["paths"]
