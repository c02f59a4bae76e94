"""Public API of agencies, locations and the service catalog."""

from datetime import date

from django.http import Http404
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from services import selectors
from services.api_auth import token_or_session
from services.permissions import agency_roles, is_mall_admin
from services.search import MAX_QUERY_LENGTH

router = Router(tags=["instansi"])


class LocationOut(Schema):
    slug: str
    name: str
    address: str
    opening_hours: str
    is_active: bool


class AgencyOut(Schema):
    slug: str
    name: str
    short_name: str
    description: str
    phone: str
    email: str
    website: str
    locations: list[str]

    @staticmethod
    def resolve_locations(agency) -> list[str]:
        return [location.slug for location in agency.locations.all()]


@router.get("/agencies", response=list[AgencyOut])
def agency_list(request):
    """The active agencies of the mall and the locations where each serves."""
    return selectors.public_agencies()


@router.get("/locations", response=list[LocationOut])
def location_list(request):
    """The mall's locations, with address and opening hours."""
    return selectors.public_locations()


class MembershipOut(Schema):
    agency: str
    role: str


class MeOut(Schema):
    user: str | None
    kiosk_location: str | None
    mall_admin: bool
    agencies: list[MembershipOut]


@router.get("/me", response=MeOut, auth=token_or_session, tags=["akun"])
def me(request):
    """Who the token or session acts as: a kiosk, or a user with their agency roles."""
    kiosk = getattr(request, "kiosk_location", None)
    if kiosk is not None:
        return {"user": None, "kiosk_location": kiosk.slug, "mall_admin": False, "agencies": []}
    roles = agency_roles(request.user)
    slugs = dict(selectors.public_agencies().filter(pk__in=roles).values_list("pk", "slug"))
    return {
        "user": request.user.get_username(),
        "kiosk_location": None,
        "mall_admin": is_mall_admin(request.user),
        "agencies": [{"agency": slugs[pk], "role": role} for pk, role in roles.items()],
    }


class RequirementOut(Schema):
    text: str
    bring_original: bool
    copies: int | None
    note: str
    text_en: str = Field(description="Dalam bahasa Inggris; kosong bila instansi tidak mengisi")
    note_en: str


class LegalBasisOut(Schema):
    title: str
    url: str


class ServiceOut(Schema):
    agency: str
    slug: str
    name: str
    summary: str
    category: str
    processing_time: str
    fee: int | None = Field(description="0 berarti gratis; kosong bila tarif bervariasi")
    is_bookable: bool
    online_url: str
    url: str
    name_en: str = Field(description="Dalam bahasa Inggris; kosong bila instansi tidak mengisi")
    summary_en: str
    category_en: str
    processing_time_en: str

    @staticmethod
    def resolve_agency(service) -> str:
        return service.agency.slug

    @staticmethod
    def resolve_url(service) -> str:
        return service.get_absolute_url()


class ServiceDetailOut(ServiceOut):
    agency_name: str
    processing_unit: str = Field(
        description="same_day, hours, days (hari kalender), working_days (hari kerja), "
        "atau kosong bila jangka waktu tidak ditentukan"
    )
    processing_amount: int | None = Field(
        description="Jumlah jam atau hari; kosong untuk same_day dan bila tidak ditentukan"
    )
    description: str
    keywords: str
    fee_note: str
    product: str
    requirements: list[RequirementOut]
    steps: list[str]
    legal_bases: list[LegalBasisOut]
    complaint_channels: list[str]
    locations: list[str]
    online_name: str
    queue_prefix: str
    average_minutes: int
    facilities: str
    staff_competence: str
    internal_supervision: str
    staff_count: str
    service_guarantee: str
    safety_guarantee: str
    performance_evaluation: str
    last_reviewed: date | None
    description_en: str
    product_en: str
    steps_en: list[str] = Field(
        description="Langkah dalam bahasa Inggris, sejajar dengan `steps`; kosong bila tidak diisi"
    )

    @staticmethod
    def resolve_agency_name(service) -> str:
        return service.agency.name

    @staticmethod
    def resolve_requirements(service) -> list:
        return service.requirement_list

    @staticmethod
    def resolve_steps(service) -> list[str]:
        return [step.text for step in service.step_list]

    @staticmethod
    def resolve_steps_en(service) -> list[str]:
        return [step.text_en for step in service.step_list]

    @staticmethod
    def resolve_legal_bases(service) -> list:
        return service.legal_basis_list

    @staticmethod
    def resolve_complaint_channels(service) -> list[str]:
        return service.complaint_channel_list

    @staticmethod
    def resolve_locations(service) -> list[str]:
        return [location.slug for location in service.location_list]


class ServicePagination(PageNumberPagination):
    class Input(Schema):
        # Bounded so that page x size always fits the database's OFFSET.
        page: int = Field(1, ge=1, le=10_000)
        page_size: int | None = Field(None, ge=1, le=100)


@router.get("/services", response=list[ServiceOut], tags=["layanan"])
@paginate(ServicePagination, page_size=20)
def service_list(request, agency: str = "", q: str = "", kategori: str = ""):
    """Active services, searched when `q` is given (best match first): Indonesian and
    English words, everyday names and typos, as on the catalog page."""
    _parsed, services = selectors.service_search(
        query=q[:MAX_QUERY_LENGTH], agency_slug=agency[:50], category=kategori[:80]
    )
    return services


@router.get("/services/{agency}/{service}", response=ServiceDetailOut, tags=["layanan"])
def service_detail(request, agency: str, service: str):
    """One active service with its full standar pelayanan."""
    found = selectors.service_detail(agency_slug=agency, service_slug=service)
    if found is None or not found.is_active:
        raise Http404
    return found
