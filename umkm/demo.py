"""Demo UMKM of Kutai Timur with products and generated placeholder photos (seed_demo)."""

import io
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

from common import clock
from common.images import prepare_photo
from umkm.models import Business, Category, Product, ProductPhoto

DEMO_PASSWORD = "mpp-demo-2026"
EXPO = "Gedung Expo Sangatta"

PALETTE = {
    Category.CAMILAN: (214, 137, 16),
    Category.MINUMAN: (111, 78, 55),
    Category.HASIL_HUTAN: (196, 142, 0),
    Category.PANGAN: (150, 90, 40),
    Category.PERIKANAN: (21, 101, 140),
    Category.KERAJINAN: (120, 72, 30),
    Category.KAIN: (128, 25, 60),
}
# Facts of Kutai Timur: businesses, their kecamatan and products with realistic prices.
DATA_FILE = Path(__file__).with_name("demo_data.json")


def load_businesses() -> list[dict]:
    """Each business: name, category, kecamatan, address, description, optional dekranasda,
    booth, halal, status and note, and products as [name, price, unit, description,
    optional category when it differs from the business]."""
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def _initials(name: str) -> str:
    words = [word for word in name.split() if word[:1].isalpha()]
    return "".join(word[0] for word in words[:2]).upper() or "?"


def placeholder_photo(name: str, category: str) -> ContentFile:
    """A coloured tile with the product's initials, made here (no downloaded image)."""
    image = Image.new("RGB", (800, 800), PALETTE.get(category, (11, 93, 59)))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 760, 760), outline=(255, 255, 255), width=8)
    font = ImageFont.load_default(size=300)
    draw.text((400, 380), _initials(name), fill=(255, 255, 255), font=font, anchor="mm")
    small = ImageFont.load_default(size=44)
    draw.text((400, 660), name[:28], fill=(255, 255, 255), font=small, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="placeholder.png")


def _ensure_photo(product: Product) -> None:
    photo = product.photos.first()
    if photo and photo.image.storage.exists(photo.image.name):
        return
    product.photos.all().delete()
    prepared = prepare_photo(placeholder_photo(product.name, product.category))
    photo = ProductPhoto(
        product=product,
        alt_text=product.name,
        width=prepared.width,
        height=prepared.height,
    )
    photo.image.save(prepared.image.name, prepared.image, save=False)
    photo.thumbnail.save(prepared.thumbnail.name, prepared.thumbnail, save=False)
    photo.save()


def _seed_business(
    number: int, data: dict, password_hash: str, moderator: AbstractBaseUser | None
) -> Business:
    slug = slugify(data["name"])
    owner, _created = get_user_model().objects.get_or_create(
        username=f"umkm-{slug}"[:150],
        defaults={"first_name": "Pemilik", "last_name": data["name"], "password": password_hash},
    )
    status = data.get("status", Business.Status.APPROVED)
    moderated = status != Business.Status.PENDING
    fields = {
        "owner": owner,
        "name": data["name"],
        "category": data["category"],
        "kecamatan": data["kecamatan"],
        "address": data["address"],
        "description": data["description"],
        "whatsapp": f"+6281100000{number:03d}",
        "nib": f"91203{number:08d}" if number % 3 else "",
        "halal_certificate": f"ID64110000{number:06d}1123" if data.get("halal") else "",
        "is_dekranasda_member": data.get("dekranasda", False),
        "booth_location": EXPO if data.get("booth") else "",
        "booth_number": data.get("booth", ""),
        "status": status,
        "moderation_note": data.get("note", ""),
    }
    business, _created = Business.objects.update_or_create(
        slug=slug,
        defaults=fields,
        create_defaults={
            **fields,
            "moderated_at": clock.now() if moderated else None,
            "moderated_by": moderator if moderated else None,
        },
    )
    for index, (name, price, unit, description, *category) in enumerate(data["products"]):
        product, _created = Product.objects.update_or_create(
            business=business,
            slug=slugify(name),
            defaults={
                "name": name,
                "price": price,
                "unit": unit,
                "description": description,
                "category": category[0] if category else data["category"],
                "is_available": True,
                "is_featured": index == 0 and number % 4 == 1,
            },
        )
        _ensure_photo(product)
    return business


def seed(*, always_open: bool = False) -> dict:
    """Idempotent: businesses and products are updated in place, photos made only once."""
    password_hash = make_password(DEMO_PASSWORD)
    moderator = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    businesses = [
        _seed_business(number, data, password_hash, moderator)
        for number, data in enumerate(load_businesses(), start=1)
    ]
    return {"businesses": businesses}
