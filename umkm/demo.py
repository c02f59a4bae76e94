"""Demo UMKM of Kutai Timur with products and generated placeholder photos, booths at both
locations, a past and an upcoming bazaar and who holds which booth (seed_demo)."""

import io
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

from common import clock
from common.images import prepare_photo
from services.models import Location
from umkm.caching import showcase_changed
from umkm.models import (
    Booth,
    BoothApplication,
    BoothChoice,
    BoothPeriod,
    Business,
    Category,
    Product,
    ProductPhoto,
)

DEMO_PASSWORD = "mpp-demo-2026"

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
    halal, status and note, and products as [name, price, unit, description,
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
    by_name = {business.name: business for business in businesses}
    _seed_periods(by_name, _seed_booths())
    showcase_changed()
    return {"businesses": businesses}


# (code, area, row, column, width, depth, power, table) per location slug.
DEMO_BOOTHS = {
    "expo-sangatta": [
        *[
            (f"A-{n:02d}", "Area UMKM", 1 + (n - 1) // 4, 1 + (n - 1) % 4, 2, 2, n % 2 == 1, True)
            for n in range(1, 9)
        ],
        *[(f"H-{n:02d}", "Aula Expo", 4, n, 3, 3, True, True) for n in range(1, 7)],
    ],
    "apt-pranoto": [
        (f"B-{n:02d}", "Galeri UMKM", 1 + (n - 1) // 3, 1 + (n - 1) % 3, 3, 2, True, True)
        for n in range(1, 7)
    ],
}


def _seed_booths() -> dict[str, dict[str, Booth]]:
    booths: dict[str, dict[str, Booth]] = {}
    for location in Location.objects.filter(slug__in=DEMO_BOOTHS):
        for code, area, row, column, width, depth, power, table in DEMO_BOOTHS[location.slug]:
            booth, _created = Booth.objects.update_or_create(
                location=location,
                code=code,
                defaults={
                    "area": area,
                    "row": row,
                    "column": column,
                    "width_m": width,
                    "depth_m": depth,
                    "has_power": power,
                    "has_table": table,
                },
            )
            booths.setdefault(location.slug, {})[code] = booth
    return booths


def _demo_periods(today: date) -> list[dict]:
    """Latest first: re-seeding on a later day moves every period by the same days, and
    moving the later ones first never puts two of them on a booth at once on the way."""
    monday = today - timedelta(days=today.weekday())
    rotation_start = monday - timedelta(days=7)
    return [
        {
            "slug": "pekan-dekranasda-apt-pranoto",
            "location": "apt-pranoto",
            "kind": BoothPeriod.Kind.DEKRANASDA,
            "name": "Pekan Kerajinan Dekranasda Kutai Timur",
            "description": "Rotan, manik, tenun dan ukiran dari perajin binaan Dekranasda.",
            "starts_on": today + timedelta(days=35),
            "days": 5,
            "quota": 4,
            "booths": ["B-01", "B-02", "B-03", "B-04", "B-05", "B-06"],
            "allocated": [],
        },
        {
            "slug": "bazar-ramadhan-mpp",
            "location": "expo-sangatta",
            "kind": BoothPeriod.Kind.BAZAAR,
            "name": "Bazar Ramadhan MPP Kutai Timur",
            "description": "Takjil, kue dan oleh-oleh khas Kutai Timur di Aula Gedung Expo.",
            "starts_on": today + timedelta(days=21),
            "days": 7,
            "quota": 2,
            "booths": ["H-01", "H-02", "H-03", "H-04", "H-05", "H-06"],
            "allocated": [
                ("Anjat Rotan Ancalong", "H-01"),
                ("Kue Bingka Sangatta Selatan", "H-02"),
            ],
            "pending": ["Lempok Durian Batu Ampar", "Keripik Pisang Kaliorang"],
        },
        {
            "slug": "rotasi-stan-expo-sangatta",
            "location": "expo-sangatta",
            "kind": BoothPeriod.Kind.ROTATION,
            "name": "Rotasi stan UMKM Gedung Expo (4 pekan)",
            "description": "",
            "starts_on": rotation_start,
            "days": 28,
            "quota": 2,
            "booths": [f"A-{n:02d}" for n in range(1, 9)],
            "allocated": [
                ("Amplang Tenggiri Bu Hasnah", "A-01"),
                ("Kopi Tepian Bengalon", "A-02"),
                ("Madu Hutan Wehea", "A-03"),
                ("Batik Kutim Sangatta", "A-04"),
                ("Gula Aren Rantau Pulung", "A-05"),
                ("Abon Ikan Teluk Pandan", "A-06"),
            ],
        },
        {
            "slug": "bazar-hari-jadi-kutim",
            "location": "expo-sangatta",
            "kind": BoothPeriod.Kind.BAZAAR,
            "name": "Bazar UMKM Hari Jadi Kutai Timur",
            "description": "",
            "starts_on": today - timedelta(days=40),
            "days": 5,
            "quota": 1,
            "booths": ["H-01", "H-02", "H-03", "H-04"],
            "allocated": [
                ("Tenun Wehea Nehas Liah Bing", "H-01"),
                ("Kerupuk Udang Sandaran Jaya", "H-02"),
                ("Cokelat Kakao Kaubun", "H-03"),
            ],
        },
    ]


def _seed_periods(businesses: dict[str, Business], booths: dict[str, dict[str, Booth]]) -> None:
    today = clock.today()
    for data in _demo_periods(today):
        if data["location"] not in booths:
            continue
        at = booths[data["location"]]
        starts_on = data["starts_on"]
        ends_on = starts_on + timedelta(days=data["days"] - 1)
        period, _created = BoothPeriod.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "location": next(iter(at.values())).location,
                "kind": data["kind"],
                "name": data["name"],
                "description": data["description"],
                "starts_on": starts_on,
                "ends_on": ends_on,
                "applications_open_on": min(
                    starts_on - timedelta(days=28), today - timedelta(days=7)
                ),
                "applications_close_on": starts_on - timedelta(days=3),
                "dekranasda_quota": data["quota"],
            },
        )
        period.booths.set([at[code] for code in data["booths"]])
        held = [(name, at[code]) for name, code in data["allocated"]]
        waiting = [(name, None) for name in data.get("pending", [])]
        for number, (name, booth) in enumerate(held + waiting):
            fields = {
                "products": ", ".join(p.name for p in businesses[name].products.all()[:3]),
                "submitted_at": timezone.make_aware(
                    datetime.combine(period.applications_open_on, time(8 + number, 15))
                ),
                "status": BoothApplication.Status.ALLOCATED
                if booth
                else BoothApplication.Status.PENDING,
                "booth": booth,
                "starts_on": starts_on if booth else None,
                "ends_on": ends_on if booth else None,
                "note": "Stan pilihan pertama sesuai aturan rotasi." if booth else "",
            }
            application, _created = BoothApplication.objects.update_or_create(
                period=period, business=businesses[name], defaults=fields
            )
            wishes = [booth] if booth else [at[data["booths"][number % len(data["booths"])]]]
            for rank, wish in enumerate(wishes, start=1):
                BoothChoice.objects.update_or_create(
                    application=application, rank=rank, defaults={"booth": wish}
                )
