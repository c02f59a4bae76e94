"""A visitor's ticket page: status, place in line and estimated wait, refreshing itself."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from counters.selectors.tickets import ticket_by_code, ticket_position

REFRESH_SECONDS = 15


@never_cache
def ticket_status(request, code: str):
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
