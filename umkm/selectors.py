"""Reads of the showcase and the owner portal, shared by pages, admin and API."""

from dataclasses import dataclass, replace
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import (
    CharField,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.shortcuts import get_object_or_404

from common.statements import Param, Statement
from umkm.models import (
    Business,
    BusinessChange,
    Kecamatan,
    Product,
    ProductPhoto,
    choice_label,
    product_url,
)

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

    @property
    def words(self) -> list[str]:
        return self.q.split()[:MAX_SEARCH_WORDS]

    def shape(self) -> tuple:
        """Which filters are set, and how many words: what a statement of them says (their
        values are its parameters)."""
        return (
            len(self.words),
            bool(self.category),
            bool(self.kecamatan),
            self.min_price is not None,
            self.max_price is not None,
            self.dekranasda,
        )

    def values(self) -> dict[str, Any]:
        """The values of a statement of this shape."""
        words = {f"word{i}": word for i, word in enumerate(self.words)}
        return {**words, **{name: getattr(self, name) for name in _PARAMS}}


# What each filter compares, as a statement's parameter.
_PARAMS = {
    "category": CharField(),
    "kecamatan": CharField(),
    "min_price": IntegerField(),
    "max_price": IntegerField(),
}


@dataclass(frozen=True)
class _ShapedFilter:
    """A ProductFilter of one shape with a Param where each of its values goes."""

    words: list[Param]
    category: Param | None
    kecamatan: Param | None
    min_price: Param | None
    max_price: Param | None
    dekranasda: bool

    @classmethod
    def of(
        cls,
        words: int,
        category: bool,
        kecamatan: bool,
        min_price: bool,
        max_price: bool,
        dekranasda: bool,
    ) -> "_ShapedFilter":
        """The filter of ProductFilter.shape()'s shape."""

        def param(name: str, is_set: bool) -> Param | None:
            return Param(name, _PARAMS[name]) if is_set else None

        return cls(
            words=[Param(f"word{i}", CharField()) for i in range(words)],
            category=param("category", category),
            kecamatan=param("kecamatan", kecamatan),
            min_price=param("min_price", min_price),
            max_price=param("max_price", max_price),
            dekranasda=dekranasda,
        )


def _photos() -> Prefetch:
    return Prefetch("photos", queryset=ProductPhoto.objects.order_by("position", "id"))


def _matching_public_products(filters: ProductFilter | _ShapedFilter | None) -> QuerySet[Product]:
    """The public products that match the filters: one rule for every list of them."""
    filters = filters or ProductFilter()
    products = Product.objects.public().select_related("business")
    for word in filters.words:
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


@dataclass(frozen=True)
class ProductCard:
    """What a product card shows (umkm/_product_cards.html) and nothing more: a showcase
    page reads 24 of them in one statement (the thumbnail is its first photo's)."""

    name: str
    slug: str
    price: int
    unit: str
    is_featured: bool
    business_name: str
    business_slug: str
    kecamatan: str
    thumbnail: str | None

    def get_absolute_url(self) -> str:
        return product_url(self.business_slug, self.slug)

    def get_kecamatan_display(self) -> str:
        return choice_label(Kecamatan, self.kecamatan)

    def thumbnail_url(self) -> str:
        return ProductPhoto.thumbnail.field.storage.url(self.thumbnail) if self.thumbnail else ""


def _cards(products: QuerySet[Product]) -> QuerySet:
    """The rows of ProductCard, in its fields' order."""
    first = ProductPhoto.objects.filter(product=OuterRef("pk")).order_by("position", "id")
    return products.annotate(card_thumbnail=Subquery(first.values("thumbnail")[:1])).values_list(
        "name",
        "slug",
        "price",
        "unit",
        "is_featured",
        "business__name",
        "business__slug",
        "business__kecamatan",
        "card_thumbnail",
    )


# The showcase's cards, built once per shape of filters.
_SHOWCASE_CARDS = Statement(
    lambda *shape: _cards(_matching_public_products(_ShapedFilter.of(*shape)))
)


class PublicProductCards:
    """The cards of the public products that match the filters, in showcase order, read a
    page at a time (a Paginator slices it); count() counts the products."""

    def __init__(self, filters: ProductFilter):
        self.filters = filters

    def count(self) -> int:
        return _matching_public_products(self.filters).count()

    def __getitem__(self, page: slice) -> list[ProductCard]:
        """The cards of a page, a slice (as Paginator asks for one)."""
        rows = _SHOWCASE_CARDS.rows(
            *self.filters.shape(),
            limit=page.stop - page.start,
            offset=page.start,
            **self.filters.values(),
        )
        return [ProductCard(*row) for row in rows]


def public_product_cards(filters: ProductFilter | None = None) -> PublicProductCards:
    return PublicProductCards(filters or ProductFilter())


def public_businesses(filters: ProductFilter | None = None) -> QuerySet[Business]:
    """Approved businesses matching the filters, with how many products they show."""
    filters = (filters or ProductFilter()).for_businesses()
    businesses = Business.objects.public().annotate(
        product_count=Count("products", filter=Q(products__is_available=True))
    )
    for word in filters.words:
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


def public_business_products(business: Business) -> list[ProductCard]:
    """The cards of a business's page: its available products."""
    return [ProductCard(*row) for row in _cards(business.products.filter(is_available=True))]


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
