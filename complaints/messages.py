"""What a complainant who left a contact is told: each new stage and each public reply,
queued in the step's transaction and sent by a worker, on the channels they allowed for
complaint messages. The message says only that there is news; the news itself is read on
the tracking page with the complaint's secret."""

from django.conf import settings
from django.utils import translation

from complaints.models import Complaint, ComplaintEvent
from notifications.consent import consent_grant
from notifications.services import message_queue

CONSENT_SOURCE = "formulir pengaduan"
TOLD = (ComplaintEvent.Action.STAGE, ComplaintEvent.Action.REPLY)


def complaint_tell(complaint: Complaint, event: ComplaintEvent) -> None:
    """After `event` (inside its transaction): the complainant's message, once."""
    if event.action not in TOLD or not (complaint.phone or complaint.email):
        return
    with translation.override(complaint.language):
        stage = str(complaint.get_stage_display())
    message_queue(
        template="complaint_update",
        context={
            "code": complaint.code,
            "stage": stage,
            "link": settings.PUBLIC_BASE_URL + complaint.get_absolute_url(),
        },
        idempotency_key=f"complaint:{complaint.pk}:{event.pk}",
        phone=complaint.phone,
        email=complaint.email,
        language=complaint.language,
        tenant=complaint.agency_id,
    )


def complaint_messages_consent(*, phone: str = "", email: str = "", channels=()) -> None:
    """The complainant's yes, on the form, to complaint messages on these channels."""
    addresses = {"whatsapp": phone, "sms": phone, "email": email}
    for channel in channels:
        if addresses.get(channel):
            consent_grant(
                recipient=addresses[channel],
                channel=channel,
                purpose="complaint",
                source=CONSENT_SOURCE,
            )
