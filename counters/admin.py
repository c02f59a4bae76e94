"""Admin of the counters app on the agency admin sites (registered by mpp.agency_site)."""

from counters.admin_booking import AGENCY_ADMIN as BOOKING_ADMIN

AGENCY_ADMIN = [*BOOKING_ADMIN]
