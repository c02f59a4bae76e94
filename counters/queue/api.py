"""API of the queue: tickets and their actions, counters, call-next and the boards feed."""

from datetime import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from common.errors import DomainError
from counters.queue import services as queue
from counters.queue.kiosk import may_issue_tickets
from counters.queue.models import Counter, CounterPause, Priority, Ticket
from counters.queue.selectors.board import board_feed_body
from counters.queue.selectors.counters import counter_by_id, staff_counters
from counters.queue.selectors.reference import (
    counter_identity,
    location_and_service,
    location_by_slug,
    service_by_path,
)
from counters.queue.selectors.tickets import Position, ticket_by_code, ticket_position
from services.api_auth import kiosk_location, token_or_session
from services.api_errors import refusals
from services.tenancy import staff_scope

router = Router(tags=["antrian"])


class TicketOut(Schema):
    code: str
    number: str
    status: str
    status_label: str
    service: str
    service_name: str
    agency: str
    location: str
    priority: str | None
    issued_at: datetime
    called_at: datetime | None
    ahead: int
    estimated_wait_minutes: int | None
    counter: int | None
    counter_name: str | None


def ticket_out(ticket: Ticket, *, position: Position | None = None) -> dict:
    position = position or ticket_position(ticket)
    return {
        "code": ticket.code,
        "number": ticket.display_number,
        "status": ticket.status,
        "status_label": ticket.get_status_display(),
        "service": f"{ticket.agency.slug}/{ticket.service.slug}",
        "service_name": ticket.service.name,
        "agency": ticket.agency.short_name,
        "location": ticket.location.slug,
        "priority": ticket.priority or None,
        "issued_at": ticket.issued_at,
        "called_at": ticket.called_at,
        "ahead": position.ahead,
        "estimated_wait_minutes": position.estimated_wait_minutes,
        "counter": ticket.counter.number if ticket.counter else None,
        "counter_name": ticket.counter.name if ticket.counter else None,
    }


class TicketIn(Schema):
    service: str = Field(description="instansi/layanan")
    location: str
    priority: Priority | None = None

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"service": "dukcapil/ktp-el", "location": "expo-sangatta", "priority": "lansia"}
            ]
        }
    )


@router.post(
    "/tickets", response={201: TicketOut, **refusals(403, 404, 409)}, auth=token_or_session
)
def ticket_create(request, payload: TicketIn):
    """Issue a queue ticket: with the kiosk token of that location, or as staff of the
    service's agency. 409 when the service is closed or its daily quota is full."""
    location, service = location_and_service(payload.location, payload.service)
    if location is None or not location.is_active or service is None:
        raise Http404
    kiosk = kiosk_location(request)
    if kiosk is not None and kiosk != location:
        raise PermissionDenied(_("Token kios ini untuk lokasi lain."))
    if kiosk is None and not may_issue_tickets(request, service.agency):
        raise PermissionDenied(_("Hanya kios atau petugas yang dapat mengambilkan antrian."))
    ticket = queue.ticket_issue(
        service=service,
        location=location,
        priority=payload.priority,
        source=Ticket.Source.KIOSK if kiosk else Ticket.Source.STAFF,
        issued_by=request.user,
    )
    return Status(201, ticket_out(ticket, position=ticket.position_when_issued))


class OnlineTicketIn(Schema):
    service: str = Field(description="instansi/layanan")
    location: str
    nik: str
    phone: str
    notify: list[Literal["whatsapp", "sms"]] = Field(
        default=[], description='Phone channels allowed for "3 more" and the call.'
    )
    language: Literal["id", "en"] = "id"

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "service": "dukcapil/ktp-el",
                    "location": "expo-sangatta",
                    "nik": "6408015505920002",
                    "phone": "081234567890",
                    "notify": ["whatsapp"],
                }
            ]
        }
    )


@router.post("/tickets/online", response={201: TicketOut, **refusals(404, 409, 422, 429)})
def online_ticket_create(request, payload: OnlineTicketIn):
    """Today's number from a phone, for a service that takes online tickets at that
    location: it must check in at a kiosk there (its code scanned) before its turn, or it
    lapses. 409 when closed, the phones' share is gone or the NIK holds a live one of the
    service; 429 past a NIK's tickets of the day."""
    location, service = location_and_service(payload.location, payload.service)
    if location is None or not location.is_active or service is None:
        raise Http404
    ticket = queue.ticket_take_online(
        service=service,
        location=location,
        nik=payload.nik,
        phone=payload.phone,
        notify=payload.notify,
        language=payload.language,
    )
    return Status(201, ticket_out(ticket, position=ticket.position_when_issued))


@router.post(
    "/tickets/{code}/check-in",
    response={200: TicketOut, **refusals(403, 404, 409)},
    auth=token_or_session,
)
def online_ticket_check_in(request, code: str):
    """Check a ticket from a phone in at the hall: with the kiosk token of its location."""
    kiosk = kiosk_location(request)
    if kiosk is None:
        raise PermissionDenied(_("Check-in tiket online hanya dapat dilakukan di kios MPP."))
    ticket = ticket_by_code(code)
    if ticket is None:
        raise Http404
    return ticket_out(queue.ticket_check_in(ticket=ticket, location=kiosk))


@router.get("/tickets/{code}", response=TicketOut)
def ticket_detail(request, code: str):
    """A ticket's status, the visitors ahead of it, the estimated wait and the counter
    that called it (public: no personal data)."""
    ticket = ticket_by_code(code)
    if ticket is None:
        raise Http404
    return ticket_out(ticket)


class CounterOut(Schema):
    id: int
    number: int
    name: str
    agency: str
    location: str
    is_open: bool
    paused: bool
    operator: str | None
    services: list[str]


def counter_out(counter: Counter) -> dict:
    return {
        "id": counter.pk,
        "number": counter.number,
        "name": counter.name,
        "agency": counter.agency.slug,
        "location": counter.location.slug,
        "is_open": counter.is_open,
        "paused": bool(counter.open_pauses),
        "operator": counter.operator.username if counter.operator else None,
        "services": [f"{counter.agency.slug}/{service.slug}" for service in counter.services.all()],
    }


@router.get("/counters", response=list[CounterOut], auth=token_or_session)
def counter_list(request, location: str | None = None, agency: str | None = None):
    """The counters of the agencies the signed-in staff member works for."""
    return [
        counter_out(counter)
        for counter in staff_counters(request.user, location=location, agency=agency)
    ]


@router.post(
    "/counters/{counter_id}/call-next",
    response={200: TicketOut, 204: None, **refusals(409)},
    auth=token_or_session,
)
def counter_call_next(request, counter_id: int):
    """Call the next visitor to this counter (priority visitors, then checked-in bookings,
    then arrival order): 200 with the ticket, 204 when nobody waits, 409 when the counter
    is closed, paused or operated by someone else."""
    # The call reads open, operator and pause from the database itself.
    with staff_scope(request, counter_identity(counter_id)) as counter:
        ticket = queue.ticket_call_next(counter=counter, operator=request.user)
        if ticket is None:
            return Status(204, None)
        return Status(200, ticket_out(ticket))


class PauseIn(Schema):
    reason: CounterPause.Reason
    note: str = ""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"reason": CounterPause.Reason.values[0], "note": ""}]}
    )


@router.post(
    "/counters/{counter_id}/pause",
    response={200: CounterOut, **refusals(409)},
    auth=token_or_session,
)
def counter_pause(request, counter_id: int, payload: PauseIn):
    """Pause an open counter with a reason; it calls nobody until resumed."""
    with staff_scope(request, counter_by_id(counter_id)) as counter:
        queue.counter_pause(
            counter=counter, operator=request.user, reason=payload.reason, note=payload.note
        )
    return counter_out(staff_counters(request.user, pk=counter.pk)[0])


COUNTER_ACTIONS = {
    "open": queue.counter_open,
    "close": queue.counter_close,
    "resume": queue.counter_resume,
}
# The path's closed set of actions, for the schema: the keys above.
CounterAction = Literal[tuple(COUNTER_ACTIONS)]


@router.post(
    "/counters/{counter_id}/{action}",
    response={200: CounterOut, **refusals(409)},
    auth=token_or_session,
)
def counter_action(request, counter_id: int, action: CounterAction):
    """Open, close or resume (after a pause) a counter of the staff member's agency."""
    with staff_scope(request, counter_by_id(counter_id)) as counter:
        COUNTER_ACTIONS[action](counter=counter, operator=request.user)
    return counter_out(staff_counters(request.user, pk=counter.pk)[0])


def queue_error(message: str) -> DomainError:
    return DomainError(message, code="invalid", status=422)


class TicketActionIn(Schema):
    service: str | None = Field(None, description="transfer: instansi/layanan tujuan")
    counter: int | None = Field(None, description="call: loket yang memanggil")
    reason: str = Field("", description="cancel, call: alasan")

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"service": "dukcapil/kartu-keluarga"}]}
    )


# The simple actions (queue.TICKET_ACTIONS), and those that take a body (handled below).
TicketAction = Literal[(*queue.TICKET_ACTIONS, "cancel", "transfer", "call")]


@router.post(
    "/tickets/{code}/{action}",
    response={200: TicketOut, **refusals(403, 409)},
    auth=token_or_session,
)
def ticket_action(request, code: str, action: TicketAction, payload: TicketActionIn | None = None):
    """An operator's action on a ticket of their agency: recall, start, finish, no-show,
    send-back, cancel {"reason"}, transfer {"service": "agency/slug"}, call {"counter": id,
    "reason"} (out of order). 409 when the ticket's state does not allow the action."""
    payload = payload or TicketActionIn()
    with staff_scope(request, ticket_by_code(code)) as ticket:
        if action in queue.TICKET_ACTIONS:
            ticket = queue.TICKET_ACTIONS[action](ticket=ticket, operator=request.user)
        elif action == "cancel":
            ticket = queue.ticket_cancel(ticket=ticket, actor=request.user, reason=payload.reason)
        elif action == "transfer":
            if not payload.service:
                raise queue_error(_("Pilih layanan tujuan."))
            target = service_by_path(payload.service)
            if target is None:
                raise Http404
            ticket = queue.ticket_transfer(ticket=ticket, operator=request.user, service=target)
        elif action == "call":
            if payload.counter is None:
                raise queue_error(_("Pilih loket."))
            # Inside the ticket's agency: another agency's counter is not found.
            counter = Counter.objects.filter(pk=payload.counter).first()
            if counter is None:
                raise Http404
            ticket = queue.ticket_call(
                ticket=ticket, counter=counter, operator=request.user, reason=payload.reason
            )
    return ticket_out(ticket_by_code(ticket.code))


class CallOut(Schema):
    id: int
    number: str
    counter: int
    counter_name: str
    agency: str
    recall: bool
    at: str
    speech: str
    clips: list[str]


class BoardCounterOut(Schema):
    counter: int
    counter_name: str
    number: str
    agency: str
    status: str


class BoardWaitingOut(Schema):
    agency: str
    waiting: int


class BoardOut(Schema):
    last_event_id: int
    new_calls: list[CallOut]
    recent_calls: list[CallOut]
    counters: list[BoardCounterOut]
    waiting: list[BoardWaitingOut]
    running_text: str


@router.get("/boards/{location}", response={200: BoardOut, 304: None})
def board_feed(request, location: str, after: int = 0):
    """Polled every 1–2 s by every board: answered 304 while nothing changed (ETag), and
    otherwise with JSON encoded once per queue version, without a database query."""
    place = location_by_slug(location)
    if place is None:
        raise Http404
    version, body = board_feed_body(place, after)
    etag = f'W/"{place.pk}-{version}-{after}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    return response
