"""The whole story: an owner registers, is approved, lists a product with a photo, and a
visitor finds it and starts a WhatsApp chat; nothing is public before approval."""

import pytest
from django.test import Client

from tests.images import image_bytes, upload
from umkm.models import Business

pytestmark = pytest.mark.django_db


def test_owner_to_visitor_flow(client, mall_admin):
    owner = Client()
    owner.post(
        "/umkm/akun/daftar/",
        {
            "owner_name": "Yohana Lung",
            "username": "yohana",
            "password": "manik-wehea-2026",
            "password_again": "manik-wehea-2026",
            "name": "Manik Lung Wehea",
            "category": "kerajinan",
            "kecamatan": "muara-wahau",
            "address": "Desa Nehas Liah Bing",
            "whatsapp": "0813 5000 1234",
        },
    )
    owner.post(
        "/umkm/akun/produk/baru/",
        {
            "name": "Kalung Manik Enggang",
            "price": "175000",
            "unit": "buah",
            "category": "kerajinan",
            "is_available": "on",
        },
    )
    business = Business.objects.get()
    product = business.products.get()
    owner.post(f"/umkm/akun/produk/{product.pk}/foto/", {"photo": upload(image_bytes())})
    assert product.photos.count() == 1

    assert client.get("/umkm/?q=enggang").content.decode().count("Kalung Manik Enggang") == 0
    assert client.get(product.get_absolute_url()).status_code == 404

    moderator = Client()
    moderator.force_login(mall_admin)
    moderator.post(
        "/admin/umkm/pendingbusiness/",
        {"action": "approve", "_selected_action": [business.pk], "apply": "1", "note": ""},
    )
    assert "Disetujui" in owner.get("/umkm/akun/").content.decode()

    found = client.get("/umkm/?q=enggang&kecamatan=muara-wahau").content.decode()
    assert product.get_absolute_url() in found
    page = client.get(product.get_absolute_url()).content.decode()
    assert "https://wa.me/6281350001234?text=" in page
    assert "Kalung%20Manik%20Enggang" in page
