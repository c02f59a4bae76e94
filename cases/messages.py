"""What a citizen who left a number is told about their case: every change of its state on
the timeline, queued in the change's transaction and sent by a worker, only on the channels
the number allowed for case messages (notifications)."""

from django.conf import settings
from django.utils import translation

from cases.models import Case, CaseEvent
from notifications.consent import consent_grant
from notifications.services import message_queue

CONSENT_SOURCE = "loket (berkas)"


def case_tell(case: Case, event: CaseEvent) -> None:
    """After `event` on `case` (inside its transaction), the citizen's message, once."""
    if not case.phone:
        return
    with translation.override(case.language):
        status, service = case.get_status_display(), case.service.localized_name
    message_queue(
        template="case_status",
        context={
            "service": service,
            "code": case.code,
            "status": str(status),
            "link": settings.PUBLIC_BASE_URL + case.get_absolute_url(),
        },
        idempotency_key=f"case:{case.pk}:{event.pk}",
        phone=case.phone,
        language=case.language,
        tenant=case.agency_id,
    )


def case_messages_consent(*, phone: str, channels) -> None:
    """The citizen's yes, given at the counter, to case messages on these channels."""
    for channel in channels:
        consent_grant(recipient=phone, channel=channel, purpose="case", source=CONSENT_SOURCE)
