"""Demo incidents of the last 90 days at Gedung Expo Sangatta, all of them over, so that the
dashboard's monthly summary and the agencies' reports show a history on a fresh clone
(what lasts now is the detector's to find). Reproducible (a fixed seed, dates relative to
today) and created once: a mall that has a closed incident already is left as it is."""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from common import clock
from oversight.models import (
    DEFAULT_IDLE_LIMIT_MINUTES,
    DEFAULT_WAIT_LIMIT_MINUTES,
    Incident,
)
from services.models import Agency, Location

SEED = 21
DAYS = 90
LOCATION = "expo-sangatta"
Kind = Incident.Kind
# (agency, how many): the busiest lines have the most.
AGENCIES = [("dukcapil", 9), ("samsat", 5), ("imigrasi", 4), ("dpmptsp", 3), ("polres", 2)]
KINDS = [Kind.LONG_WAIT, Kind.LONG_WAIT, Kind.UNATTENDED, Kind.IDLE_COUNTERS, Kind.LATE_CASES]


def _details(kind: str, rng: random.Random) -> tuple[dict, timedelta]:
    """The figures an incident of `kind` ended with, and how long it lasted."""
    waiting = rng.randint(12, 90)
    if kind == Kind.UNATTENDED:
        longest = rng.randint(6, 40)
        return {"waiting": waiting, "longest": longest}, timedelta(minutes=rng.randint(8, 45))
    if kind == Kind.LONG_WAIT:
        longest = DEFAULT_WAIT_LIMIT_MINUTES + rng.randint(0, 50)
        figures = {
            "waiting": waiting,
            "longest": longest,
            "median": longest // 2,
            "limit": DEFAULT_WAIT_LIMIT_MINUTES,
            "open": rng.randint(1, 3),
        }
        return figures, timedelta(minutes=rng.randint(15, 120))
    if kind == Kind.IDLE_COUNTERS:
        figures = {
            "counters": str(rng.randint(1, 3)),
            "waiting": waiting,
            "limit": DEFAULT_IDLE_LIMIT_MINUTES,
        }
        return figures, timedelta(minutes=rng.randint(5, 40))
    return {"count": rng.randint(1, 4)}, timedelta(days=rng.randint(1, 6))


def _incident(agency: Agency, location: Location, rng: random.Random) -> Incident:
    kind = rng.choice(KINDS)
    day = clock.today() - timedelta(days=rng.randint(2, DAYS))
    while day.weekday() >= 5:  # the hall serves on working days
        day -= timedelta(days=1)
    opened = timezone.make_aware(
        datetime.combine(day, time(rng.randint(8, 13), rng.randint(0, 59)))
    )
    details, lasted = _details(kind, rng)
    return Incident(
        agency=agency,
        location=None if kind == Kind.LATE_CASES else location,
        kind=kind,
        opened_at=opened,
        closed_at=opened + lasted,
        details=details,
        notified_at=opened,
    )


def seed(*, always_open: bool = False) -> dict:
    location = Location.objects.filter(slug=LOCATION).first()
    if location is None or Incident.objects.filter(closed_at__isnull=False).exists():
        return {"incidents": 0}
    agencies = {agency.slug: agency for agency in Agency.objects.filter(is_active=True)}
    rng = random.Random(SEED)  # noqa: S311 — demo data, reproducible
    incidents = [
        _incident(agencies[slug], location, rng)
        for slug, count in AGENCIES
        if slug in agencies
        for _ in range(count)
    ]
    Incident.objects.bulk_create(incidents)
    return {"incidents": len(incidents)}
