"""Writes: registration, profile, products, photos and moderation."""

import pytest
from django.contrib.auth import get_user_model

from common.errors import DomainError
from common.images import InvalidPhoto
from tests.factories import BusinessFactory, ProductFactory
from tests.images import image_bytes, upload
from umkm import services
from umkm.models import Business, Kecamatan, Product, ProductPhoto

pytestmark = pytest.mark.django_db


def register(**overrides):
    data = {
        "username": "hasnah",
        "password": "amplang-enak-2026",
        "email": "hasnah@example.com",
        "owner_name": "Siti Hasnah",
        "name": "Amplang Bu Hasnah",
        "category": "camilan",
        "kecamatan": Kecamatan.SANGKULIRANG,
        "address": "Jl. Poros Sangkulirang",
        "whatsapp": "+6281234567890",
    }
    return services.business_register(**{**data, **overrides})


def test_registration_creates_an_ordinary_account_and_a_pending_business():
    business = register()
    assert business.status == Business.Status.PENDING
    assert business.slug == "amplang-bu-hasnah"
    owner = business.owner
    assert owner.check_password("amplang-enak-2026")
    assert not owner.is_staff and not owner.is_superuser
    assert (owner.first_name, owner.last_name) == ("Siti", "Hasnah")


def test_registration_with_a_taken_username_changes_nothing():
    register()
    with pytest.raises(DomainError):
        register(username="HASNAH", name="Usaha Lain")
    assert Business.objects.count() == 1
    assert get_user_model().objects.count() == 1


def test_a_business_never_takes_a_slug_reserved_for_pages_or_already_used():
    assert register(username="akun", name="Akun").slug != "akun"
    register()
    second = register(username="lain", name="Amplang Bu Hasnah")
    assert second.slug.startswith("amplang-bu-hasnah-")


def test_owner_cannot_change_status_or_booth_through_the_profile_update():
    business = BusinessFactory(status=Business.Status.PENDING)
    with pytest.raises(DomainError):
        services.business_update(business=business, changes={"status": "approved"})
    with pytest.raises(DomainError):
        services.business_update(business=business, changes={"moderation_note": "Disetujui"})
    business.refresh_from_db()
    assert business.status == Business.Status.PENDING


def test_approval_records_moderator_note_and_emails_the_owner_after_commit(
    mall_admin, mailoutbox, django_capture_on_commit_callbacks
):
    business = BusinessFactory(status=Business.Status.PENDING, owner__email="pemilik@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        services.business_approve(business=business, moderator=mall_admin, note="Selamat!")
    business.refresh_from_db()
    assert business.status == Business.Status.APPROVED
    assert business.moderated_by == mall_admin
    assert business.moderated_at is not None
    assert business.moderation_note == "Selamat!"
    assert len(mailoutbox) == 1
    assert "Selamat!" in mailoutbox[0].body


def test_suspension_needs_a_note_for_the_owner(mall_admin):
    business = BusinessFactory()
    with pytest.raises(DomainError):
        services.business_suspend(business=business, moderator=mall_admin, note="  ")
    business.refresh_from_db()
    assert business.status == Business.Status.APPROVED
    services.business_suspend(business=business, moderator=mall_admin, note="NIB tidak valid")
    business.refresh_from_db()
    assert business.status == Business.Status.SUSPENDED


def test_products_get_unique_slugs_within_their_business():
    business = BusinessFactory()
    first = services.product_create(
        business=business, name="Kopi Robusta", price=45000, unit="200 g", category="minuman"
    )
    second = services.product_create(
        business=business, name="Kopi Robusta", price=50000, unit="250 g", category="minuman"
    )
    assert first.slug == "kopi-robusta"
    assert second.slug != first.slug


def test_product_update_refuses_the_featured_flag_which_the_mall_curates():
    product = ProductFactory()
    with pytest.raises(DomainError):
        services.product_update(product=product, changes={"is_featured": True})


def test_photo_upload_stores_photo_and_thumbnail_once(media_root):
    product = ProductFactory()
    photo = services.product_photo_add(product=product, upload=upload(image_bytes()))
    assert (media_root / photo.image.name).is_file()
    assert (media_root / photo.thumbnail.name).is_file()
    assert photo.image.name != photo.thumbnail.name
    assert photo.alt_text == product.name


def test_an_invalid_photo_leaves_no_row_and_no_file(media_root):
    product = ProductFactory()
    with pytest.raises(InvalidPhoto):
        services.product_photo_add(product=product, upload=upload(b"bukan gambar"))
    assert not ProductPhoto.objects.exists()
    assert not media_root.exists() or not any(media_root.rglob("*.*"))


def test_a_product_has_at_most_six_photos():
    product = ProductFactory()
    for _ in range(services.MAX_PHOTOS_PER_PRODUCT):
        services.product_photo_add(product=product, upload=upload(image_bytes()))
    with pytest.raises(DomainError):
        services.product_photo_add(product=product, upload=upload(image_bytes()))
    assert product.photos.count() == services.MAX_PHOTOS_PER_PRODUCT


def test_deleting_a_product_removes_its_photo_files_after_commit(
    media_root, django_capture_on_commit_callbacks
):
    product = ProductFactory()
    photo = services.product_photo_add(product=product, upload=upload(image_bytes()))
    files = [media_root / photo.image.name, media_root / photo.thumbnail.name]
    with django_capture_on_commit_callbacks(execute=True):
        services.product_delete(product=product)
    assert not Product.objects.exists()
    assert not any(path.exists() for path in files)
