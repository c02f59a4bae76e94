"""The detector: an incident opens when its condition starts, stays open (with its latest
figures) while the condition lasts and closes when it ends; the agency's head is told of
each new incident once."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django_scopes import scopes_disabled

from common import clock
from common.side_effects import defer_on_commit
from oversight.messages import incidents_tell
from oversight.models import Incident
from oversight.selectors import current_conditions


@dataclass(frozen=True)
class Detection:
    opened: int
    kept: int
    closed: int
    told: int


def _claim_untold(now: datetime) -> list[int]:
    """Mark the open incidents nobody was told of yet, and return them. A second detector
    at the same moment skips the rows this one holds, and a marked row no longer matches
    (PostgreSQL checks the condition again on the row it locks): each is told once."""
    untold = list(
        Incident.objects.filter(closed_at__isnull=True, notified_at__isnull=True)
        .select_for_update(skip_locked=True)
        .order_by("id")
        .values_list("id", flat=True)
    )
    Incident.objects.filter(pk__in=untold).update(notified_at=now)
    return untold


def incidents_detect(*, now: datetime | None = None) -> Detection:
    """Compare the conditions of `now` with the open incidents (a fixed number of queries,
    whatever the number of agencies, lines or incidents)."""
    now = now or clock.now()
    with transaction.atomic(), scopes_disabled():  # a mall-wide duty
        conditions = current_conditions(moment=now)
        changed, ended, kept = [], [], 0
        for incident in Incident.objects.filter(closed_at__isnull=True):
            key = (incident.agency_id, incident.location_id, incident.kind)
            details = conditions.pop(key, None)
            if details is None:
                ended.append(incident.pk)
                continue
            kept += 1
            if details != incident.details:
                incident.details = details
                changed.append(incident)
        Incident.objects.filter(pk__in=ended, closed_at__isnull=True).update(closed_at=now)
        Incident.objects.bulk_update(changed, ["details"])
        # A detector running at the same instant may open the same incident: the partial
        # unique constraint (ONE_OPEN_INCIDENT) makes its row the only one, ours is dropped.
        Incident.objects.bulk_create(
            [
                Incident(
                    agency_id=agency_id,
                    location_id=location_id,
                    kind=kind,
                    opened_at=now,
                    details=details,
                )
                for (agency_id, location_id, kind), details in conditions.items()
            ],
            ignore_conflicts=True,
        )
        told = _claim_untold(now)
        if told:
            defer_on_commit(incidents_tell, incident_ids=told)
    return Detection(opened=len(conditions), kept=kept, closed=len(ended), told=len(told))
