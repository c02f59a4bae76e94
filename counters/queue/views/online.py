"""Today's number from a phone (/antrian/ambil/online/) and its check-in at the kiosk."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from common import clock
from common.errors import DomainError
from counters.queue import services as queue
from counters.queue.forms import OnlineTicketForm, TicketCodeForm
from counters.queue.kiosk import from_kiosk_network, may_issue_tickets
from counters.queue.selectors.online import online_offer, online_offers
from counters.queue.selectors.schedule import service_closed_reason
from counters.queue.selectors.tickets import ticket_by_code
from services.models import Location


def online_start(request):
    """The services whose number can be taken from a phone today, by location."""
    return render(request, "counters/queue/online/start.html", {"offers": online_offers()})


@never_cache
@require_http_methods(["GET", "POST"])
def online_take(request, location: str, agency: str, service: str):
    offer = online_offer(location=location, agency=agency, service=service)
    if offer is None:
        raise Http404
    quota = offer.quota
    form = OnlineTicketForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                ticket = queue.ticket_take_online(
                    service=quota.service,
                    location=quota.location,
                    nik=form.cleaned_data["nik"],
                    phone=form.cleaned_data["phone"],
                    notify=form.cleaned_data.get("notify", []),
                    language=get_language(),
                )
            except DomainError as error:
                form.add_error(None, error.message)
                status = error.status
            else:
                return redirect("counters:ticket_status", code=ticket.code)
    context = {
        "offer": offer,
        "form": form,
        "closed_reason": service_closed_reason(
            service=quota.service, location=quota.location, moment=clock.now()
        ),
    }
    return render(request, "counters/queue/online/take.html", context, status=status)


@require_http_methods(["GET", "POST"])
def kiosk_online_check_in(request, location: str):
    """The kiosk's scanner types the code shown as a QR on the citizen's phone: the ticket
    checks in (and is printed), so it is called at its turn instead of lapsing."""
    place = get_object_or_404(Location, slug=location, is_active=True)
    form = TicketCodeForm(request.POST or None)
    context = {
        "location": place,
        "form": form,
        "can_issue": may_issue_tickets(request),
        "kiosk_mode": from_kiosk_network(request),
    }
    status = 200
    if request.method == "POST":
        status = 422
        if not may_issue_tickets(request):
            context["error"] = _("Check-in tiket online hanya dapat dilakukan di kios MPP.")
            status = 403
        elif form.is_valid():
            ticket = ticket_by_code(form.cleaned_data["code"].strip())
            try:
                if ticket is None:
                    raise DomainError(_("Tiket dengan kode itu tidak ditemukan."), status=404)
                ticket = queue.ticket_check_in(ticket=ticket, location=place)
            except DomainError as error:
                context["error"] = error.message
                status = error.status
            else:
                return redirect("counters:kiosk_ticket", code=ticket.code)
    return render(request, "counters/queue/online/kiosk_check_in.html", context, status=status)
