"""Reads of the showcase and the owner portal, shared by pages, admin and API."""

from dataclasses import dataclass, replace

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from umkm.models import Business, BusinessChange, Product, ProductPhoto

MAX_SEARCH_WORDS = 6


@dataclass(frozen=True)
class ProductFilter:
    """What a visitor filters by, on the page and in the API alike."""

    q: str = ""
    category: str = ""
    kecamatan: str = ""
    min_price: int | None = None
    max_price: int | None = None
    dekranasda: bool = False

    def for_businesses(self) -> "ProductFilter":
        """What of the filters a business can match: a business has no price."""
        return replace(self, min_price=None, max_price=None)


def _search_words(q: str) -> list[str]:
    return q.split()[:MAX_SEARCH_WORDS]


def _photos(to_attr: str | None = None) -> Prefetch:
    return Prefetch(
        "photos", queryset=ProductPhoto.objects.order_by("position", "id"), to_attr=to_attr
    )


def _card_photos() -> Prefetch:
    # A plain list on each product: into a manager Django would build a filtered queryset
    # per product, which costs more than rendering its card.
    return _photos(to_attr="photo_list")


def _matching_public_products(filters: ProductFilter | None) -> QuerySet[Product]:
    """The public products that match the filters: one rule for every list of them."""
    filters = filters or ProductFilter()
    products = Product.objects.public().select_related("business")
    for word in _search_words(filters.q):
        products = products.filter(
            Q(name__icontains=word)
            | Q(description__icontains=word)
            | Q(business__name__icontains=word)
        )
    if filters.category:
        products = products.filter(category=filters.category)
    if filters.kecamatan:
        products = products.filter(business__kecamatan=filters.kecamatan)
    if filters.min_price is not None:
        products = products.filter(price__gte=filters.min_price)
    if filters.max_price is not None:
        products = products.filter(price__lte=filters.max_price)
    if filters.dekranasda:
        products = products.filter(business__is_dekranasda_member=True)
    return products


def public_products(filters: ProductFilter | None = None) -> QuerySet[Product]:
    """Available products of approved businesses, with their business and photos."""
    return _matching_public_products(filters).prefetch_related(_photos())


def public_product_cards(filters: ProductFilter | None = None) -> QuerySet[Product]:
    """The same products with no more than a product card shows (photos in `photo_list`): a
    showcase page reads 24 of them, and the descriptions and timestamps of both tables
    would double what it decodes."""
    return (
        _matching_public_products(filters)
        .prefetch_related(_card_photos())
        .only(
            "name",
            "slug",
            "price",
            "unit",
            "is_featured",
            "business__name",
            "business__slug",
            "business__kecamatan",
        )
    )


def public_businesses(filters: ProductFilter | None = None) -> QuerySet[Business]:
    """Approved businesses matching the filters, with how many products they show."""
    filters = (filters or ProductFilter()).for_businesses()
    businesses = Business.objects.public().annotate(
        product_count=Count("products", filter=Q(products__is_available=True))
    )
    for word in _search_words(filters.q):
        businesses = businesses.filter(Q(name__icontains=word) | Q(description__icontains=word))
    if filters.category:
        businesses = businesses.filter(category=filters.category)
    if filters.kecamatan:
        businesses = businesses.filter(kecamatan=filters.kecamatan)
    if filters.dekranasda:
        businesses = businesses.filter(is_dekranasda_member=True)
    return businesses


def public_business(slug: str) -> Business:
    return get_object_or_404(Business.objects.public(), slug=slug)


def public_business_products(business: Business) -> QuerySet[Product]:
    """Shown as product cards (photos in `photo_list`)."""
    return business.products.filter(is_available=True).prefetch_related(_card_photos())


def public_product(business_slug: str, product_slug: str) -> Product:
    return get_object_or_404(
        Product.objects.public().select_related("business").prefetch_related(_photos()),
        business__slug=business_slug,
        slug=product_slug,
    )


def owner_business(user: AbstractBaseUser) -> Business | None:
    """The business of the signed-in owner, or None; every owner page starts here."""
    return Business.objects.owned_by(user).first()


def pending_change(business: Business) -> BusinessChange | None:
    """The owner's edit that waits for a mall admin, if any."""
    return business.change_requests.filter(status=BusinessChange.Status.PENDING).first()


def owner_products(user: AbstractBaseUser) -> QuerySet[Product]:
    return Product.objects.owned_by(user).prefetch_related(_photos()).order_by("name", "id")


def owner_product(user: AbstractBaseUser, pk: int) -> Product:
    """Another owner's product is a 404, exactly like a product that doesn't exist."""
    return get_object_or_404(Product.objects.owned_by(user).select_related("business"), pk=pk)


def owner_photo(user: AbstractBaseUser, pk: int) -> ProductPhoto:
    return get_object_or_404(
        ProductPhoto.objects.filter(product__in=Product.objects.owned_by(user)).select_related(
            "product"
        ),
        pk=pk,
    )
