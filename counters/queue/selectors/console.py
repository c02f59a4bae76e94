"""What a counter's console shows: its current ticket, the waiting line and transfer targets."""

import re
from dataclasses import dataclass

from django_scopes import scopes_disabled

from common import clock
from counters.queue.models import Counter, CounterPause, Ticket
from services.models import Service

WAITING_SHOWN = 30
NUMBER = re.compile(r"^(?P<prefix>[A-Z]{1,3})\s*-?\s*(?P<number>\d{1,4})$")


@dataclass
class ConsoleState:
    counter: Counter
    current: Ticket | None
    waiting: list[Ticket]
    waiting_total: int
    pause: CounterPause | None
    served_today: int


def console_state(counter: Counter) -> ConsoleState:
    """Read inside the counter's agency scope (the console runs in it)."""
    today = clock.today()
    current = (
        Ticket.objects.filter(counter=counter, status__in=Ticket.ACTIVE)
        .select_related("service")
        .first()
    )
    services = list(counter.services.values_list("pk", flat=True))
    # In the order call-next takes them.
    shown = Ticket.call_sequence(
        location_id=counter.location_id, day=today, service_ids=services, length=WAITING_SHOWN
    )
    waiting = Ticket.objects.select_related("service").in_bulk(shown)
    return ConsoleState(
        counter=counter,
        current=current,
        waiting=[waiting[pk] for pk in shown if pk in waiting],
        waiting_total=Ticket.waiting_line(
            location_id=counter.location_id, day=today, service_ids=services
        ).count(),
        pause=CounterPause.objects.filter(counter=counter, ended_at__isnull=True).first(),
        served_today=Ticket.objects.filter(
            counter=counter, day=today, status=Ticket.Status.DONE
        ).count(),
    )


def transfer_targets(counter: Counter) -> list[Service]:
    """Active services of every agency at the counter's location (transfers cross agencies)."""
    with scopes_disabled():
        return list(
            Service.objects.filter(
                is_active=True, agency__is_active=True, locations=counter.location_id
            )
            .select_related("agency")
            .order_by("agency__order", "agency__name", "order", "name")
        )


def waiting_by_number(counter: Counter, text: str) -> Ticket | None:
    """Today's ticket at the counter's location shown as e.g. "A-005" (or "a5")."""
    match = NUMBER.match(text.strip().upper())
    if match is None:
        return None
    return Ticket.objects.filter(
        location_id=counter.location_id,
        day=clock.today(),
        prefix=match["prefix"],
        number=int(match["number"]),
        status=Ticket.Status.WAITING,
    ).first()
