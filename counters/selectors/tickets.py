"""Public reads of tickets: by code, place in line and estimated wait."""

import math
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Q
from django_scopes import scopes_disabled

from counters.models import Counter, Ticket

RECENT_SERVICE_TIMES = 20


def ticket_by_code(code: str) -> Ticket | None:
    """The live ticket of a code (a transferred visitor keeps the code of their number)."""
    with scopes_disabled():
        return (
            Ticket.objects.select_related("service", "agency", "location", "counter")
            .exclude(status=Ticket.Status.TRANSFERRED)
            .filter(code=code)
            .first()
        )


def ticket_location_id(code: str) -> int | None:
    """Where a code's ticket is: fixed for its life (a transfer keeps code and location),
    so it is looked up once and then read from the cache."""
    key = f"ticket-location:{code}"
    location_id = cache.get(key)
    if location_id is None:
        with scopes_disabled():
            location_id = (
                Ticket.objects.filter(code=code).values_list("location_id", flat=True).first()
            )
        if location_id is not None:
            cache.set(key, location_id, 24 * 3600)
    return location_id


@dataclass(frozen=True)
class Position:
    ahead: int
    estimated_wait_minutes: int | None
    open_counters: int


def average_service_minutes(ticket: Ticket) -> float:
    """Mean of the service's recent service times here, else the agency's own estimate."""
    with scopes_disabled():
        recent = list(
            Ticket.objects.filter(
                service_id=ticket.service_id,
                location_id=ticket.location_id,
                status=Ticket.Status.DONE,
                finished_at__isnull=False,
                started_at__isnull=False,
            )
            .order_by("-finished_at")
            .values_list("started_at", "finished_at")[:RECENT_SERVICE_TIMES]
        )
    if not recent:
        return float(ticket.service.average_minutes)
    seconds = sum((end - start).total_seconds() for start, end in recent) / len(recent)
    return max(seconds / 60, 1.0)


def ticket_position(ticket: Ticket) -> Position:
    """How many of the same service are ahead of a waiting ticket, and a wait estimate."""
    if ticket.status != Ticket.Status.WAITING:
        return Position(ahead=0, estimated_wait_minutes=None, open_counters=0)
    before = (
        Q(queue_class__lt=ticket.queue_class)
        | Q(queue_class=ticket.queue_class, queued_at__lt=ticket.queued_at)
        | Q(queue_class=ticket.queue_class, queued_at=ticket.queued_at, id__lt=ticket.pk)
    )
    with scopes_disabled():
        ahead = Ticket.objects.filter(
            before,
            status=Ticket.Status.WAITING,
            service_id=ticket.service_id,
            location_id=ticket.location_id,
            day=ticket.day,
        ).count()
        open_counters = Counter.objects.filter(
            location_id=ticket.location_id, services=ticket.service_id, is_open=True
        ).count()
    # Everyone ahead is served first, by the open counters of this service side by side.
    minutes = ahead * average_service_minutes(ticket) / max(open_counters, 1)
    return Position(
        ahead=ahead, estimated_wait_minutes=math.ceil(minutes), open_counters=open_counters
    )
