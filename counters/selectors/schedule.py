"""Whether an agency serves at a location at a given moment, and why not."""

from datetime import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from counters.models import AgencySchedule
from counters.selectors.reference import Presence, service_presence
from services.models import Location, Service


def schedules_on(*, location: Location, moment: datetime) -> dict[int, AgencySchedule]:
    """{agency id: schedule} of the agencies present at the location on that local day."""
    weekday = timezone.localtime(moment).weekday()
    with scopes_disabled():
        return {
            schedule.agency_id: schedule
            for schedule in AgencySchedule.objects.filter(location=location, weekday=weekday)
        }


def closed_reason(
    *, schedule: AgencySchedule | None, moment: datetime, agency_name: str
) -> str | None:
    """None when open; otherwise the sentence the kiosk shows."""
    local = timezone.localtime(moment)
    if schedule is None:
        return _("%(agency)s tidak melayani di lokasi ini pada hari %(day)s.") % {
            "agency": agency_name,
            "day": formats.date_format(local, "l"),
        }
    if local.time() < schedule.opens_at:
        return _("Belum buka. Antrian dibuka pukul %(time)s WITA.") % {
            "time": schedule.opens_at.strftime("%H.%M")
        }
    if local.time() > schedule.closes_at:
        return _("Sudah tutup. Antrian hari ini ditutup pukul %(time)s WITA.") % {
            "time": schedule.closes_at.strftime("%H.%M")
        }
    return None


def service_closed_reason(*, service: Service, location: Location, moment: datetime) -> str | None:
    """Why no ticket of this service can be taken at this location now (None: it can)."""
    weekday = timezone.localtime(moment).weekday()
    presence = service_presence(service=service, location=location, weekday=weekday)
    return closed_reason_of(service=service, location=location, presence=presence, moment=moment)


def closed_reason_of(
    *, service: Service, location: Location, presence: Presence, moment: datetime
) -> str | None:
    """The same, from the service's presence at the location that day."""
    if not (service.is_active and service.agency.is_active):
        return _("Layanan ini sedang tidak tersedia.")
    if not presence.offered:
        return _("Layanan ini tidak tersedia di %(location)s.") % {"location": location.name}
    return closed_reason(
        schedule=presence.schedule, moment=moment, agency_name=service.agency.short_name
    )
