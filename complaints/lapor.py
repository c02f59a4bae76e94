"""A complaint written out for the officers to paste into SP4N-LAPOR!'s form at
lapor.go.id, field by field (no integration: LAPOR! offers the mall none)."""

from django.template.loader import render_to_string
from django.utils import translation

from complaints.models import Complaint


def lapor_text(complaint: Complaint, *, with_identity: bool) -> str:
    """The form's fields in its order, in Indonesian as LAPOR! is; the complainant only
    when `with_identity` (a confidential one, for an officer who revealed it)."""
    place = ", ".join(
        part
        for part in (
            complaint.location.name if complaint.location else "",
            complaint.place,
            complaint.service.name if complaint.service else "",
        )
        if part
    )
    target = complaint.agency or complaint.about_agency
    with translation.override("id"):  # dates and names as the Indonesian form reads them
        return render_to_string(
            "complaints/staff/lapor.txt",
            {
                "complaint": complaint,
                "place": place,
                "target": target.name if target else "",
                "with_identity": with_identity
                and complaint.identity == Complaint.Identity.CONFIDENTIAL,
            },
        )
