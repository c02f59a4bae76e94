"""API of bookings: slots, create, look up and cancel with the NIK, check-in at the kiosk."""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from common import clock
from counters.booking import limits as booking_limits
from counters.booking import selectors
from counters.booking.services import (
    BookingError,
    booking_cancel,
    booking_check_in,
    booking_create,
)
from counters.queue.api import TicketOut, ticket_out
from services.api_auth import kiosk_location, token_or_session
from services.api_errors import refusals
from services.permissions import can_operate

router = Router(tags=["reservasi"])


class SlotOut(Schema):
    start: datetime
    end: datetime
    capacity: int
    remaining: int


class BookingIn(Schema):
    service: str
    location: str
    start: datetime
    name: str
    nik: str
    phone: str
    email: str = ""
    notify: list[Literal["whatsapp", "sms"]] = Field(
        default=[],
        description="Phone channels the citizen allows booking messages and queue calls on "
        "(their consent, recorded with the booking).",
    )
    language: Literal["id", "en"] = Field(
        default="id", description="The language of the citizen's e-mails and messages."
    )

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "service": "dukcapil/ktp-el",
                    "location": "expo-sangatta",
                    "start": "2026-12-08T09:00:00+08:00",
                    "name": "Siti Rahmawati",
                    "nik": "6408015505920002",
                    "phone": "081234567890",
                    "email": "siti@example.id",
                    "notify": ["whatsapp"],
                }
            ]
        }
    )


class NikIn(Schema):
    nik: str

    model_config = ConfigDict(json_schema_extra={"examples": [{"nik": "6408015505920002"}]})


class BookingOut(Schema):
    """No name, NIK or phone number: only what the code holder needs to plan the visit."""

    code: str
    service: str
    service_name: str
    location: str
    start: datetime
    end: datetime
    status: str

    @staticmethod
    def resolve_service(booking) -> str:
        return f"{booking.agency.slug}/{booking.service.slug}"

    @staticmethod
    def resolve_service_name(booking) -> str:
        return booking.service.name

    @staticmethod
    def resolve_location(booking) -> str:
        return booking.location.slug

    @staticmethod
    def resolve_start(booking) -> datetime:
        return timezone.localtime(booking.starts_at)

    @staticmethod
    def resolve_end(booking) -> datetime:
        return timezone.localtime(booking.ends_at)


class BookingDetailOut(BookingOut):
    nik_masked: str

    @staticmethod
    def resolve_nik_masked(booking) -> str:
        return booking.masked_nik


def _schedule(agency: str, service: str, location: str | None):
    schedules = selectors.service_schedules(agency_slug=agency, service_slug=service)
    for schedule in schedules:
        if location is None or schedule.location.slug == location:
            return schedule
    raise Http404


def _local(moment: datetime) -> datetime:
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _citizen_booking(request, code: str, nik: str):
    today = clock.today()
    ip = request.META.get("REMOTE_ADDR", "")
    if booking_limits.is_over(today, lookup=ip):
        raise BookingError(
            "Terlalu banyak percobaan. Silakan coba lagi besok.", code="throttled", status=429
        )
    booking_limits.count(today, lookup=ip)
    booking = selectors.booking_for_citizen(code=code, nik=nik)
    if booking is None:
        raise Http404
    return booking


@router.get("/services/{agency}/{service}/slots", response=list[SlotOut])
def slot_list(
    request, agency: str, service: str, location: str | None = None, date: date | None = None
):
    """Slots one can still book on a day (default: the first day with room)."""
    schedule = _schedule(agency, service, location)
    if date is None:
        date = next((d.date for d in selectors.booking_days(schedule) if d.is_open), None)
    slots = selectors.day_slots(schedule, date) if date else []
    return [
        SlotOut(start=s.starts_at, end=s.ends_at, capacity=s.capacity, remaining=s.remaining)
        for s in slots
    ]


@router.post("/bookings", response={201: BookingOut, **refusals(404, 409, 429)})
def booking_create_endpoint(request, payload: BookingIn):
    """Book one seat of a slot (`start` as listed by the slots operation). 409 when the
    slot is full or the NIK already has a booking of the service that day, 429 past the
    daily limits per address and per NIK."""
    agency, _slash, service = payload.service.partition("/")
    booking = booking_create(
        schedule=_schedule(agency, service, payload.location),
        starts_at=_local(payload.start),
        name=payload.name,
        nik=payload.nik,
        phone=payload.phone,
        email=payload.email,
        notify=tuple(payload.notify),
        language=payload.language,
        client_ip=request.META.get("REMOTE_ADDR", ""),
    )
    return Status(201, booking)


@router.post("/bookings/{code}/lookup", response={200: BookingDetailOut, **refusals(429)})
def booking_lookup(request, code: str, payload: NikIn):
    """The booking, only when `nik` is the NIK it was made with (404 otherwise). A POST, so
    that the NIK travels in the body and never in a URL that proxies and servers log."""
    return _citizen_booking(request, code, payload.nik)


@router.post("/bookings/{code}/cancel", response={200: BookingOut, **refusals(409, 429)})
def booking_cancel_endpoint(request, code: str, payload: NikIn):
    """Cancel a booking with its code and the NIK it was made with (404 when they do not
    match); 409 once its slot has started or it is no longer booked."""
    return booking_cancel(booking=_citizen_booking(request, code, payload.nik))


@router.post(
    "/bookings/{code}/check-in",
    response={201: TicketOut, **refusals(403, 409)},
    auth=token_or_session,
)
def booking_check_in_endpoint(request, code: str):
    """A kiosk token checks in at its own location; staff of the booking's agency at the
    booking's location. 201 with the queue ticket; 409 outside the check-in window or
    when the booking was cancelled or already checked in."""
    location = kiosk_location(request)
    if location is None:
        booking = selectors.booking_by_code(code)
        if booking is None:
            raise Http404
        if not can_operate(request.user, booking.agency):
            raise PermissionDenied("Hanya kios atau petugas instansi ini yang dapat check-in.")
        location = booking.location
    return Status(201, ticket_out(booking_check_in(code=code, location=location)))
