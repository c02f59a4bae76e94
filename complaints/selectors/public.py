"""Reads of complaints that the public pages and the API share: the intake form's choices
and prefill, a complaint by its number, and what its complainant may read of it."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from complaints.models import Complaint, ComplaintCategory, ComplaintEvent
from services.models import Agency, Location, Service
from services.selectors import active_agency, public_agencies, public_services

Stage = Complaint.Stage
Action = ComplaintEvent.Action
# A queue ticket's or a case's code as it comes in a link from its page (not personal data).
ORIGIN_CODE = re.compile(r"[A-Za-z0-9_-]{4,24}")
# The citizen's timeline in SP4N-LAPOR!'s order; an archived complaint ends there instead.
PROGRESS = (Stage.RECEIVED, Stage.VERIFIED, Stage.FORWARDED, Stage.IN_PROGRESS, Stage.RESOLVED)
EVENT_TITLES = {
    Action.RECEIVED: gettext_lazy("Pengaduan diterima"),
    Action.REPLY: gettext_lazy("Tanggapan"),
    Action.CITIZEN: gettext_lazy("Tambahan informasi dari pelapor"),
    Action.RATED: gettext_lazy("Penilaian pelapor"),
}


def intake_categories() -> QuerySet[ComplaintCategory]:
    return ComplaintCategory.objects.all()


def intake_agencies() -> QuerySet[Agency]:
    return public_agencies().order_by("order", "name")


def intake_services() -> QuerySet[Service]:
    return public_services().order_by("agency__order", "agency__name", "order", "name")


def intake_locations() -> QuerySet[Location]:
    return Location.objects.all()


@dataclass(frozen=True)
class Prefill:
    """What a link to the form says the complaint is about, and where the citizen came from
    (stored as the complaint's origin)."""

    agency: Agency | None = None
    service: Service | None = None
    location: Location | None = None
    origin: str = ""


def intake_prefill(params: Mapping[str, str]) -> Prefill:
    """From ?layanan=<agency>/<service>, ?instansi=, ?lokasi=, ?tiket= or ?berkas=; what
    is unknown is left out, never refused."""
    reference = params.get("layanan", "")
    agency_slug, _slash, service_slug = reference.partition("/")
    service = (
        public_services().filter(agency__slug=agency_slug, slug=service_slug).first()
        if agency_slug and service_slug
        else None
    )
    agency = service.agency if service else None
    if agency is None and params.get("instansi"):
        agency = active_agency(params["instansi"])
    location_slug = params.get("lokasi", "")
    location = Location.objects.filter(slug=location_slug).first() if location_slug else None
    origins = [
        *(
            f"{key}:{params[key]}"
            for key in ("tiket", "berkas")
            if ORIGIN_CODE.fullmatch(params.get(key, ""))
        ),
        *([f"layanan:{service.reference}"] if service else []),
        *([f"instansi:{agency.slug}"] if agency else []),
        *([f"lokasi:{location.slug}"] if location else []),
    ]
    return Prefill(
        agency=agency, service=service, location=location, origin=origins[0] if origins else ""
    )


def complaint_by_code(code: str) -> Complaint | None:
    # A citizen's read by number: no agency's scope applies (the secret is checked after).
    with scopes_disabled():
        return (
            Complaint.objects.select_related(
                "category", "about_agency", "agency", "service", "location"
            )
            .filter(code=code.strip().upper())
            .first()
        )


@dataclass(frozen=True)
class PublicEvent:
    """A step of the timeline as the complainant reads it: never who among the staff wrote
    it, never an internal note or an escalation."""

    at: datetime
    kind: str
    title: str
    stage: str
    text: str
    by: str


@dataclass(frozen=True)
class ProgressStep:
    stage: str
    label: str
    reached_at: datetime | None
    current: bool


def _by(event: ComplaintEvent) -> str:
    if event.action in (Action.CITIZEN, Action.RATED):
        return _("Pelapor")
    if event.action == Action.RECEIVED:
        return _("Portal MPP")
    return event.agency.short_name if event.agency else _("Petugas pengaduan MPP")


def complaint_public_events(complaint: Complaint) -> list[PublicEvent]:
    events = complaint.events.filter(action__in=ComplaintEvent.PUBLIC).select_related("agency")
    return [
        PublicEvent(
            at=event.at,
            kind=event.action,
            title=str(EVENT_TITLES.get(event.action) or Stage(event.to_stage).label),
            stage=event.to_stage,
            text=event.text,
            by=_by(event),
        )
        for event in events
    ]


def complaint_progress(complaint: Complaint, events: list[PublicEvent]) -> list[ProgressStep]:
    """Each stage of the way with when it was (last) reached; a stage the complaint did not
    need (forwarding, when the officers acted themselves) has no date."""
    reached = {
        event.stage: event.at for event in events if event.kind in (Action.RECEIVED, Action.STAGE)
    }
    stages = PROGRESS + ((Stage.ARCHIVED,) if complaint.stage == Stage.ARCHIVED else ())
    return [
        ProgressStep(
            stage=stage,
            label=str(Stage(stage).label),
            reached_at=reached.get(stage),
            current=stage == complaint.stage,
        )
        for stage in stages
    ]


def complaint_answer(complaint: Complaint, events: list[PublicEvent]) -> PublicEvent | None:
    """The answer of a resolved complaint: the step that resolved it last."""
    if complaint.stage != Stage.RESOLVED:
        return None
    return next(
        (e for e in reversed(events) if e.kind == Action.STAGE and e.stage == Stage.RESOLVED),
        None,
    )
