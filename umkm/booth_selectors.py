"""Reads of booths and their periods: the allocation order, who sells where this week and
at upcoming events, a business's next days at the mall, the owner's applications."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from services.models import Location
from umkm.models import Booth, BoothApplication, BoothChoice, BoothPeriod, Business

# Rotation fairness looks back this far: a business that held a booth in the last three
# months waits behind one that did not.
RECENT_DAYS = 90
# Upcoming events shown to visitors: the next two months.
UPCOMING_DAYS = 60


def allocation_order(period: BoothPeriod) -> list[BoothApplication]:
    """The rule of who is served first when a period's booths are given out, the one order
    of the mall admin's allocation run:

    1. Dekranasda members, up to the period's Dekranasda quota;
    2. then everybody else (and the members beyond the quota) in the same order:
       fewer booths held in the RECENT_DAYS before the period first (rotation fairness),
       then earlier application (first come; applications are taken only inside the
       application window).

    Each application carries `recent` (booths held in that look-back) and `by_quota`."""
    recent_from = period.starts_on - timedelta(days=RECENT_DAYS)
    held = Q(
        business__booth_applications__status=BoothApplication.Status.ALLOCATED,
        business__booth_applications__starts_on__gte=recent_from,
        business__booth_applications__starts_on__lt=period.starts_on,
    )
    pending = list(
        period.applications.filter(status=BoothApplication.Status.PENDING)
        .select_related("business__owner", "period__location")
        .prefetch_related(Prefetch("choices", BoothChoice.objects.select_related("booth")))
        .annotate(recent=Count("business__booth_applications", filter=held))
        .order_by("recent", "submitted_at", "id")
    )
    crafts = [a for a in pending if a.business.is_dekranasda_member][: period.dekranasda_quota]
    for application in pending:
        application.by_quota = application in crafts
    return crafts + [a for a in pending if not a.by_quota]


def week_of(day: date) -> tuple[date, date]:
    """Monday to Sunday of the week of `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _allocations() -> QuerySet[BoothApplication]:
    return (
        BoothApplication.objects.allocated()
        .filter(business__status=Business.Status.APPROVED)
        .select_related("business", "booth", "period")
    )


@dataclass
class PlanGroup:
    """Who holds which booth at one location in one stretch of days, for the plan."""

    title: str
    location: object
    starts_on: date
    ends_on: date
    period: BoothPeriod | None = None
    booths: list[Booth] = field(default_factory=list)
    holders: dict[int, BoothApplication] = field(default_factory=dict)

    @property
    def allocations(self) -> list[BoothApplication]:
        return [self.holders[booth.pk] for booth in self.booths if booth.pk in self.holders]

    def cells(self) -> list[tuple[Booth, BoothApplication | None]]:
        return [(booth, self.holders.get(booth.pk)) for booth in self.booths]

    @property
    def anchor(self) -> str:
        """A page-unique id of this plan (a location this week, or a period)."""
        return f"denah-{self.period.slug}" if self.period else f"denah-{self.location.slug}"

    @property
    def rows(self) -> int:
        return max((booth.row for booth in self.booths), default=0)

    @property
    def columns(self) -> int:
        return max((booth.column for booth in self.booths), default=0)


def _booths_by_location(location_ids: set[int]) -> dict[int, list[Booth]]:
    booths: dict[int, list[Booth]] = {}
    for booth in Booth.objects.filter(location_id__in=location_ids, is_active=True):
        booths.setdefault(booth.location_id, []).append(booth)
    return booths


def at_the_mall(today: date) -> tuple[list[PlanGroup], list[PlanGroup]]:
    """(this week per location, upcoming events): the approved businesses holding booths
    and the plans to show them on."""
    monday, sunday = week_of(today)
    this_week = [
        PlanGroup(title=location.name, location=location, starts_on=monday, ends_on=sunday)
        for location in Location.objects.filter(umkm_booths__isnull=False).distinct()
    ]
    events = list(
        BoothPeriod.objects.exclude(kind=BoothPeriod.Kind.ROTATION)
        .filter(starts_on__gt=sunday, starts_on__lte=today + timedelta(days=UPCOMING_DAYS))
        .select_related("location")
        .prefetch_related("booths")
    )
    upcoming = [
        PlanGroup(
            title=event.name,
            location=event.location,
            starts_on=event.starts_on,
            ends_on=event.ends_on,
            period=event,
            booths=[booth for booth in event.booths.all() if booth.is_active],
        )
        for event in events
    ]
    booths = _booths_by_location({group.location.pk for group in this_week})
    for group in this_week:
        group.booths = booths.get(group.location.pk, [])
    held = _allocations().filter(starts_on__lte=sunday, ends_on__gte=monday)
    for application in held:
        for group in this_week:
            if group.location.pk == application.booth.location_id:
                group.holders[application.booth_id] = application
    for application in _allocations().filter(period__in=events):
        for group in upcoming:
            if group.period.pk == application.period_id:
                group.holders[application.booth_id] = application
    return [group for group in this_week if group.booths], upcoming


def period_plan(period: BoothPeriod) -> PlanGroup:
    """The plan of a period's offered booths and who already holds them."""
    booths = [booth for booth in period.booths.all() if booth.is_active]
    plan = PlanGroup(
        title=period.name,
        location=period.location,
        starts_on=period.starts_on,
        ends_on=period.ends_on,
        period=period,
        booths=booths,
    )
    for application in _allocations().filter(period=period):
        plan.holders[application.booth_id] = application
    return plan


def next_at_mall(business: Business, today: date) -> BoothApplication | None:
    """The business's current or next booth, for its public page."""
    return (
        business.booth_applications.allocated()
        .filter(ends_on__gte=today)
        .select_related("booth__location", "period")
        .order_by("starts_on")
        .first()
    )


def open_periods(today: date) -> QuerySet[BoothPeriod]:
    """Periods whose application window is open today."""
    return BoothPeriod.objects.filter(
        applications_open_on__lte=today, applications_close_on__gte=today
    ).select_related("location")


def open_period(slug: str, today: date) -> BoothPeriod:
    """A period taking applications today; any other is a 404."""
    return get_object_or_404(
        open_periods(today).prefetch_related(
            Prefetch("booths", Booth.objects.filter(is_active=True))
        ),
        slug=slug,
    )


def owner_applications(user: AbstractBaseUser) -> QuerySet[BoothApplication]:
    return (
        BoothApplication.objects.owned_by(user)
        .select_related("period__location", "booth")
        .prefetch_related(Prefetch("choices", BoothChoice.objects.select_related("booth")))
        .order_by("-period__starts_on")
    )
