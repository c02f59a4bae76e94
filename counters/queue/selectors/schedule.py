"""Whether an agency serves at a location at a given moment, and why not; its weekly hours."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, time

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from counters.queue.models import AgencySchedule
from counters.queue.selectors.reference import Presence, cached_reference, service_presence
from services.models import Location, Service


def schedules_on(*, location: Location, moment: datetime) -> dict[int, AgencySchedule]:
    """{agency id: schedule} of the agencies present at the location on that local day."""
    weekday = timezone.localtime(moment).weekday()
    with scopes_disabled():
        return {
            schedule.agency_id: schedule
            for schedule in AgencySchedule.objects.filter(location=location, weekday=weekday)
        }


@dataclass(frozen=True)
class OpeningPeriod:
    """Consecutive weekdays with the same hours: "Senin–Kamis 08.00–15.00"."""

    days: str
    opens_at: time
    closes_at: time


def _periods(rows: list[AgencySchedule]) -> list[OpeningPeriod]:
    runs: list[list[AgencySchedule]] = []
    for row in rows:
        last = runs[-1][-1] if runs else None
        same_hours = last and (last.opens_at, last.closes_at) == (row.opens_at, row.closes_at)
        if same_hours and last.weekday == row.weekday - 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    if len(runs) == 1 and len(runs[0]) == len(AgencySchedule.Weekday):
        return [OpeningPeriod(_("Setiap hari"), runs[0][0].opens_at, runs[0][0].closes_at)]
    return [
        OpeningPeriod(
            run[0].get_weekday_display()
            if len(run) == 1
            else f"{run[0].get_weekday_display()}–{run[-1].get_weekday_display()}",
            run[0].opens_at,
            run[0].closes_at,
        )
        for run in runs
    ]


def agency_opening_hours(*, agency_id: int) -> dict[int, list[OpeningPeriod]]:
    """{location id: the hours the agency serves there}: the schedule the kiosk and the
    queue keep (reference data: a schedule write replaces the catalog version, so a change
    the agency makes shows on the public pages at once)."""

    def load():
        by_location: dict[int, list[AgencySchedule]] = defaultdict(list)
        with scopes_disabled():
            for row in AgencySchedule.objects.filter(agency_id=agency_id).order_by(
                "location_id", "weekday"
            ):
                by_location[row.location_id].append(row)
        return {location_id: _periods(rows) for location_id, rows in by_location.items()}

    return cached_reference(f"ref:agency-hours:{agency_id}", load)


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
