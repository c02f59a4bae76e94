"""Writes of the outbox: queuing a message, a provider's delivery report, erasure."""

from datetime import date, datetime

from django.db import IntegrityError, transaction

from notifications.catalog import TEMPLATES
from notifications.consent import allowed_channels
from notifications.delivery import deliver_later, message_fail
from notifications.models import Message

# A report never moves a message back: they can arrive out of order.
PROGRESS = {
    Message.State.QUEUED: 0,
    Message.State.SENT: 1,
    Message.State.DELIVERED: 2,
    Message.State.READ: 3,
}
REPORTED_AT = {
    Message.State.SENT: "sent_at",
    Message.State.DELIVERED: "delivered_at",
    Message.State.READ: "read_at",
}


def message_queue(
    *,
    template: str,
    context: dict,
    idempotency_key: str,
    phone: str = "",
    email: str = "",
    language: str = "id",
    tenant: int | None = None,
) -> Message | None:
    """Queue `template` for the citizen on the first channel they allowed for its purpose,
    the others kept as fallbacks, and have a worker send it after the commit. None when
    they allowed none. The same key queued again returns the first message, sent once."""
    purpose = TEMPLATES[template].purpose
    # Most citizens allow nothing: that is one query, and the end of it.
    channels = allowed_channels(purpose=purpose, phone=phone, email=email)
    if not channels:
        return None
    existing = Message.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing
    (channel, recipient), *fallbacks = channels
    try:
        with transaction.atomic():
            message = Message.objects.create(
                idempotency_key=idempotency_key,
                tenant=tenant,
                recipient=recipient,
                channel=channel,
                purpose=purpose,
                template=template,
                language=language,
                context=context,
                fallbacks=[list(pair) for pair in fallbacks],
            )
            deliver_later(message)
    except IntegrityError:
        # Queued by someone else at the same moment: that one is sent.
        existing = Message.objects.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return existing
    return message


def message_report(
    *, provider_id: str, reference: str, state: str, at: datetime, error: str = ""
) -> Message | None:
    """Apply a provider's delivery report (sent, delivered, read, failed) to its message,
    found by the provider's id or by our key echoed back (`reference`)."""
    with transaction.atomic():
        found = Message.objects.select_for_update()
        message = found.filter(provider_id=provider_id).first() if provider_id else None
        if message is None and reference:
            message = found.filter(idempotency_key=reference).first()
        if message is None or message.state == Message.State.FAILED:
            return message
        if state == Message.State.FAILED:
            if PROGRESS[message.state] < PROGRESS[Message.State.DELIVERED]:
                message.provider_id = message.provider_id or provider_id
                message_fail(message, error=error or "reported failed", now=at)
            return message
        if PROGRESS[state] > PROGRESS[message.state]:
            message.state = state
            setattr(message, REPORTED_AT[state], at)
            message.provider_id = message.provider_id or provider_id
            # The report settles an attempt whose worker died before its answer was stored.
            message.attempt_started_at = None
            message.save()
        return message


def messages_erase(*, before: date) -> int:
    """Delete the messages created before `before` (the retention period of personal data,
    as for bookings)."""
    deleted, _ = Message.objects.filter(created_at__date__lt=before).delete()
    return deleted
