"""Public API of agencies and locations."""

from ninja import Router, Schema

from services import selectors

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
