"""Reads of the SKM survey: which ticket an exit station's visitor means."""

import re
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from common import clock
from common.errors import DomainError
from counters.queue.models import Ticket
from counters.queue.selectors.tickets import CODE_MAX_LENGTH, ticket_by_code
from counters.survey.services import SurveyRefused
from services.models import Location

# The number printed on the slip ("A-001"), typed as "A-001", "a 1" or "A001".
TYPED_NUMBER = re.compile(r"([A-Za-z]{1,3})[\s-]*(\d{1,6})")


def _code_in(entry: str) -> str:
    """The ticket code in what the station read: the slip's QR holds the ticket page's
    address, so the code is read by the URL configuration that made it."""
    if "/" not in entry:
        return entry
    try:
        match = resolve(urlsplit(entry).path)
    except (Resolver404, ValueError):
        return ""
    return match.kwargs.get("code", "") if match.view_name == "counters:ticket_status" else ""


def _ticket_numbered(*, location: Location, prefix: str, number: int) -> Ticket | None:
    with scopes_disabled():
        return (
            Ticket.objects.select_related("service", "agency", "location")
            .exclude(status=Ticket.Status.TRANSFERRED)
            .filter(location=location, day=clock.today(), prefix=prefix.upper(), number=number)
            .first()
        )


def station_ticket(*, location: Location, entry: str) -> Ticket:
    """The ticket of a scanned QR, a ticket code or a typed number at an exit station,
    when its visitor may answer the survey there: served to the end today at this
    location and not answered yet. Refused with the reason otherwise."""
    entry = entry.strip()
    typed = TYPED_NUMBER.fullmatch(entry)
    if typed:
        ticket = _ticket_numbered(
            location=location, prefix=typed.group(1), number=int(typed.group(2))
        )
    else:
        code = _code_in(entry)
        ticket = ticket_by_code(code) if code and len(code) <= CODE_MAX_LENGTH else None
    if ticket is None or ticket.location_id != location.pk:
        raise DomainError(
            _("Nomor antrian itu tidak dikenal di lokasi ini. Periksa nomor pada slip Anda."),
            code="not_found",
            status=404,
        )
    if ticket.day != clock.today():
        raise SurveyRefused(
            _("Nomor antrian itu bukan dari hari ini. Survei di sini untuk layanan hari ini.")
        )
    if ticket.status != Ticket.Status.DONE:
        raise SurveyRefused(_("Survei hanya untuk tiket yang sudah selesai dilayani."))
    if hasattr(ticket, "survey"):
        raise SurveyRefused(_("Survei untuk tiket ini sudah diisi. Terima kasih."))
    return ticket
