"""A visitor's ticket page: status, place in line and estimated wait, refreshing itself."""

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from counters.caching import queue_version
from counters.selectors.tickets import ticket_by_code, ticket_location_id, ticket_position

REFRESH_SECONDS = 15
PAGE_TIMEOUT = 300


@never_cache
def ticket_status(request, code: str):
    """Every phone in the hall refreshes this: the page is rendered once per queue version
    of the ticket's location and shared through the cache."""
    location_id = ticket_location_id(code)
    if location_id is None:
        raise Http404
    partial = bool(request.htmx)
    key = f"ticket-page:{queue_version(location_id)}:{get_language()}:{partial}:{code}"
    body = cache.get(key)
    if body is None:
        ticket = ticket_by_code(code)
        if ticket is None:
            raise Http404
        context = {
            "ticket": ticket,
            "position": ticket_position(ticket),
            "refresh_seconds": REFRESH_SECONDS,
            "live": ticket.status in ("waiting", "called", "serving"),
        }
        template = "counters/ticket/_status.html" if partial else "counters/ticket/status.html"
        body = render(request, template, context).content
        cache.set(key, body, PAGE_TIMEOUT)
    return HttpResponse(body)
