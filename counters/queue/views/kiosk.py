"""The touch kiosk: agency -> service -> priority question -> printed ticket."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_scopes import scopes_disabled

from common import clock
from common.errors import DomainError
from common.qr import qr_svg_inline
from counters.queue import services as queue
from counters.queue.kiosk import from_kiosk_network, may_issue_tickets
from counters.queue.models import Priority, Ticket
from counters.queue.selectors.kiosk import kiosk_agencies, kiosk_paper, kiosk_services
from counters.queue.selectors.tickets import ticket_by_code, ticket_position
from services.models import Agency, Location, Service
from services.selectors import active_locations


def _context(request, **extra) -> dict:
    return {
        "can_issue": may_issue_tickets(request),
        "kiosk_mode": from_kiosk_network(request),
        **extra,
    }


def kiosk_start(request):
    locations = list(active_locations())
    if len(locations) == 1:
        return redirect("counters:kiosk_agencies", location=locations[0].slug)
    return render(
        request, "counters/queue/kiosk/locations.html", _context(request, locations=locations)
    )


def kiosk_agency_list(request, location: str):
    place = get_object_or_404(Location, slug=location, is_active=True)
    choices = kiosk_agencies(location=place, moment=clock.now())
    return render(
        request,
        "counters/queue/kiosk/agencies.html",
        _context(request, location=place, choices=choices),
    )


def _agency(slug: str) -> Agency:
    return get_object_or_404(Agency, slug=slug, is_active=True)


def kiosk_service_list(request, location: str, agency: str):
    place = get_object_or_404(Location, slug=location, is_active=True)
    tenant = _agency(agency)
    choices = kiosk_services(location=place, agency=tenant, moment=clock.now())
    return render(
        request,
        "counters/queue/kiosk/services.html",
        _context(request, location=place, agency=tenant, choices=choices),
    )


@require_http_methods(["GET", "POST"])
def kiosk_priority(request, location: str, agency: str, service: str):
    """The priority question; answering it issues the ticket."""
    place = get_object_or_404(Location, slug=location, is_active=True)
    tenant = _agency(agency)
    with scopes_disabled():
        chosen = get_object_or_404(
            Service.objects.select_related("agency"), agency=tenant, slug=service, is_active=True
        )
    context = _context(
        request, location=place, agency=tenant, service=chosen, priorities=Priority.choices
    )
    if not may_issue_tickets(request, tenant):
        context["error"] = _(
            "Nomor antrian hanya dapat diambil di kios MPP atau oleh petugas loket."
        )
        return render(request, "counters/queue/kiosk/refused.html", context, status=403)
    if request.method == "GET":
        return render(request, "counters/queue/kiosk/priority.html", context)
    kiosk = from_kiosk_network(request)
    try:
        ticket = queue.ticket_issue(
            service=chosen,
            location=place,
            priority=request.POST.get("priority", ""),
            source=Ticket.Source.KIOSK if kiosk else Ticket.Source.STAFF,
            issued_by=request.user,
        )
    except DomainError as error:
        context["error"] = error.message
        return render(request, "counters/queue/kiosk/priority.html", context, status=error.status)
    return redirect("counters:kiosk_ticket", code=ticket.code)


def kiosk_ticket(request, code: str):
    """The ticket as printed: number, place in line, estimated wait and a QR to follow it."""
    ticket = ticket_by_code(code)
    if ticket is None:
        raise Http404
    status_url = request.build_absolute_uri(reverse("counters:ticket_status", args=[ticket.code]))
    paper = kiosk_paper(ticket.location)
    return render(
        request,
        "counters/queue/kiosk/ticket.html",
        _context(
            request,
            ticket=ticket,
            position=ticket_position(ticket),
            status_url=status_url,
            qr_svg=qr_svg_inline(status_url, scale=4 if paper == "80" else 3),
            paper=paper,
            location=ticket.location,
        ),
    )
