"""The display board's state per location, cached by the location's last ticket event."""

import json
import time

from django.db.models import Count, Max
from django.utils import timezone
from django_scopes import scopes_disabled

from common import clock
from common.caching import shared_value
from counters.queue.announcement_audio import clip_urls
from counters.queue.caching import queue_version
from counters.queue.models import BoardSetting, Ticket, TicketEvent
from counters.queue.selectors.schedule import schedules_on
from counters.queue.speech import call_announcement, call_clips
from services.models import Location

RECENT_CALLS = 10
# Running text and opening changes have no ticket event; they show within this many seconds.
SETTLED_SECONDS = 30


def last_event_id(location: Location) -> int:
    """One index-only lookup: every board poll starts here."""
    with scopes_disabled():
        return TicketEvent.objects.filter(location=location).aggregate(last=Max("id"))["last"] or 0


def board_version(location: Location) -> str:
    """Changes whenever the location's queue changes (a cache read, no query), and at least
    every 30 seconds."""
    return f"{queue_version(location.pk)}-{int(time.time() // SETTLED_SECONDS)}"


def board_feed_body(location: Location, after: int) -> tuple[str, bytes]:
    """(version, JSON of the feed for a board that has seen calls up to `after`), encoded
    once per version and `after` and shared by every board and app node."""
    version = board_version(location)

    def encode() -> bytes:
        state = board_state(location, version)
        return json.dumps(
            {
                "last_event_id": state["last_event_id"],
                "new_calls": [call for call in reversed(state["calls"]) if call["id"] > after],
                "recent_calls": state["calls"],
                "counters": state["counters"],
                "waiting": state["waiting"],
                "running_text": state["running_text"],
            }
        ).encode()

    key = f"counters:board-feed:{location.pk}:{version}:{after}"
    return version, shared_value(key, encode, SETTLED_SECONDS * 2)


def _call(event: TicketEvent) -> dict:
    ticket = event.ticket
    spoken = {
        "prefix": ticket.prefix,
        "number": ticket.number,
        "counter_number": event.counter.number,
    }
    return {
        "id": event.id,
        "number": ticket.display_number,
        "counter": event.counter.number,
        "counter_name": event.counter.name,
        "agency": ticket.agency.short_name,
        "recall": event.action == TicketEvent.Action.RECALLED,
        "at": timezone.localtime(event.at).strftime("%H.%M"),
        "speech": call_announcement(**spoken),
        "clips": clip_urls(call_clips(**spoken)),
    }


def _build(location: Location, last_id: int) -> dict:
    now = clock.now()
    today = clock.local_day(now)
    with scopes_disabled():
        events = (
            TicketEvent.objects.filter(
                location=location,
                action__in=TicketEvent.CALLS,
                counter__isnull=False,
                # Today's calls only: yesterday's last numbers would mislead the hall.
                at__gte=timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0),
            )
            .select_related("ticket__agency", "counter")
            .order_by("-id")[:RECENT_CALLS]
        )
        current = (
            Ticket.objects.filter(location=location, day=today, status__in=Ticket.ACTIVE)
            .select_related("counter", "agency")
            .order_by("counter__number")
        )
        waiting = dict(
            Ticket.objects.filter(location=location, day=today, status=Ticket.Status.WAITING)
            .values_list("agency_id")
            .annotate(count=Count("id"))
        )
        present = schedules_on(location=location, moment=now)
        agencies = location.agencies.filter(is_active=True, pk__in=set(present) | set(waiting))
        setting = BoardSetting.objects.filter(location=location).first()
        return {
            "last_event_id": last_id,
            "calls": [_call(event) for event in events],
            "counters": [
                {
                    "counter": ticket.counter.number,
                    "counter_name": ticket.counter.name,
                    "number": ticket.display_number,
                    "agency": ticket.agency.short_name,
                    "status": ticket.status,
                }
                for ticket in current
                if ticket.counter
            ],
            "waiting": [
                {"agency": agency.short_name, "waiting": waiting.get(agency.pk, 0)}
                for agency in agencies
            ],
            "running_text": setting.running_text if setting else "",
        }


def board_state(location: Location, version: str) -> dict:
    """Many boards poll every second or two, so the state is built once per version (by one
    thread of each node at most) and shared through the cache by every app node."""
    key = f"counters:board:{location.pk}:{version}"
    return shared_value(key, lambda: _build(location, last_event_id(location)), SETTLED_SECONDS * 2)
