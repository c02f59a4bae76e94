"""The counters app's admin: each domain registers its own models on the mall site;
the agency sites take the list each domain offers them."""

from counters.booking.admin import AGENCY_ADMIN as BOOKING_ADMIN
from counters.queue.admin import AGENCY_ADMIN as QUEUE_ADMIN

AGENCY_ADMIN = [*QUEUE_ADMIN, *BOOKING_ADMIN]
