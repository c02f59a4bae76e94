"""Reference data that every kiosk press, board poll and ticket page reads: locations,
services, an agency's hours at a location, a service's pace. Each is read from the shared
cache, stored with the catalog version it was read under and fetched together with the
current version in one round trip: a catalog write (which replaces the version) shows at
once on every node, anything else within REFERENCE_SECONDS. An 08:00 rush costs the
database only the writes. (What must be exact under concurrency — numbers, quotas,
seats — is never read from here.)"""

from dataclasses import dataclass

from django.core.cache import cache
from django.core.validators import slug_re
from django.db.models import Subquery
from django_scopes import scopes_disabled

from counters.models import AgencySchedule, Counter, Ticket
from services.caching import VERSION_KEY, catalog_version
from services.models import Location, Service

REFERENCE_SECONDS = 30
SLUG_MAX_LENGTH = Location._meta.get_field("slug").max_length
RECENT_SERVICE_TIMES = 20


def is_slug(value: str) -> bool:
    return len(value) <= SLUG_MAX_LENGTH and bool(slug_re.match(value))


def cached_reference(key: str, load):
    """The cached value of `key`, loaded (and cached) when missing or older than the
    catalog; None is not cached."""
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY) or catalog_version()
    stored = found.get(key)
    if stored is not None and stored[0] == version:
        return stored[1]
    value = load()
    if value is not None:
        cache.set(key, (version, value), REFERENCE_SECONDS)
    return value


def location_by_slug(slug: str) -> Location | None:
    """Any location of that slug, active or not (the caller decides)."""
    if not is_slug(slug):
        return None  # not a slug: nothing to look up, and nothing to write to the cache
    return cached_reference(
        f"ref:location:{slug}", lambda: Location.objects.filter(slug=slug).first()
    )


def service_by_path(path: str) -> Service | None:
    """ "dukcapil/ktp-el" -> the active service of an active agency, with its agency."""
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

    return cached_reference(f"ref:service:{agency_slug}/{slug}", load)


def service_by_id(pk: int) -> Service:
    """A service with its agency, by id (a ticket's: it exists)."""

    def load():
        with scopes_disabled():
            return Service.objects.select_related("agency").get(pk=pk)

    return cached_reference(f"ref:service-id:{pk}", load)


def counter_identity(pk: int) -> Counter | None:
    """A counter with its agency and location, for what never changes in its life (which
    agency, which location, its number): open, operator and pause are read from the
    database by whoever needs them."""

    def load():
        with scopes_disabled():
            return Counter.objects.select_related("agency", "location").filter(pk=pk).first()

    return cached_reference(f"ref:counter:{pk}", load)


@dataclass(frozen=True)
class Presence:
    """Whether a service is offered at a location, and its agency's hours there that day."""

    offered: bool
    schedule: AgencySchedule | None


def service_presence(*, service: Service, location: Location, weekday: int) -> Presence:
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

    return cached_reference(f"ref:presence:{service.pk}:{location.pk}:{weekday}", load)


@dataclass(frozen=True)
class Pace:
    """How fast a service's line moves at a location: its open counters and the mean of
    its recent service times (None before any)."""

    open_counters: int
    average_minutes: float | None


def service_pace(*, service_id: int, location_id: int) -> Pace:
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

    return cached_reference(f"ref:pace:{service_id}:{location_id}", load)
