"""What a citizen takes home from a booking: the QR code, the .ics calendar file, the emails."""

from datetime import UTC, datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from common.qr import qr_svg_inline
from counters.models import Booking


def qr_svg(code: str) -> str:
    """The code as an inline SVG QR code; the kiosk's scanner reads the bare code."""
    return qr_svg_inline(code, scale=6, title=_("Kode QR reservasi"))


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _ics_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> str:
    """RFC 5545: lines longer than 75 octets continue on the next line after a space."""
    parts, current = [], ""
    for char in line:
        if len((current + char).encode()) > 75:
            parts.append(current)
            current = " "
        current += char
    parts.append(current)
    return "\r\n".join(parts)


def booking_ics(booking: Booking, *, now: datetime | None = None) -> str:
    location = booking.location
    description = _(
        "Kode reservasi %(code)s. Datang dan check-in di kios antrian paling cepat 30 menit "
        "sebelum sampai 15 menit sesudah jam sesi. Bawa dokumen persyaratan asli."
    ) % {"code": booking.code}
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//MPP Kutai Timur//Reservasi//ID",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{booking.code}@mpp-kutim",
        f"DTSTAMP:{_ics_time(now or timezone.now())}",
        f"DTSTART:{_ics_time(booking.starts_at)}",
        f"DTEND:{_ics_time(booking.ends_at)}",
        "SUMMARY:" + _ics_text(_("MPP Kutai Timur: %(service)s") % {"service": booking.service}),
        "LOCATION:" + _ics_text(f"{location.name}, {location.address}"),
        "DESCRIPTION:" + _ics_text(description),
        "STATUS:" + ("CANCELLED" if booking.status == Booking.Status.CANCELLED else "CONFIRMED"),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def send_booking_email(booking: Booking, *, kind: str) -> None:
    """kind: confirmation, reschedule or reminder; the .ics goes with each of them."""
    subjects = {
        "confirmation": _("Reservasi %(code)s di MPP Kutai Timur"),
        "reschedule": _("Jadwal reservasi %(code)s diubah"),
        "reminder": _("Pengingat: reservasi %(code)s besok"),
    }
    body = render_to_string(
        "counters/booking/email.txt",
        {"booking": booking, "kind": kind, "starts_at": timezone.localtime(booking.starts_at)},
    )
    message = EmailMessage(
        subject=subjects[kind] % {"code": booking.code},
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[booking.email],
    )
    message.attach(f"reservasi-{booking.code}.ics", booking_ics(booking), "text/calendar")
    message.send()
