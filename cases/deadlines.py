"""The due date of a case: the service's published processing time counted from the
opening in WITA (working days skip weekends, national holidays, cuti bersama and the
agency's own closure days), moved later by every time the clock stood still."""

from datetime import date, datetime, timedelta

from django.utils import timezone
from django_scopes import scopes_disabled

from common.workdays import add_working_days, end_of_day, working_days_between, working_deadline
from counters.booking.models import BookingClosure
from services.models import ProcessingUnit as Unit
from services.models import Service


def closed_days(agency_id: int) -> frozenset[date]:
    """Days the whole agency is closed (its closures that name no single location)."""
    with scopes_disabled():
        days = BookingClosure.objects.filter(agency_id=agency_id, location__isnull=True)
        return frozenset(days.values_list("date", flat=True))


def due_at(*, service: Service, opened_at: datetime) -> datetime | None:
    """When a case of `service` opened at `opened_at` is due; None when the service
    promises no time that can be measured."""
    amount, unit = service.processing_amount, service.processing_unit
    day = timezone.localtime(opened_at).date()
    if unit == Unit.SAME_DAY:
        return end_of_day(day)
    if unit == Unit.HOURS:
        return opened_at + timedelta(hours=amount)
    if unit == Unit.DAYS:
        return end_of_day(day + timedelta(days=amount))
    if unit == Unit.WORKING_DAYS:
        return working_deadline(opened_at, amount, closed=closed_days(service.agency_id))
    return None


def due_after_pause(
    *, service: Service, due: datetime | None, paused_at: datetime, resumed_at: datetime
) -> datetime | None:
    """`due` moved later by the pause from `paused_at` to `resumed_at`, counted in the
    service's own unit: a pause over a weekend costs a working-day service nothing."""
    if due is None:
        return None
    unit = service.processing_unit
    if unit == Unit.WORKING_DAYS:
        closed = closed_days(service.agency_id)
        paused = working_days_between(
            timezone.localtime(paused_at).date(),
            timezone.localtime(resumed_at).date(),
            closed=closed,
        )
        return end_of_day(add_working_days(timezone.localtime(due).date(), paused, closed=closed))
    if unit == Unit.DAYS:
        paused_days = (
            timezone.localtime(resumed_at).date() - timezone.localtime(paused_at).date()
        ).days
        return due + timedelta(days=paused_days)
    return due + (resumed_at - paused_at)


def working_days_late(*, due: datetime, stopped: datetime, agency_id: int) -> int:
    """By how many of the agency's working days a case due at `due` whose clock stopped
    (or stands now) at `stopped` is late: the working days after the due day up to the
    stopping day; 0 when it is not late."""
    if stopped <= due:
        return 0
    return working_days_between(
        timezone.localtime(due).date(),
        timezone.localtime(stopped).date(),
        closed=closed_days(agency_id),
    )
