"""What a citizen takes home from a booking: the QR code, the .ics calendar file, the emails."""

from datetime import UTC, datetime
from email.utils import parseaddr

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common import clock
from common.mail import email_message
from common.qr import qr_svg_inline
from counters.booking.models import Booking
from counters.booking.selectors import requirements_of_booking
from services.models import ServiceRequirement


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


def requirement_line(item: ServiceRequirement) -> str:
    """One item of persyaratan as one line: its text, whether to bring the original, how
    many copies, and its note (also the missing items of a case)."""
    marks = [_("bawa asli")] if item.bring_original else []
    if item.copies:
        marks.append(
            ngettext("fotokopi %(counter)s lembar", "fotokopi %(counter)s lembar", item.copies)
            % {"counter": item.copies}
        )
    line = item.text + (f" ({', '.join(marks)})" if marks else "")
    return f"{line}: {item.note}" if item.note else line


def requirement_lines(booking: Booking) -> list[str]:
    """The booked service's persyaratan as one line each, as the confirmation page, the
    e-mail and the calendar entry list them."""
    return [requirement_line(item) for item in requirements_of_booking(booking)]


def _ics_description(booking: Booking, requirements: list[str]) -> str:
    description = _(
        "Kode reservasi %(code)s. Datang dan check-in di kios antrian paling cepat 30 menit "
        "sebelum sampai 15 menit sesudah jam sesi. Bawa dokumen persyaratan asli."
    ) % {"code": booking.code}
    if requirements:
        description += "\n\n" + _("Persyaratan") + ":\n" + "\n".join(f"- {r}" for r in requirements)
    return description


def booking_ics(
    booking: Booking, *, requirements: list[str] | None = None, now: datetime | None = None
) -> str:
    """The visit as a calendar entry. Its UID stays the booking's and its SEQUENCE is the
    booking's revision, so that a calendar app replaces the copy it has (RFC 5545); a
    cancelled booking is sent as a cancellation (RFC 5546). `requirements`: the
    requirement_lines when the caller has them already."""
    if requirements is None:
        requirements = requirement_lines(booking)
    location = booking.location
    cancelled = booking.status == Booking.Status.CANCELLED
    organizer_name, organizer_address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer_name = organizer_name.replace('"', "") or "MPP Kutai Timur"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//MPP Kutai Timur//Reservasi//ID",
        "CALSCALE:GREGORIAN",
        "METHOD:" + ("CANCEL" if cancelled else "PUBLISH"),
        "BEGIN:VEVENT",
        f"UID:{booking.code}@mpp-kutim",
        f"SEQUENCE:{booking.sequence}",
        f"DTSTAMP:{_ics_time(now or clock.now())}",
        f"DTSTART:{_ics_time(booking.starts_at)}",
        f"DTEND:{_ics_time(booking.ends_at)}",
        f'ORGANIZER;CN="{organizer_name}":mailto:{organizer_address}',
        "SUMMARY:" + _ics_text(_("MPP Kutai Timur: %(service)s") % {"service": booking.service}),
        "LOCATION:" + _ics_text(f"{location.name}, {location.address}"),
        "DESCRIPTION:" + _ics_text(_ics_description(booking, requirements)),
        "STATUS:" + ("CANCELLED" if cancelled else "CONFIRMED"),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def send_booking_email(booking: Booking, *, kind: str) -> None:
    """kind: confirmation, reschedule, reminder, cancellation, closed (the agency closed
    the booked day) or stopped (the service takes no bookings there any more); the .ics
    goes with each of them, so that the citizen's calendar follows the booking."""
    subjects = {
        "confirmation": _("Reservasi %(code)s di MPP Kutai Timur"),
        "reschedule": _("Jadwal reservasi %(code)s diubah"),
        "reminder": _("Pengingat: reservasi %(code)s besok"),
        "cancellation": _("Reservasi %(code)s dibatalkan"),
        "closed": _("Layanan tutup pada hari reservasi %(code)s"),
        "stopped": _("Reservasi %(code)s tidak dapat dilayani"),
    }
    requirements = requirement_lines(booking)
    body = render_to_string(
        "counters/booking/email.txt",
        {
            "booking": booking,
            "kind": kind,
            "starts_at": timezone.localtime(booking.starts_at),
            "requirements": requirements,
        },
    )
    message = email_message(
        subject=subjects[kind] % {"code": booking.code}, body=body, to=[booking.email]
    )
    calendar = booking_ics(booking, requirements=requirements)
    message.attach(f"reservasi-{booking.code}.ics", calendar, "text/calendar")
    message.send()
