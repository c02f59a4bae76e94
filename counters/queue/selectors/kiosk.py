"""What the kiosk offers: agencies and services at a location, open or closed and why."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from common import clock
from counters.queue.models import BoardSetting, DailyIssueCount, Ticket
from counters.queue.selectors.schedule import closed_reason, schedules_on
from services.models import Agency, Location, Service

# "Most used" is the number of tickets issued here over this many days.
USAGE_DAYS = 30


@dataclass(frozen=True)
class Choice:
    item: Agency | Service
    closed_reason: str | None
    waiting: int = 0


def kiosk_agencies(*, location: Location, moment: datetime) -> list[Choice]:
    """Active agencies with at least one active service offered at this location."""
    present = schedules_on(location=location, moment=moment)
    with scopes_disabled():
        agencies = (
            Agency.objects.filter(
                is_active=True,
                services__is_active=True,
                services__locations=location,
            )
            .annotate(
                waiting=Count(
                    "tickets",
                    filter=Q(
                        tickets__status=Ticket.Status.WAITING,
                        tickets__location=location,
                        tickets__day=clock.local_day(moment),
                    ),
                    distinct=True,
                )
            )
            .distinct()
            .order_by("order", "name")
        )
        return [
            Choice(
                item=agency,
                closed_reason=closed_reason(
                    schedule=present.get(agency.pk), moment=moment, agency_name=agency.short_name
                ),
                waiting=agency.waiting,
            )
            for agency in agencies
        ]


def kiosk_services(*, location: Location, agency: Agency, moment: datetime) -> list[Choice]:
    """The agency's services here, the most used first (tickets issued here over the last
    USAGE_DAYS days, then the agency's own order); closed when the agency is, or when today's
    quota is full."""
    reason = closed_reason(
        schedule=schedules_on(location=location, moment=moment).get(agency.pk),
        moment=moment,
        agency_name=agency.short_name,
    )
    day = clock.local_day(moment)
    recently_issued = (
        DailyIssueCount.objects.filter(
            service=OuterRef("pk"),
            location=location,
            day__gt=day - timedelta(days=USAGE_DAYS),
            day__lte=day,
        )
        .values("service")
        .annotate(total=Sum("issued"))
        .values("total")
    )
    with scopes_disabled():
        services = list(
            Service.objects.filter(agency=agency, is_active=True, locations=location)
            .annotate(
                waiting=Count(
                    "tickets",
                    filter=Q(
                        tickets__status=Ticket.Status.WAITING,
                        tickets__location=location,
                        tickets__day=day,
                    ),
                ),
                recently_issued=Coalesce(Subquery(recently_issued), 0),
            )
            .order_by("-recently_issued", "order", "name")
        )
    full_today = DailyIssueCount.full(
        location_id=location.pk, day=day, service_ids=[service.pk for service in services]
    )
    full = _("Kuota hari ini sudah habis.")
    return [
        Choice(
            item=service,
            closed_reason=reason or (full if service.pk in full_today else None),
            waiting=service.waiting,
        )
        for service in services
    ]


def kiosk_paper(location: Location) -> str:
    """The slip printers' paper width at this location ("80" or "58" mm), as staff set it."""
    setting = BoardSetting.objects.filter(location=location).only("kiosk_paper").first()
    return setting.kiosk_paper if setting else BoardSetting.SlipPaper.MM80
