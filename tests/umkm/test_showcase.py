"""The showcase /umkm/: filters, search, pagination, partial updates and its query budget."""

import re

import pytest

from tests.factories import BusinessFactory, ProductFactory
from tests.qr_reader import read_qr
from umkm.caching import showcase_changed
from umkm.models import Category, Kecamatan, Product, ProductPhoto

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog():
    wahau = BusinessFactory(
        name="Manik Wehea",
        kecamatan=Kecamatan.MUARA_WAHAU,
        is_dekranasda_member=True,
        category=Category.KERAJINAN,
    )
    sangkulirang = BusinessFactory(name="Amplang Pesisir", kecamatan=Kecamatan.SANGKULIRANG)
    return {
        "kalung": ProductFactory(
            business=wahau,
            name="Kalung Manik Naga",
            price=175000,
            category=Category.KERAJINAN,
            description="Motif enggang",
        ),
        "anjat": ProductFactory(
            business=wahau, name="Anjat Rotan", price=450000, category=Category.KERAJINAN
        ),
        "amplang": ProductFactory(
            business=sangkulirang, name="Amplang Tenggiri", price=35000, category=Category.CAMILAN
        ),
        "kerupuk": ProductFactory(
            business=sangkulirang, name="Kerupuk Udang", price=40000, category=Category.PERIKANAN
        ),
    }


def names(response) -> set[str]:
    return set(
        re.findall(
            r'class="stretched-link" href="/umkm/[^/]+/[^/]+/">([^<]+)</a>',
            response.content.decode(),
        )
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Kalung Manik Naga", "Anjat Rotan", "Amplang Tenggiri", "Kerupuk Udang"}),
        ("category=kerajinan", {"Kalung Manik Naga", "Anjat Rotan"}),
        ("kecamatan=sangkulirang", {"Amplang Tenggiri", "Kerupuk Udang"}),
        ("min_price=40000&max_price=200000", {"Kalung Manik Naga", "Kerupuk Udang"}),
        ("max_price=35000", {"Amplang Tenggiri"}),
        ("dekranasda=on", {"Kalung Manik Naga", "Anjat Rotan"}),
        ("q=amplang", {"Amplang Tenggiri", "Kerupuk Udang"}),  # business name matches too
        ("q=tenggiri+amplang", {"Amplang Tenggiri"}),
        ("q=ENGGANG", {"Kalung Manik Naga"}),  # description, any case
        ("q=durian", set()),
        ("q=%25", set()),  # a percent sign or an underscore is a character, not a wildcard
        ("q=_", set()),
        ("category=kerajinan&kecamatan=sangkulirang", set()),
    ],
)
def test_filters_and_search_narrow_the_products(client, catalog, query, expected):
    assert names(client.get(f"/umkm/?{query}")) == expected


@pytest.mark.parametrize(
    "query",
    [
        "min_price=abc",
        "category=senjata",
        "kecamatan=jakarta",
        "halaman=x",
        "halaman=999",
        "max_price=-1",
        "q=" + "x" * 500,
    ],
)
def test_bad_filter_values_are_ignored_not_an_error(client, catalog, query):
    response = client.get(f"/umkm/?{query}")
    assert response.status_code == 200


def test_businesses_matching_the_filters_are_listed_with_their_product_counts(client, catalog):
    body = client.get("/umkm/?kecamatan=muara-wahau").content.decode()
    assert "Manik Wehea" in body
    assert "Amplang Pesisir" not in body
    assert "2 produk" in body


def test_products_are_paginated_and_the_filters_are_kept_across_pages(client):
    business = BusinessFactory(kecamatan=Kecamatan.BENGALON)
    for number in range(30):
        ProductFactory(business=business, name=f"Kopi {number:02d}", category=Category.MINUMAN)
    first = client.get("/umkm/?kecamatan=bengalon")
    assert len(names(first)) == 24
    assert "halaman=2" in first.content.decode()
    assert "kecamatan=bengalon&amp;halaman=2" in first.content.decode()
    second = client.get("/umkm/?kecamatan=bengalon&halaman=2")
    assert len(names(second)) == 6
    assert names(first).isdisjoint(names(second))


def test_an_htmx_request_gets_only_the_results_fragment(client, catalog):
    response = client.get("/umkm/?category=kerajinan", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body
    assert names(response) == {"Kalung Manik Naga", "Anjat Rotan"}
    assert "HX-Request" in response["Vary"]


def test_showcase_with_1000_products_stays_within_10_queries(client, django_assert_max_num_queries):
    businesses = [BusinessFactory(kecamatan=Kecamatan.values[n % 18]) for n in range(20)]
    Product.objects.bulk_create(
        Product(
            business=businesses[n % 20],
            name=f"Produk {n}",
            slug=f"produk-{n}",
            price=10000 + n * 100,
            unit="bungkus",
            category=Category.values[n % 7],
        )
        for n in range(1000)
    )
    ProductPhoto.objects.bulk_create(
        ProductPhoto(
            product=product,
            image=f"umkm/produk/{product.pk}.jpg",
            thumbnail=f"umkm/produk/thumb/{product.pk}.jpg",
            width=800,
            height=800,
        )
        for product in Product.objects.all()
    )
    for url in [
        "/umkm/",
        "/umkm/?halaman=20",
        "/umkm/?q=produk&min_price=20000&dekranasda=",
        "/api/v1/umkm/products?limit=100",
    ]:
        with django_assert_max_num_queries(10):
            response = client.get(url)
        assert response.status_code == 200
    assert "1000 produk" in client.get("/umkm/").content.decode()


def test_product_page_has_whatsapp_link_share_link_and_qr_code(client, catalog):
    product = catalog["amplang"]
    body = client.get(product.get_absolute_url()).content.decode()
    assert f'href="https://wa.me/{product.business.whatsapp[1:]}?text=' in body
    assert "Amplang%20Tenggiri" in body
    assert "Hubungi via WhatsApp" in body
    assert f'value="http://testserver{product.get_absolute_url()}"' in body
    assert f"{product.get_absolute_url()}qr.svg" in body
    qr = client.get(f"{product.get_absolute_url()}qr.svg")
    assert qr.content.startswith(b"<svg")


def test_the_product_qr_image_is_read_by_zbar_as_the_product_address(client, catalog):
    product = catalog["amplang"]
    image = client.get(f"{product.get_absolute_url()}qr.svg")
    assert read_qr(image.content) == f"http://testserver{product.get_absolute_url()}"


def test_the_filter_form_shows_the_filters_the_visitor_chose(client, catalog):
    body = client.get(
        "/umkm/?q=manik&category=kerajinan&kecamatan=muara-wahau&min_price=5000&dekranasda=on"
    ).content.decode()
    assert '<option value="kerajinan" selected>' in body
    assert '<option value="muara-wahau" selected>' in body
    assert '<option value="" selected>' not in body
    assert 'name="q" value="manik" maxlength="100"' in body
    assert 'name="min_price" value="5000" min="0" max="100000000"' in body
    assert 'name="max_price" min="0"' in body
    assert 'id="id_dekranasda" checked' in body
    assert "is-invalid" not in body


def test_a_bad_filter_value_is_marked_on_its_field_and_the_rest_still_filters(client, catalog):
    body = client.get("/umkm/?min_price=abc&category=senjata&kecamatan=sangkulirang").content
    body = body.decode()
    assert 'value="abc"' in body
    assert 'aria-describedby="id_min_price_error"' in body
    assert '<div id="id_min_price_error" class="invalid-feedback">' in body
    assert 'aria-describedby="id_category_error"' in body
    assert '<option value="sangkulirang" selected>' in body
    assert "Amplang Tenggiri" in body
    assert "Kalung Manik Naga" not in body


def test_the_count_and_businesses_of_a_filter_are_read_once_for_all_its_pages(
    client, django_assert_num_queries
):
    business = BusinessFactory(name="Kopi Wahau", kecamatan=Kecamatan.MUARA_WAHAU)
    for number in range(30):
        ProductFactory(business=business, name=f"Kopi {number:02d}", category=Category.MINUMAN)
    listed = f'href="{business.get_absolute_url()}">Kopi Wahau</a>'
    first = client.get("/umkm/?kecamatan=muara-wahau").content.decode()
    # The cards of the page, their thumbnails in the same statement; nothing else.
    with django_assert_num_queries(1):
        second = client.get("/umkm/?kecamatan=muara-wahau&halaman=2")
    assert listed in first
    assert len(names(second)) == 6
    second = second.content.decode()
    assert listed in second
    assert "30 produk" in second
    assert '<option value="muara-wahau" selected>' in second
    # Businesses have no price: the same list at any price; the products are counted anew.
    with django_assert_num_queries(2):
        cheap = client.get("/umkm/?kecamatan=muara-wahau&max_price=25000").content.decode()
    assert listed in cheap
    assert "30 produk" in cheap
    assert 'name="max_price" value="25000"' in cheap
    ProductFactory(business=BusinessFactory(name="Madu Wahau", kecamatan=Kecamatan.MUARA_WAHAU))
    showcase_changed()
    third = client.get("/umkm/?kecamatan=muara-wahau&halaman=2").content.decode()
    assert "Madu Wahau" in third
    assert "31 produk" in third


def test_a_card_shows_the_thumbnail_of_the_first_photo_and_a_placeholder_without_one(
    client, catalog
):
    kalung = catalog["kalung"]
    for position, name in [(1, "kedua"), (0, "pertama")]:
        ProductPhoto.objects.create(
            product=kalung,
            image=f"umkm/produk/{name}.jpg",
            thumbnail=f"umkm/produk/thumb/{name}.webp",
            width=800,
            height=800,
            position=position,
        )
    for url in ["/umkm/?category=kerajinan", kalung.business.get_absolute_url()]:
        body = client.get(url).content.decode()
        assert '<img src="/media/umkm/produk/thumb/pertama.webp"' in body
        assert "kedua" not in body
        assert body.count("product-card-placeholder") == 1  # Anjat Rotan has no photo
