"""What a citizen who left a number is told about their case: every change of its state on
the timeline, queued in the change's transaction and sent by a worker, only on the channels
the number allowed for case messages (notifications)."""

from django.utils import translation

from cases.documents import case_tracking_url
from cases.models import Case, CaseEvent
from notifications.consent import PHONE_CHANNELS, allowed_channels, consent_grant, consent_withdraw
from notifications.services import message_queue

CONSENT_SOURCE = "loket (berkas)"
PORTAL_CONSENT_SOURCE = "halaman lacak berkas"


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
            "link": case_tracking_url(case),
        },
        idempotency_key=f"case:{case.pk}:{event.pk}",
        phone=case.phone,
        language=case.language,
        tenant=case.agency_id,
    )


def case_messages_consent(*, phone: str, channels, source: str = CONSENT_SOURCE) -> None:
    """The citizen's yes (at the counter, or where `source` says) to case messages on these
    channels."""
    for channel in channels:
        consent_grant(recipient=phone, channel=channel, purpose="case", source=source)


def case_messages_withdraw(*, phone: str, source: str) -> int:
    """The number's yes to case messages withdrawn on every phone channel."""
    return sum(
        consent_withdraw(recipient=phone, channel=channel, purpose="case", source=source)
        for channel in PHONE_CHANNELS
    )


def case_messages_allowed(case: Case) -> list[str]:
    """The phone channels on which this case's changes are sent."""
    if not case.phone:
        return []
    return [
        channel
        for channel, _number in allowed_channels(purpose="case", phone=case.phone)
        if channel in PHONE_CHANNELS
    ]
