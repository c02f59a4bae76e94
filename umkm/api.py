"""Public API of the showcase: products of approved businesses."""

from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from umkm import selectors
from umkm.models import MAX_PRICE, Category, Kecamatan, Product

router = Router(tags=["umkm"])


class ProductPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(24, ge=1, le=100)
        # Bounded so that the database's OFFSET (a 64-bit integer) can always take it.
        offset: int = Field(0, ge=0, le=1_000_000)


class ProductFilterIn(Schema):
    q: str = Field("", max_length=100)
    category: Category | None = None
    kecamatan: Kecamatan | None = None
    min_price: int | None = Field(None, ge=0, le=MAX_PRICE)
    max_price: int | None = Field(None, ge=0, le=MAX_PRICE)
    dekranasda: bool = False


class BusinessOut(Schema):
    slug: str
    name: str
    kecamatan: str
    is_dekranasda_member: bool
    url: str

    @staticmethod
    def resolve_url(business) -> str:
        return business.get_absolute_url()


class ProductOut(Schema):
    slug: str
    name: str
    description: str
    price: int
    unit: str
    category: str
    is_featured: bool
    url: str
    image: str | None
    thumbnail: str | None
    business: BusinessOut

    @staticmethod
    def resolve_url(product: Product) -> str:
        return product.get_absolute_url()

    @staticmethod
    def resolve_image(product: Product) -> str | None:
        photos = product.photos.all()
        return photos[0].image.url if photos else None

    @staticmethod
    def resolve_thumbnail(product: Product) -> str | None:
        photos = product.photos.all()
        return photos[0].thumbnail.url if photos else None


@router.get("/products", response=list[ProductOut])
@paginate(ProductPagination)
def product_list(request, filters: Query[ProductFilterIn]):
    """Available products of approved businesses, filtered and searched."""
    return selectors.public_products(
        selectors.ProductFilter(
            q=filters.q.strip(),
            category=filters.category or "",
            kecamatan=filters.kecamatan or "",
            min_price=filters.min_price,
            max_price=filters.max_price,
            dekranasda=filters.dekranasda,
        )
    )
