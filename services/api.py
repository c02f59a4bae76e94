"""Public API of agencies and locations."""

from ninja import Router, Schema

from services import selectors
from services.api_auth import token_or_session
from services.permissions import agency_roles, is_mall_admin

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
    return selectors.public_agencies()


@router.get("/locations", response=list[LocationOut])
def location_list(request):
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
