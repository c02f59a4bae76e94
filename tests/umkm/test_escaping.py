"""Hostile text typed by an owner is shown as text everywhere, never run as markup."""

import json
import re

import pytest

from tests.factories import BusinessFactory, ProductFactory
from tests.images import image_bytes, upload
from umkm.models import Business
from umkm.services import product_photo_add

pytestmark = pytest.mark.django_db

HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)>"\'&'


@pytest.fixture
def hostile_product():
    business = BusinessFactory(
        name=f"Usaha {HOSTILE}",
        slug="usaha-jahat",
        description=HOSTILE,
        address=HOSTILE,
        moderation_note=HOSTILE,
    )
    product = ProductFactory(
        business=business,
        name=f"Produk {HOSTILE}",
        slug="produk-jahat",
        description=HOSTILE,
        unit="<script>alert(1)</script>",
    )
    product_photo_add(product=product, upload=upload(image_bytes()), alt_text=HOSTILE)
    return product


def assert_no_raw_markup(body: str):
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    assert "onerror=alert(1)>" not in body


@pytest.mark.parametrize(
    "url",
    [
        "/umkm/",
        "/umkm/?q=Produk",
        "/umkm/usaha-jahat/",
        "/umkm/usaha-jahat/produk-jahat/",
    ],
)
def test_public_pages_escape_hostile_text(client, hostile_product, url):
    body = client.get(url).content.decode()
    assert_no_raw_markup(body)
    assert "&lt;/script&gt;" in body or "\\u003C/script\\u003E" in body


def test_json_ld_block_cannot_be_broken_out_of_and_keeps_the_text(client, hostile_product):
    body = client.get("/umkm/usaha-jahat/produk-jahat/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "Product"
    assert data["name"] == hostile_product.name
    assert data["offers"]["priceCurrency"] == "IDR"


def test_whatsapp_message_encodes_hostile_names(client, hostile_product):
    url = hostile_product.whatsapp_url()
    assert "<" not in url and '"' not in url and " " not in url


def test_owner_pages_escape_hostile_text(client, hostile_product):
    business = hostile_product.business
    business.status = Business.Status.SUSPENDED
    business.save()
    client.force_login(business.owner)
    for url in ["/umkm/akun/", "/umkm/akun/profil/", f"/umkm/akun/produk/{hostile_product.pk}/"]:
        assert_no_raw_markup(client.get(url).content.decode())


def test_mall_admin_pages_escape_hostile_text(client, mall_admin, hostile_product):
    client.force_login(mall_admin)
    business = hostile_product.business
    for url in [
        "/admin/umkm/business/",
        f"/admin/umkm/business/{business.pk}/change/",
        "/admin/umkm/product/",
    ]:
        assert_no_raw_markup(client.get(url).content.decode())
    confirm = client.post(
        "/admin/umkm/business/", {"action": "suspend", "_selected_action": [business.pk]}
    )
    assert_no_raw_markup(confirm.content.decode())


def test_api_returns_hostile_text_as_json_data(client, hostile_product):
    response = client.get("/api/v1/umkm/products")
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["items"][0]["name"] == hostile_product.name
