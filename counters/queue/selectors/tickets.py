"""Public reads of tickets: by code, place in line and estimated wait."""

import math
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext, ngettext
from django_scopes import scopes_disabled

from common.caching import shared_value
from common.statements import Param, Statement
from counters.queue.caching import calls_version, line_of_code_cached
from counters.queue.models import DAY, LOCATION_ID, SERVICE_ID, Interleave, Ticket
from counters.queue.selectors.reference import Pace, service_pace

CODE_MAX_LENGTH = Ticket._meta.get_field("code").max_length
# A line's version changes with every call in it; an older one is never read again.
INTERLEAVE_SECONDS = 600


def ticket_by_code(code: str) -> Ticket | None:
    """The live ticket of a code (a transferred visitor keeps the code of their number)."""
    with scopes_disabled():
        return (
            Ticket.objects.select_related("service", "agency", "location", "counter")
            .exclude(status=Ticket.Status.TRANSFERRED)
            .filter(code=code)
            .first()
        )


def ticket_line(code: str) -> tuple[int, int] | None:
    """(location id, service id) of a code's live ticket: the line its page shows."""
    if len(code) > CODE_MAX_LENGTH:
        return None

    def load():
        with scopes_disabled():
            return (
                Ticket.objects.filter(code=code)
                .exclude(status=Ticket.Status.TRANSFERRED)
                .values_list("location_id", "service_id")
                .first()
            )

    return line_of_code_cached(code, load)


@dataclass(frozen=True)
class Position:
    ahead: int
    estimated_wait_minutes: int | None
    open_counters: int

    @property
    def estimated_wait_text(self) -> str:
        """The one wording of a wait estimate, on the printed slip and the phone alike."""
        minutes = self.estimated_wait_minutes
        if not minutes:
            return gettext("sebentar lagi")
        return ngettext("± %(minutes)s menit", "± %(minutes)s menit", minutes) % {
            "minutes": minutes
        }


def line_interleave(ticket: Ticket) -> Interleave:
    """The Interleave of a ticket's line: read once per version of the line's calls (every
    ticket of a line shows its place, and only a call in the line or a change of the
    agency's setting changes it, never a ticket issued), and shared through the cache."""
    version = calls_version(ticket.location_id, ticket.service_id)
    key = f"queue:interleave:{ticket.location_id}:{ticket.service_id}:{ticket.day}:{version}"
    return shared_value(
        key,
        lambda: Ticket.interleaves(
            location_id=ticket.location_id, day=ticket.day, service_ids=[ticket.service_id]
        )[ticket.service_id],
        INTERLEAVE_SECONDS,
    )


def tickets_ahead(ticket: Ticket) -> int:
    """How many waiting tickets of its line (its service here today) are called before this
    one: those of its kind that CALL_ORDER puts first, and as many of the other kind as the
    line's Interleave puts before them. Counted in one statement, never listed."""
    place = {name: getattr(ticket, name) for name in Ticket.CALL_ORDER}
    counts = _AHEAD.rows(
        ticket.is_priority,
        location_id=ticket.location_id,
        day=ticket.day,
        service_id=ticket.service_id,
        **place,
    )
    rank, others = counts[0] if counts else (0, 0)
    return line_interleave(ticket).ahead(priority=ticket.is_priority, rank=rank, others=others)


def _ahead(priority: bool):
    """tickets_ahead's statement for a ticket of one kind: the tickets of its line of its
    kind before it, and those of the other kind (one row, none when the line is empty)."""
    line = Ticket.waiting_line(location_id=LOCATION_ID, day=DAY, service=SERVICE_ID)
    place = {name: Param(name, Ticket._meta.get_field(name)) for name in Ticket.CALL_ORDER}
    return (
        line.order_by()
        .values("location")
        .annotate(
            rank=Count("pk", filter=Ticket.before(priority=priority, place=place)),
            others=Count("pk", filter=Ticket.of_kind(priority=not priority)),
        )
        .values_list("rank", "others")
    )


_AHEAD = Statement(_ahead)


def ticket_position(ticket: Ticket) -> Position:
    """How many of the same service are ahead of a waiting ticket, and a wait estimate."""
    if ticket.status != Ticket.Status.WAITING:
        return Position(ahead=0, estimated_wait_minutes=None, open_counters=0)
    pace = service_pace(service_id=ticket.service_id, location_id=ticket.location_id)
    return position_of(ticket, ahead=tickets_ahead(ticket), pace=pace)


def position_of(ticket: Ticket, *, ahead: int, pace: Pace) -> Position:
    """The estimate for `ahead` visitors before a ticket, at the service's pace."""
    # Recent service times here, else the agency's own estimate per visitor.
    per_visitor = pace.average_minutes or float(ticket.service.average_minutes)
    # Everyone ahead is served first, by the open counters of this service side by side.
    minutes = ahead * per_visitor / max(pace.open_counters, 1)
    return Position(
        ahead=ahead, estimated_wait_minutes=math.ceil(minutes), open_counters=pace.open_counters
    )
