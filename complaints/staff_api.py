"""The staff API of complaints: the officers' and the agencies' inbox as JSON. Its GET
/complaints shares the path of the public POST, and a path belongs to one router: the
operations are added to the complaints router of complaints.api."""

from datetime import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination, paginate
from pydantic import ConfigDict

from complaints.api import router
from complaints.models import Complaint
from complaints.selectors.staff import InboxFilter, staff_complaints
from complaints.staff_views import masked_identity
from services.api_auth import token_or_session
from services.api_errors import refusals
from services.permissions import is_complaint_officer, is_staff_member

StageName = Literal["received", "verified", "forwarded", "in_progress", "resolved", "archived"]


class IdentityOut(Schema):
    """Officers only, and masked as in every list: the full identity is read, recorded, on
    the complaint's page."""

    kind: Literal["anonymous", "confidential"]
    name: str
    phone: str
    email: str


class ComplaintOut(Schema):
    code: str
    subject: str
    category: str
    stage: StageName
    stage_due_at: datetime | None
    late: bool = Field(description="The current stage passed its deadline.")
    escalated: bool
    resolution_due_at: datetime
    received_at: datetime
    about_agency: str | None = Field(description="The agency the citizen named (slug).")
    agency: str | None = Field(description="The agency that owns it once forwarded (slug).")
    assignee: str | None
    lapor_number: str
    identity: IdentityOut | None = Field(
        description="The complainant, masked: for the mall's complaint officers only; "
        "always null for an agency's staff."
    )

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "code": "7KQ2M9XH4B",
                    "subject": "Antrian KTP-el tidak dipanggil",
                    "category": "pelayanan-lambat",
                    "stage": "forwarded",
                    "stage_due_at": "2026-12-10T16:00:00+08:00",
                    "late": False,
                    "escalated": False,
                    "resolution_due_at": "2026-12-23T16:00:00+08:00",
                    "received_at": "2026-12-03T10:00:00+08:00",
                    "about_agency": "dukcapil",
                    "agency": "dukcapil",
                    "assignee": "dukcapil-loket",
                    "lapor_number": "",
                    "identity": None,
                }
            ]
        }
    )

    @staticmethod
    def resolve_category(complaint: Complaint) -> str:
        return complaint.category.slug

    @staticmethod
    def resolve_late(complaint: Complaint) -> bool:
        return complaint.is_stage_late

    @staticmethod
    def resolve_escalated(complaint: Complaint) -> bool:
        return complaint.stage_escalated_at is not None

    @staticmethod
    def resolve_about_agency(complaint: Complaint) -> str | None:
        return complaint.about_agency.slug if complaint.about_agency else None

    @staticmethod
    def resolve_agency(complaint: Complaint) -> str | None:
        return complaint.agency.slug if complaint.agency else None

    @staticmethod
    def resolve_assignee(complaint: Complaint) -> str | None:
        return complaint.assignee.get_username() if complaint.assignee else None

    @staticmethod
    def resolve_identity(complaint: Complaint, context) -> dict | None:
        if not is_complaint_officer(context["request"].user):
            return None
        return {"kind": complaint.identity, **masked_identity(complaint)}


class ComplaintPagination(PageNumberPagination):
    class Input(Schema):
        # Bounded so that page x size always fits the database's OFFSET.
        page: int = Field(1, ge=1, le=10_000)
        page_size: int | None = Field(None, ge=1, le=100)


@router.get(
    "/complaints", response={200: list[ComplaintOut], **refusals(403)}, auth=token_or_session
)
@paginate(ComplaintPagination, page_size=25)
def complaint_list(request, stage: StageName | None = None, late: bool = False):
    """Complaints, newest first: every one for the mall's complaint officers (with the
    complainant masked), the ones forwarded to their agencies for an agency's staff
    (never pungli or misconduct reports, never the complainant). `late=true`: only those
    whose current stage passed its deadline."""
    if not (is_complaint_officer(request.user) or is_staff_member(request.user)):
        raise PermissionDenied(_("Hanya petugas pengaduan MPP atau staf instansi."))
    return staff_complaints(request.user, InboxFilter(stage=stage or "", late=late))
