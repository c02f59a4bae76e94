"""The counter console at /loket/: pick a counter, then call and serve with htmx."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_scopes import scopes_disabled

from common.errors import DomainError
from counters.booking.models import Booking
from counters.booking.services import booking_personal_data_reveal
from counters.queue import services as queue
from counters.queue.models import Counter, CounterPause, Ticket
from counters.queue.selectors.console import console_state, transfer_targets, waiting_by_number
from counters.queue.selectors.counters import counter_by_id, staff_counters
from services.models import Service
from services.permissions import operated_agency_ids
from services.tenancy import staff_view

PANEL_REFRESH_SECONDS = 5


@login_required
def console_home(request):
    if not operated_agency_ids(request.user):
        raise PermissionDenied(_("Akun ini bukan petugas loket instansi mana pun."))
    return render(
        request, "counters/queue/console/home.html", {"counters": staff_counters(request.user)}
    )


def _render_panel(request, counter: Counter, revealed: Booking | None = None):
    """The whole page, the panel after an htmx action, or only the polled waiting list.
    `revealed`: the booking whose full NIK and phone were just asked for (shown once)."""
    context = {
        "state": console_state(counter),
        "revealed": revealed,
        "refresh_seconds": PANEL_REFRESH_SECONDS,
        "pause_reasons": CounterPause.Reason.choices,
        "is_mine": counter.is_open and counter.operator_id == request.user.pk,
    }
    if request.htmx and request.GET.get("bagian") == "antrian":
        return render(request, "counters/queue/console/_waiting.html", context)
    context["targets"] = transfer_targets(counter)
    template = "_panel.html" if request.htmx else "counter.html"
    return render(request, f"counters/queue/console/{template}", context)


@login_required
@staff_view(counter_by_id, "counter_id")
def console_counter(request, counter: Counter):
    return _render_panel(request, counter)


def _ticket(code: str) -> Ticket:
    ticket = Ticket.objects.exclude(status=Ticket.Status.TRANSFERRED).filter(code=code).first()
    if ticket is None:
        raise DomainError(_("Tiket tidak ditemukan."), code="not_found", status=404)
    return ticket


def _target(service_id: str) -> Service:
    # A visitor may be transferred to another agency's service in the hall.
    with scopes_disabled():
        service = Service.objects.select_related("agency").filter(pk=service_id).first()
    if service is None:
        raise DomainError(_("Pilih layanan tujuan."), code="invalid", status=422)
    return service


def _perform(request, counter: Counter, action: str) -> str:
    """Run one action for the counter; returns the confirmation to show."""
    user, post = request.user, request.POST
    if action == "open":
        queue.counter_open(counter=counter, operator=user)
        return _("Loket dibuka.")
    if action == "close":
        queue.counter_close(counter=counter, operator=user)
        return _("Loket ditutup.")
    if action == "pause":
        queue.counter_pause(
            counter=counter, operator=user, reason=post.get("reason", ""), note=post.get("note", "")
        )
        return _("Loket dijeda.")
    if action == "resume":
        queue.counter_resume(counter=counter, operator=user)
        return _("Loket dilanjutkan.")
    if action == "call-next":
        ticket = queue.ticket_call_next(counter=counter, operator=user)
        if ticket is None:
            return _("Tidak ada yang menunggu.")
        return _("Memanggil %(number)s.") % {"number": ticket.display_number}
    if action == "call":
        ticket = waiting_by_number(counter, post.get("number", ""))
        if ticket is None:
            raise DomainError(_("Nomor itu tidak sedang menunggu."), code="not_found", status=404)
        queue.ticket_call(
            ticket=ticket, counter=counter, operator=user, reason=post.get("reason", "")
        )
        return _("Memanggil %(number)s.") % {"number": ticket.display_number}
    ticket = _ticket(post.get("ticket", ""))
    if action == "cancel":
        queue.ticket_cancel(ticket=ticket, actor=user, reason=post.get("reason", ""))
    elif action == "transfer":
        queue.ticket_transfer(ticket=ticket, operator=user, service=_target(post.get("service")))
    elif action in queue.TICKET_ACTIONS:
        queue.TICKET_ACTIONS[action](ticket=ticket, operator=user)
    else:
        raise Http404
    return _("%(number)s: berhasil.") % {"number": ticket.display_number}


@login_required
@require_POST
@staff_view(counter_by_id, "counter_id")
def console_personal_data(request, counter: Counter):
    """The full NIK and phone of the booking being served, recorded as an access."""
    revealed = None
    try:
        revealed = booking_personal_data_reveal(
            ticket=_ticket(request.POST.get("ticket", "")), counter=counter, user=request.user
        )
    except DomainError as error:
        messages.error(request, error.message)
    return _render_panel(request, counter, revealed=revealed)


@login_required
@require_POST
@staff_view(counter_by_id, "counter_id")
def console_action(request, counter: Counter, action: str):
    try:
        messages.success(request, _perform(request, counter, action))
    except DomainError as error:
        # Answered 200 so that htmx swaps the panel in; the message says what was refused.
        messages.error(request, error.message)
    if request.htmx:
        counter.refresh_from_db()
        return _render_panel(request, counter)
    return redirect("counters:console_counter", counter_id=counter.pk)
