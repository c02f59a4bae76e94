"""Reads of complaints that the staff pages and the staff API share: the officers' and an
agency's inboxes with their filters, a complaint's history and photos as each of them may
read them, the public figures and the published answers."""

from dataclasses import dataclass, replace
from datetime import date, datetime

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.db.models.functions import TruncMonth
from django_scopes import scopes_disabled

from common import clock
from common.aggregates import Percentile, Seconds
from complaints.models import Complaint, ComplaintCategory, ComplaintEvent, ComplaintPhoto
from services.models import Agency, Membership
from services.permissions import (
    agency_staff_users,
    complaint_officer_users,
    is_complaint_officer,
    operated_agency_ids,
)

Action = ComplaintEvent.Action
SECONDS_A_DAY = 86400


@dataclass(frozen=True)
class InboxFilter:
    """What an inbox is narrowed to; every field empty shows every complaint."""

    stage: str = ""
    late: bool = False
    category: ComplaintCategory | None = None
    # Named by the citizen or owning the complaint (officers only).
    agency: Agency | None = None
    assignee: object = None
    number: str = ""


# What an agency may read of the complaints forwarded to it: never one about pungli or
# misconduct, which stays with the mall's officers.
AGENCY_MAY_READ = Q(category__officers_only=False)


def late_filter(now: datetime | None = None) -> Q:
    """The current stage passed its deadline (Complaint.is_stage_late, as a query)."""
    return Q(stage_due_at__isnull=False, stage_due_at__lt=now or clock.now())


def _filtered(rows: QuerySet, narrow: InboxFilter) -> QuerySet:
    if narrow.stage:
        rows = rows.filter(stage=narrow.stage)
    if narrow.late:
        rows = rows.filter(late_filter())
    if narrow.category is not None:
        rows = rows.filter(category=narrow.category)
    if narrow.agency is not None:
        rows = rows.filter(Q(about_agency=narrow.agency) | Q(agency=narrow.agency))
    if narrow.assignee is not None:
        rows = rows.filter(assignee=narrow.assignee)
    number = narrow.number.strip()
    if number:
        rows = rows.filter(Q(code__startswith=number.upper()) | Q(lapor_number=number))
    return rows.select_related("category", "about_agency", "agency", "assignee").order_by(
        "-received_at", "-id"
    )


def officer_complaints(narrow: InboxFilter = InboxFilter()) -> QuerySet:
    """Every complaint, whatever agency it names or belongs to: the mall's officers."""
    with scopes_disabled():  # the officers' inbox is mall-wide
        return _filtered(Complaint.objects.all(), narrow)


def agency_complaints(*, agency: Agency, narrow: InboxFilter = InboxFilter()) -> QuerySet:
    """The complaints the officers forwarded to `agency`, never one about pungli or
    misconduct; called inside the agency's scope (services.tenancy)."""
    rows = Complaint.objects.filter(AGENCY_MAY_READ, agency=agency)
    return _filtered(rows, replace(narrow, agency=None))


def late_complaint_counts(*, now: datetime) -> dict[int, int]:
    """{agency id: how many complaints of its inbox (agency_complaints) are late}."""
    with scopes_disabled():  # every agency's count at once
        rows = (
            Complaint.objects.filter(AGENCY_MAY_READ, late_filter(now), agency__isnull=False)
            .order_by()
            .values("agency_id")
            .annotate(n=Count("id"))
        )
        return {row["agency_id"]: row["n"] for row in rows}


def staff_complaints(user, narrow: InboxFilter = InboxFilter()) -> QuerySet:
    """The API's list: every complaint for an officer, the forwarded ones of the user's
    agencies for their staff."""
    if is_complaint_officer(user):
        return officer_complaints(narrow)
    with scopes_disabled():  # limited to the user's own agencies right here
        rows = Complaint.objects.filter(AGENCY_MAY_READ, agency_id__in=operated_agency_ids(user))
        return _filtered(rows, replace(narrow, agency=None))


def officer_complaint(code: str) -> Complaint | None:
    with scopes_disabled():  # the officers' detail is mall-wide
        return officer_complaints().filter(code=code).first()


def agency_complaint(*, agency: Agency, code: str) -> Complaint | None:
    return agency_complaints(agency=agency).filter(code=code).first()


def complaint_history(complaint: Complaint, *, agency: Agency | None = None) -> list:
    """Every step for the officers; for `agency`'s staff, what the citizen reads and the
    internal steps made while the complaint was theirs."""
    events = complaint.events.select_related("actor")
    if agency is not None:
        events = events.filter(
            Q(action__in=ComplaintEvent.PUBLIC)
            | Q(action__in=ComplaintEvent.AGENCY_INTERNAL, agency=agency)
        )
    return list(events)


def complaint_photos(complaint: Complaint) -> list[ComplaintPhoto]:
    """The citizen's photos, in the order attached: whoever reads the complaint (through
    officer_complaint or agency_complaint) sees them all."""
    return list(complaint.photos.all())


def complaint_photo(*, complaint: Complaint, photo_id: int) -> ComplaintPhoto | None:
    """One photo of `complaint`; another complaint's photo id finds nothing."""
    return complaint.photos.filter(pk=photo_id).first()


def complaint_assignees(complaint: Complaint) -> QuerySet:
    """Whom complaint_assign accepts: the officers while the complaint is with them, its
    agency's staff once forwarded."""
    if complaint.agency_id is None:
        return complaint_officer_users()
    return agency_staff_users(complaint.agency)


def escalation_recipients(complaint: Complaint) -> tuple[list[str], list[str]]:
    """(the officers' e-mail addresses, the owning agency's: its own and its admins')."""
    officers = sorted(
        set(complaint_officer_users().exclude(email="").values_list("email", flat=True))
    )
    agency = []
    if complaint.agency_id is not None:
        admins = agency_staff_users(complaint.agency, role=Membership.Role.ADMIN)
        agency = sorted(
            {complaint.agency.email, *admins.exclude(email="").values_list("email", flat=True)}
            - {""}
        )
    return officers, agency


def complaint_figures(*, start: date, end: date) -> list[dict]:
    """Per agency named (about_agency) and month of receipt (WITA), over complaints received
    from `start` to `end`: received, resolved within the resolution deadline, the median
    days from receipt to the answer of those resolved, and the share satisfied among those
    who rated their answer (None without ratings). Archived ones are not complaints the
    mall could act on and are left out."""
    resolved = Q(stage=Complaint.Stage.RESOLVED)
    with scopes_disabled():  # public figures of every agency
        rows = (
            Complaint.objects.filter(received_at__date__gte=start, received_at__date__lte=end)
            .exclude(stage=Complaint.Stage.ARCHIVED)
            .annotate(month=TruncMonth("received_at"))
            .values("month", "about_agency", "about_agency__name", "about_agency__order")
            .annotate(
                received=Count("id"),
                on_time=Count("id", filter=resolved & Q(resolved_at__lte=F("resolution_due_at"))),
                resolve_days=Percentile(
                    Seconds(F("resolved_at"), F("received_at")) / SECONDS_A_DAY,
                    fraction=0.5,
                    filter=resolved,
                ),
                rated=Count("id", filter=resolved & Q(satisfied__isnull=False)),
                satisfied_count=Count("id", filter=resolved & Q(satisfied=True)),
            )
            .order_by("-month", "about_agency__order", "about_agency__name")
        )
        return [
            {
                "month": row["month"].date(),
                "agency": row["about_agency__name"],
                "agency_id": row["about_agency"],
                "received": row["received"],
                "on_time": row["on_time"],
                "median_days": None
                if row["resolve_days"] is None
                else round(row["resolve_days"], 1),
                "satisfied_share": None
                if not row["rated"]
                else round(100 * row["satisfied_count"] / row["rated"]),
            }
            for row in rows
        ]


def published_answers() -> list[Complaint]:
    """Resolved complaints the officers published as tanya-jawab, with their public
    replies and answers (never an internal note, never the complainant)."""
    public_steps = ComplaintEvent.objects.filter(
        Q(action=Action.REPLY) | Q(action=Action.STAGE, to_stage=Complaint.Stage.RESOLVED)
    ).exclude(text="")
    with scopes_disabled():  # published answers of every agency
        return list(
            Complaint.objects.filter(publish_as_faq=True, stage=Complaint.Stage.RESOLVED)
            .select_related("category", "about_agency")
            .prefetch_related(Prefetch("events", queryset=public_steps, to_attr="answers"))
            .only(
                "code",
                "subject",
                "resolved_at",
                "category__name",
                "about_agency__name",
                "about_agency__short_name",
            )
            .order_by("-resolved_at")
        )
