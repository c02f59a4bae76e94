"""Reference data that every kiosk press, board poll and ticket page reads: locations,
services, an agency's hours at a location, a service's pace. Each is read from the shared
cache, stored with the catalog version it was read under and fetched together with the
current version in one round trip: a catalog write (which replaces the version) shows on
every node within a second, anything else within REFERENCE_SECONDS. A process keeps what
it read for LOCAL_SECONDS, so that a burst of presses costs no round trip for it at all.
An 08:00 rush costs the database only the writes. (What must be exact under concurrency —
numbers, quotas, seats — is never read from here.)"""

import pickle
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.core.validators import slug_re
from django.db.models import Subquery
from django_scopes import scopes_disabled

from counters.queue.models import AgencySchedule, Counter, Ticket
from services.caching import (
    LOCAL_SECONDS,
    VERSION_KEY,
    catalog_version,
    known_catalog_version,
    remember_catalog_version,
)
from services.models import Location, Service

REFERENCE_SECONDS = 30
SLUG_MAX_LENGTH = Location._meta.get_field("slug").max_length
RECENT_SERVICE_TIMES = 20


def is_slug(value: str) -> bool:
    return len(value) <= SLUG_MAX_LENGTH and bool(slug_re.match(value))


# key -> (until, catalog version, pickled value): copies, so that no request can change
# what the next one reads.
_local: dict[str, tuple[float, str, bytes]] = {}
LOCAL_ENTRIES = 10_000


def forget_local() -> None:
    _local.clear()


def _local_values(keys, version: str | None) -> dict | None:
    if version is None:
        return None
    now = time.monotonic()
    values = {}
    for key in keys:
        entry = _local.get(key)
        if entry is None or entry[0] <= now or entry[1] != version:
            return None
        values[key] = pickle.loads(entry[2])  # noqa: S301 — our own data
    return values


def _keep_local(values: dict, version: str) -> None:
    if len(_local) > LOCAL_ENTRIES:
        _local.clear()
    until = time.monotonic() + LOCAL_SECONDS
    for key, value in values.items():
        if value is not None:
            _local[key] = (until, version, pickle.dumps(value))


def cached_references(loads: dict[str, Callable]) -> dict:
    """{key: value} for each key: from this process's copies when fresh, else read in one
    round trip and loaded (and cached) where missing or older than the catalog; a None
    value is not cached."""
    local = _local_values(loads, known_catalog_version())
    if local is not None:
        return local
    found = cache.get_many([VERSION_KEY, *loads])
    version = found.get(VERSION_KEY) or catalog_version()
    remember_catalog_version(version)
    values, fresh = {}, {}
    for key, load in loads.items():
        stored = found.get(key)
        if stored is not None and stored[0] == version:
            values[key] = stored[1]
            continue
        values[key] = load()
        if values[key] is not None:
            fresh[key] = (version, values[key])
    if fresh:
        cache.set_many(fresh, REFERENCE_SECONDS)
    _keep_local(values, version)
    return values


def cached_reference(key: str, load):
    return cached_references({key: load})[key]


def _location_load(slug: str) -> tuple[str, Callable] | None:
    if not is_slug(slug):
        return None  # not a slug: nothing to look up, and nothing to write to the cache
    return f"ref:location:{slug}", lambda: Location.objects.filter(slug=slug).first()


def _service_load(path: str) -> tuple[str, Callable] | None:
    agency_slug, _sep, slug = path.partition("/")
    if not (is_slug(agency_slug) and is_slug(slug)):
        return None

    def load():
        with scopes_disabled():
            return (
                Service.objects.select_related("agency")
                .filter(agency__slug=agency_slug, slug=slug, is_active=True, agency__is_active=True)
                .first()
            )

    return f"ref:service:{agency_slug}/{slug}", load


def location_by_slug(slug: str) -> Location | None:
    """Any location of that slug, active or not (the caller decides)."""
    found = _location_load(slug)
    return cached_reference(*found) if found else None


def public_location_list() -> list[Location]:
    """The mall's locations, as every page's footer lists them."""
    from services.selectors import public_locations  # services.selectors reads from here

    return cached_reference("ref:locations", lambda: list(public_locations()))


def service_by_path(path: str) -> Service | None:
    """ "dukcapil/ktp-el" -> the active service of an active agency, with its agency."""
    found = _service_load(path)
    return cached_reference(*found) if found else None


def location_and_service(
    location_slug: str, service_path: str
) -> tuple[Location | None, Service | None]:
    """Both at once, in one round trip (a kiosk press needs the two)."""
    location, service = _location_load(location_slug), _service_load(service_path)
    if location is None or service is None:
        return None, None
    values = cached_references(dict([location, service]))
    return values[location[0]], values[service[0]]


def service_by_id(pk: int) -> Service:
    """A service with its agency, by id (a ticket's: it exists)."""

    def load():
        with scopes_disabled():
            return Service.objects.select_related("agency").get(pk=pk)

    return cached_reference(f"ref:service-id:{pk}", load)


def counter_identity(pk: int) -> Counter | None:
    """A counter with its agency and location, for who may operate it and where: cached
    under the catalog version, which every counter edit in the admins replaces, so an
    edited number or location shows at once. Open, operator and pause change all day and
    are read from the database by whoever needs them."""

    def load():
        with scopes_disabled():
            return Counter.objects.select_related("agency", "location").filter(pk=pk).first()

    return cached_reference(f"ref:counter:{pk}", load)


@dataclass(frozen=True)
class Presence:
    """Whether a service is offered at a location, and its agency's hours there that day."""

    offered: bool
    schedule: AgencySchedule | None


def _presence_load(service: Service, location: Location, weekday: int):
    def load():
        with scopes_disabled():
            hours = AgencySchedule.objects.filter(
                agency_id=service.agency_id, location_id=location.pk, weekday=weekday
            ).order_by()
            row = (
                Service.locations.through.objects.filter(
                    service_id=service.pk, location_id=location.pk
                )
                .annotate(
                    opens_at=Subquery(hours.values("opens_at")[:1]),
                    closes_at=Subquery(hours.values("closes_at")[:1]),
                )
                .values("opens_at", "closes_at")
                .first()
            )
        if row is None:
            return Presence(offered=False, schedule=None)
        if row["opens_at"] is None:
            return Presence(offered=True, schedule=None)
        return Presence(
            offered=True,
            schedule=AgencySchedule(opens_at=row["opens_at"], closes_at=row["closes_at"]),
        )

    return f"ref:presence:{service.pk}:{location.pk}:{weekday}", load


def service_presence(*, service: Service, location: Location, weekday: int) -> Presence:
    return cached_reference(*_presence_load(service, location, weekday))


@dataclass(frozen=True)
class Pace:
    """How fast a service's line moves at a location: its open counters and the mean of
    its recent service times (None before any)."""

    open_counters: int
    average_minutes: float | None


def _pace_load(service_id: int, location_id: int):
    def load():
        with scopes_disabled():
            recent = list(
                Ticket.objects.filter(
                    service_id=service_id,
                    location_id=location_id,
                    status=Ticket.Status.DONE,
                    finished_at__isnull=False,
                    started_at__isnull=False,
                )
                .order_by("-finished_at")
                .values_list("started_at", "finished_at")[:RECENT_SERVICE_TIMES]
            )
            open_counters = Counter.objects.filter(
                location_id=location_id, services=service_id, is_open=True
            ).count()
        if not recent:
            return Pace(open_counters=open_counters, average_minutes=None)
        seconds = sum((end - start).total_seconds() for start, end in recent) / len(recent)
        return Pace(open_counters=open_counters, average_minutes=max(seconds / 60, 1.0))

    return f"ref:pace:{service_id}:{location_id}", load


def service_pace(*, service_id: int, location_id: int) -> Pace:
    return cached_reference(*_pace_load(service_id, location_id))


def presence_and_pace(
    *, service: Service, location: Location, weekday: int
) -> tuple[Presence, Pace]:
    """Both at once, in one round trip (a kiosk press needs the two)."""
    presence = _presence_load(service, location, weekday)
    pace = _pace_load(service.pk, location.pk)
    values = cached_references(dict([presence, pace]))
    return values[presence[0]], values[pace[0]]
