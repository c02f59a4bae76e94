"""A visitor's ticket page: status, place in line and estimated wait, refreshing itself;
and where the visitor asks to be told of the call on their phone."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import condition, require_http_methods

from common.errors import DomainError
from common.qr import qr_svg_inline
from counters.queue.caching import line_version
from counters.queue.forms import TicketMessagesForm
from counters.queue.messages import (
    SOON_AHEAD,
    ticket_messages_allow,
    ticket_messages_allowed,
    ticket_messages_stop,
)
from counters.queue.selectors.tickets import ticket_by_code, ticket_line, ticket_position
from notifications.forms import phone_channel_choices

# The called citizen must learn of the call within a few seconds; an unchanged queue
# answers a poll with a 304 from the cache, without the database.
REFRESH_SECONDS = 2


def _page_version(request, code: str, *, partial: bool) -> str | None:
    # Everything the page shows changes only with the ticket's line (Ticket: its service at
    # its location today): read once per request (the ETag and the fragment's ETag name it).
    if not hasattr(request, "ticket_line_version"):
        line = ticket_line(code)
        request.ticket_line_version = None if line is None else line_version(*line)
    if request.ticket_line_version is None:
        return None
    return f"{request.ticket_line_version}-{get_language()}-{int(partial)}"


def _etag(request, code: str) -> str | None:
    return _page_version(request, code, partial=bool(request.htmx))


@never_cache
@condition(etag_func=_etag)
def ticket_status(request, code: str):
    """Every phone in the hall polls this: a poll that already has the version of the
    ticket's line gets a 304. A ticket's page has one holder, whose ETag is its cache: a
    copy in the shared cache would be written at every change and read by no one."""
    ticket = ticket_by_code(code)
    if ticket is None:
        raise Http404
    position = ticket_position(ticket)
    context = {
        "ticket": ticket,
        "position": position,
        "refresh_seconds": REFRESH_SECONDS,
        "live": ticket.status in ("waiting", "called", "serving"),
        "soon": ticket.status == "waiting" and position.ahead <= SOON_AHEAD,
        "offers_messages": bool(phone_channel_choices()),
        # What the kiosk's scanner reads to check a ticket from a phone in: its bare code.
        "check_in_qr": (
            qr_svg_inline(ticket.code, scale=5, title=_("Kode QR check-in"))
            if ticket.awaits_check_in
            else ""
        ),
        "fragment_etag": f'"{_page_version(request, code, partial=True)}"',
    }
    template = (
        "counters/queue/ticket/_status.html"
        if request.htmx
        else "counters/queue/ticket/status.html"
    )
    return render(request, template, context)


@never_cache
@require_http_methods(["GET", "POST"])
def ticket_messages(request, code: str):
    """Leave a number for "3 more" and the call (and the survey link), or stop them."""
    ticket = ticket_by_code(code)
    if ticket is None:
        raise Http404
    form = TicketMessagesForm(request.POST or None)
    status = 200
    if request.method == "POST" and "berhenti" in request.POST:
        ticket_messages_stop(ticket)
        messages.success(request, _("Anda tidak akan menerima pesan lagi untuk tiket ini."))
        return redirect("counters:ticket_messages", code=code)
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                ticket_messages_allow(
                    ticket=ticket,
                    phone=form.cleaned_data["phone"],
                    channels=form.cleaned_data["notify"],
                    survey=form.cleaned_data["survey"],
                    language=get_language(),
                )
            except DomainError as error:
                form.add_error(None, error.message)
                status = error.status
            else:
                messages.success(request, _("Anda akan diberi tahu lewat pesan."))
                return redirect("counters:ticket_messages", code=code)
    context = {"ticket": ticket, "form": form, "allowed": ticket_messages_allowed(ticket)}
    return render(request, "counters/queue/ticket/messages.html", context, status=status)
