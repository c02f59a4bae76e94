"""Public booking pages: choose a slot, book, then view, cancel or reschedule behind the NIK;
and the kiosk page where a booking checks in."""

from datetime import date, datetime

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from common import clock
from common.errors import DomainError
from common.proven import remember_proven, was_proven
from counters.booking import limits as booking_limits
from counters.booking import selectors
from counters.booking.documents import booking_ics, qr_svg, requirement_lines
from counters.booking.forms import BookingForm, CodeLookupForm, MessagesForm, NikCheckForm
from counters.booking.messages import booking_messages_allowed, booking_messages_set
from counters.booking.services import (
    BookingError,
    booking_cancel,
    booking_check_in,
    booking_create,
    booking_reschedule,
)
from counters.queue.kiosk import from_kiosk_network, may_issue_tickets
from services.models import Location

# The bookings whose NIK this browser's owner proved, or that it made (common.proven).
PROVEN = "booking_access"


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def _grant(request, code: str) -> None:
    remember_proven(request, PROVEN, code)


def _granted_booking(request, code: str):
    if not was_proven(request, PROVEN, code):
        return None
    return selectors.booking_by_code(code)


def _parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _parse_start(value: str | None) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
    if moment and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _picker_context(schedule, chosen: str | None) -> dict:
    days = selectors.booking_days(schedule)
    day = _parse_date(chosen)
    if day is None or not any(d.date == day for d in days):
        day = next((d.date for d in days if d.is_open), days[0].date)
    return {
        "schedule": schedule,
        "days": days,
        "day": day,
        "slots": selectors.day_slots(schedule, day),
    }


def start(request):
    form = CodeLookupForm(request.GET or None)
    if form.is_valid():
        return redirect("booking:manage", code=form.cleaned_data["code"])
    return render(
        request,
        "counters/booking/start.html",
        {"services": selectors.bookable_services(), "lookup_form": form},
    )


def service(request, agency: str, service: str):
    schedules = selectors.service_schedules(agency_slug=agency, service_slug=service)
    if not schedules:
        raise Http404(_("Layanan ini tidak menerima reservasi daring."))
    schedule = next(
        (s for s in schedules if s.location.slug == request.GET.get("lokasi")), schedules[0]
    )
    context = {"schedules": schedules, **_picker_context(schedule, request.GET.get("tanggal"))}
    if request.htmx:
        return render(request, "counters/booking/_picker.html", context)
    return render(request, "counters/booking/service.html", context)


def _schedule_or_404(agency: str, service: str, location: str | None):
    schedule = selectors.find_schedule(
        agency_slug=agency, service_slug=service, location_slug=location or ""
    )
    if schedule is None:
        raise Http404(_("Jadwal reservasi tidak ditemukan."))
    return schedule


@never_cache
def create(request, agency: str, service: str):
    schedule = _schedule_or_404(agency, service, request.GET.get("lokasi"))
    back = (
        reverse("booking:service", args=[agency, service])
        + "?"
        + urlencode({"lokasi": schedule.location.slug})
    )
    starts_at = _parse_start(request.GET.get("mulai"))
    slot = starts_at and selectors.find_open_slot(schedule, starts_at)
    if not slot:
        messages.error(request, _("Sesi itu tidak bisa dipesan lagi. Silakan pilih sesi lain."))
        return redirect(back)
    form = BookingForm(request.POST or None)
    status = 200
    if form.is_valid():
        try:
            booking = booking_create(
                schedule=schedule,
                starts_at=slot.starts_at,
                client_ip=client_ip(request),
                language=get_language(),
                **{k: v for k, v in form.cleaned_data.items() if k != "consent"},
            )
        except BookingError as error:
            form.add_error(None, error.message)
            status = error.status
        else:
            _grant(request, booking.code)
            messages.success(request, _("Reservasi berhasil. Simpan kode dan kode QR ini."))
            return redirect("booking:manage", code=booking.code)
    elif request.method == "POST":
        status = 422
    context = {"schedule": schedule, "slot": slot, "form": form, "back": back}
    return render(request, "counters/booking/form.html", context, status=status)


@never_cache
def manage(request, code: str):
    booking = _granted_booking(request, code)
    if booking is not None:
        allowed = booking_messages_allowed(booking)
        context = {
            "booking": booking,
            "qr": qr_svg(booking.code),
            "requirements": requirement_lines(booking),
            "messages_allowed": allowed,
            "messages_form": MessagesForm(initial={"notify": allowed}),
        }
        return render(request, "counters/booking/detail.html", context)
    form = NikCheckForm(request.POST or None)
    status, throttled = 200, False
    today = clock.today()
    if request.method == "POST" and booking_limits.is_over(today, lookup=client_ip(request)):
        form, status, throttled = NikCheckForm(), 429, True
    elif request.method == "POST":
        booking_limits.count(today, lookup=client_ip(request))
        status = 422
        if form.is_valid():
            found = selectors.booking_for_citizen(code=code, nik=form.cleaned_data["nik"])
            if found:
                _grant(request, found.code)
                return redirect("booking:manage", code=found.code)
            form.add_error(None, _("Kode reservasi atau NIK tidak cocok."))
            status = 404
    context = {"code": code, "form": form, "throttled": throttled}
    return render(request, "counters/booking/verify.html", context, status=status)


def _require_access(request, code: str):
    booking = _granted_booking(request, code)
    if booking is None:
        raise Http404(_("Reservasi tidak ditemukan."))
    return booking


@never_cache
def ics(request, code: str):
    booking = _require_access(request, code)
    response = HttpResponse(booking_ics(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="reservasi-{booking.code}.ics"'
    return response


@require_http_methods(["POST"])
def message_settings(request, code: str):
    """The phone channels the booking's number gets messages on; none stops them all."""
    booking = _require_access(request, code)
    form = MessagesForm(request.POST)
    if form.is_valid():
        channels = form.cleaned_data.get("notify", [])
        booking_messages_set(booking, channels)
        if channels:
            messages.success(request, _("Pilihan pemberitahuan disimpan."))
        else:
            messages.success(request, _("Anda tidak akan menerima pesan lagi di nomor ini."))
    else:
        messages.error(request, _("Pilihan kanal pemberitahuan tidak dikenal."))
    return redirect("booking:manage", code=code)


@never_cache
@require_http_methods(["GET", "POST"])
def cancel(request, code: str):
    """Asked once on a page of its own (no script needed): the seat is given up for good."""
    booking = _require_access(request, code)
    if request.method == "POST" and request.POST.get("yakin") == "1":
        try:
            booking_cancel(booking=booking)
        except BookingError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Reservasi dibatalkan. Kuotanya kini terbuka untuk warga lain.")
            )
        return redirect("booking:manage", code=code)
    if not booking.is_changeable:
        messages.error(request, _("Reservasi ini tidak bisa dibatalkan lagi."))
        return redirect("booking:manage", code=code)
    return render(request, "counters/booking/cancel.html", {"booking": booking})


@never_cache
def reschedule(request, code: str):
    booking = _require_access(request, code)
    schedule = selectors.schedule_of_booking(booking)
    if schedule is None or not booking.is_changeable:
        messages.error(request, _("Reservasi ini tidak bisa diubah lagi."))
        return redirect("booking:manage", code=code)
    if request.method == "POST":
        starts_at = _parse_start(request.POST.get("mulai"))
        try:
            if starts_at is None:
                raise BookingError(_("Pilih salah satu sesi."), code="invalid", status=422)
            booking_reschedule(booking=booking, schedule=schedule, starts_at=starts_at)
        except BookingError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Jadwal reservasi sudah diubah."))
            return redirect("booking:manage", code=code)
    context = {"booking": booking, **_picker_context(schedule, request.GET.get("tanggal"))}
    if request.htmx:
        return render(request, "counters/booking/_picker.html", context)
    return render(request, "counters/booking/reschedule.html", context)


@require_http_methods(["GET", "POST"])
def kiosk_check_in(request, location: str):
    """The QR scanner types the code and Enter (or the visitor types it); inside the window
    the kiosk prints a ticket called before walk-ins, outside it offers a walk-in ticket."""
    place = get_object_or_404(Location, slug=location, is_active=True)
    form = CodeLookupForm(request.POST or None)
    context = {
        "location": place,
        "form": form,
        "can_issue": may_issue_tickets(request),
        "kiosk_mode": from_kiosk_network(request),
    }
    status = 422 if request.method == "POST" else 200
    if form.is_valid():
        booking = selectors.booking_by_code(form.cleaned_data["code"])
        if booking is not None and not may_issue_tickets(request, booking.agency):
            context["error"] = _("Check-in reservasi hanya dapat dilakukan di kios MPP.")
            return render(request, "counters/booking/kiosk_check_in.html", context, status=403)
        try:
            ticket = booking_check_in(code=form.cleaned_data["code"], location=place)
        except DomainError as error:
            context["error"] = error.message
            if error.code == "too_late":
                context["walk_in"] = booking
            status = error.status
        else:
            return redirect("counters:kiosk_ticket", code=ticket.code)
    return render(request, "counters/booking/kiosk_check_in.html", context, status=status)
