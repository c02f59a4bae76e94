"""The owner portal: registration, status, profile, products, photos — own business only."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import ProductFactory, UserFactory
from tests.images import image_bytes, upload
from umkm.models import Business, Product, ProductPhoto
from umkm.services import product_photo_add

pytestmark = pytest.mark.django_db

REGISTRATION = {
    "owner_name": "Siti Hasnah",
    "username": "hasnah",
    "email": "hasnah@example.com",
    "password": "amplang-enak-2026",
    "password_again": "amplang-enak-2026",
    "name": "Amplang Bu Hasnah",
    "category": "camilan",
    "kecamatan": "sangkulirang",
    "address": "Jl. Poros Sangkulirang",
    "whatsapp": "0812-3456-7890",
}


def test_registration_signs_the_owner_in_and_shows_the_pending_status(client):
    response = client.post("/umkm/akun/daftar/", REGISTRATION, follow=True)
    assert response.redirect_chain[-1][0] == "/umkm/akun/"
    body = response.content.decode()
    assert "Menunggu persetujuan" in body
    assert "belum tampil di etalase" in body
    business = Business.objects.get()
    assert business.whatsapp == "+6281234567890"
    assert business.status == Business.Status.PENDING


def test_registration_with_bad_input_explains_and_creates_nothing(client):
    data = {**REGISTRATION, "whatsapp": "12345", "password_again": "lain"}
    response = client.post("/umkm/akun/daftar/", data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "nomor WhatsApp Indonesia" in body
    assert "Kata sandi tidak sama" in body
    assert not Business.objects.exists()
    assert not get_user_model().objects.exists()


def test_owner_pages_need_a_signed_in_owner(client):
    response = client.get("/umkm/akun/")
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/")
    client.force_login(UserFactory())
    assert client.get("/umkm/akun/")["Location"] == "/umkm/akun/daftar/"


def test_owner_sees_the_moderators_note_on_the_dashboard(client, business_a):
    business_a.status = Business.Status.SUSPENDED
    business_a.moderation_note = "Lengkapi nomor NIB Anda."
    business_a.save()
    client.force_login(business_a.owner)
    body = client.get("/umkm/akun/").content.decode()
    assert "Ditangguhkan" in body
    assert "Lengkapi nomor NIB Anda." in body


def test_profile_form_cannot_approve_the_business_or_set_its_booth(client, pending_business):
    client.force_login(pending_business.owner)
    response = client.post(
        "/umkm/akun/profil/",
        {
            "name": "Nama Baru",
            "category": "minuman",
            "kecamatan": "bengalon",
            "address": "Jl. Baru",
            "whatsapp": "081111111111",
            "status": "approved",
            "moderation_note": "Disetujui sendiri",
        },
    )
    assert response.status_code == 302
    pending_business.refresh_from_db()
    assert pending_business.name == "Nama Baru"
    assert pending_business.status == Business.Status.PENDING
    assert pending_business.moderation_note == ""


def test_owner_adds_a_product_and_uploads_its_photo(client, business_a, media_root):
    client.force_login(business_a.owner)
    response = client.post(
        "/umkm/akun/produk/baru/",
        {
            "name": "Amplang Pedas",
            "price": "37000",
            "unit": "bungkus 250 g",
            "category": "camilan",
            "is_available": "on",
        },
    )
    product = Product.objects.get()
    assert response["Location"] == f"/umkm/akun/produk/{product.pk}/"
    assert product.business == business_a
    response = client.post(
        f"/umkm/akun/produk/{product.pk}/foto/",
        {"photo": upload(image_bytes()), "alt_text": "Amplang dalam kemasan"},
    )
    assert response.status_code == 302
    photo = ProductPhoto.objects.get()
    assert (media_root / photo.thumbnail.name).is_file()


def test_a_refused_photo_is_explained_on_the_product_page(client, business_a):
    product = ProductFactory(business=business_a)
    client.force_login(business_a.owner)
    response = client.post(
        f"/umkm/akun/produk/{product.pk}/foto/",
        {"photo": upload(b"<script>bukan foto</script>", name="foto.jpg")},
    )
    assert response.status_code == 422
    assert "bukan foto JPEG, PNG atau WebP" in response.content.decode()
    assert not ProductPhoto.objects.exists()


def test_a_price_must_be_a_positive_whole_rupiah_amount(client, business_a):
    client.force_login(business_a.owner)
    for price in ["0", "-5", "12.500", "abc"]:
        response = client.post(
            "/umkm/akun/produk/baru/",
            {"name": "Kopi", "price": price, "unit": "200 g", "category": "minuman"},
        )
        assert response.status_code == 200
    assert not Product.objects.exists()


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/umkm/akun/produk/{product}/"),
        ("post", "/umkm/akun/produk/{product}/"),
        ("get", "/umkm/akun/produk/{product}/hapus/"),
        ("post", "/umkm/akun/produk/{product}/hapus/"),
        ("post", "/umkm/akun/produk/{product}/foto/"),
        ("post", "/umkm/akun/foto/{photo}/hapus/"),
    ],
)
def test_an_owner_can_touch_only_their_own_business(client, business_a, business_b, method, url):
    product_b = ProductFactory(business=business_b, name="Madu Milik B", price=150000)
    photo_b = product_photo_add(product=product_b, upload=upload(image_bytes()))
    client.force_login(business_a.owner)
    data = (
        {
            "name": "Dibajak",
            "price": "1",
            "unit": "x",
            "category": "camilan",
            "photo": upload(image_bytes()),
        }
        if method == "post"
        else None
    )
    response = getattr(client, method)(url.format(product=product_b.pk, photo=photo_b.pk), data)
    assert response.status_code == 404
    product_b.refresh_from_db()
    assert (product_b.name, product_b.price) == ("Madu Milik B", 150000)
    assert list(product_b.photos.all()) == [photo_b]


def test_the_same_pages_work_for_the_owner_of_the_product(client, business_b):
    product = ProductFactory(business=business_b)
    photo = product_photo_add(product=product, upload=upload(image_bytes()))
    client.force_login(business_b.owner)
    assert client.get(f"/umkm/akun/produk/{product.pk}/").status_code == 200
    assert client.post(f"/umkm/akun/foto/{photo.pk}/hapus/").status_code == 302
    assert client.post(f"/umkm/akun/produk/{product.pk}/hapus/").status_code == 302
    assert not Product.objects.exists()


def test_owner_dashboard_lists_only_their_own_products(client, business_a, business_b):
    ProductFactory(business=business_a, name="Amplang Milik A")
    ProductFactory(business=business_b, name="Madu Milik B")
    client.force_login(business_a.owner)
    body = client.get("/umkm/akun/").content.decode()
    assert "Amplang Milik A" in body
    assert "Madu Milik B" not in body


@pytest.mark.parametrize("name", ["Amplang\nBu Hasnah", "Amplang\r\nBaru", "Amplang\u2028Baru"])
def test_a_business_name_with_a_line_break_is_refused_on_registration_and_edit(
    client, business_a, name
):
    response = client.post("/umkm/akun/daftar/", {**REGISTRATION, "name": name})
    assert response.status_code == 200
    assert "satu baris" in response.content.decode()
    assert not Business.objects.filter(name=name).exists()

    client.force_login(business_a.owner)
    response = client.post(
        "/umkm/akun/profil/",
        {
            "name": name,
            "category": business_a.category,
            "kecamatan": business_a.kecamatan,
            "address": business_a.address,
            "whatsapp": business_a.whatsapp,
        },
    )
    assert response.status_code == 200
    assert "satu baris" in response.content.decode()
    business_a.refresh_from_db()
    assert business_a.name == "Amplang Uji A"


def test_a_photo_of_too_many_megapixels_is_explained_in_indonesian(client, business_a):
    product = ProductFactory(business=business_a)
    client.force_login(business_a.owner)
    huge = image_bytes("PNG", size=(8000, 5000), color=0, mode="1", optimize=True)
    response = client.post(
        f"/umkm/akun/produk/{product.pk}/foto/", {"photo": upload(huge, name="besar.png")}
    )
    assert response.status_code == 422
    assert "Foto terlalu besar: 40 megapiksel" in response.content.decode()
    assert not ProductPhoto.objects.exists()
