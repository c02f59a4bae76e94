"""A visitor's ticket page: status, place in line and estimated wait, refreshing itself."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from common.caching import cached_page
from counters.caching import queue_version
from counters.selectors.tickets import ticket_by_code, ticket_location_id, ticket_position

REFRESH_SECONDS = 15
PAGE_TIMEOUT = 300


def _queue_version_of_ticket(request, code: str) -> str | None:
    location_id = ticket_location_id(code)
    return None if location_id is None else queue_version(location_id)


@never_cache
@cached_page(name="ticket", version=_queue_version_of_ticket, timeout=PAGE_TIMEOUT)
def ticket_status(request, code: str):
    """Every phone in the hall refreshes this: the page is rendered once per queue version
    of the ticket's location and shared through the cache."""
    ticket = ticket_by_code(code)
    if ticket is None:
        raise Http404
    context = {
        "ticket": ticket,
        "position": ticket_position(ticket),
        "refresh_seconds": REFRESH_SECONDS,
        "live": ticket.status in ("waiting", "called", "serving"),
    }
    template = "counters/ticket/_status.html" if request.htmx else "counters/ticket/status.html"
    return render(request, template, context)
