"""Sending one message: an attempt at a time by the worker, retries with backoff, then the
next channel the citizen allowed.

Never twice: an attempt is claimed and committed (attempt_started_at) before the provider
is called, and its answer is stored in a second transaction. A worker that dies between the
two leaves the claim behind; the job is retried (mpp.tasks retries the jobs of dead workers)
and finds it. On a channel whose provider drops a repeated idempotency key (the SMS gateway)
it sends again at once, since a repeat cannot reach the citizen twice. On one that cannot
(WhatsApp, e-mail) it waits MESSAGE_OUTCOME_WAIT_SECONDS for a delivery report: WhatsApp
reports every accepted message within seconds, carrying our key, and the report settles the
row; only after the wait without one is the message sent again."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from procrastinate.contrib.django import app

from common import clock
from common.side_effects import defer_on_commit
from notifications.catalog import TEMPLATES
from notifications.channels import SendError, channel
from notifications.consent import consented
from notifications.models import Message

MAX_RETRY_SECONDS = 3600


@app.task(name="notifications.deliver_message", queue="messages")
def deliver_message(message_id: int) -> None:
    message_deliver(message_id=message_id)


def deliver_later(message: Message, *, delay: float | None = None) -> None:
    """A worker tries `message` once the current transaction commits (after `delay`)."""
    defer_on_commit(deliver_message, delay_seconds=delay, message_id=message.pk)


def message_deliver(*, message_id: int, now: datetime | None = None) -> None:
    """One attempt of a queued message; a failure schedules the next one or falls back."""
    message = _claim(message_id=message_id, now=now or clock.now())
    if message is None:
        return
    if not consented(recipient=message.recipient, channel=message.channel, purpose=message.purpose):
        _settle(message_id, error=SendError("consent withdrawn", retry=False))
        return
    template = TEMPLATES[message.template]
    try:
        provider_id = channel(message.channel).send(message=message, template=template)
    except SendError as error:
        _settle(message_id, error=error)
    except Exception as error:
        # A fault of ours (a setting, a template): retried like an outage, and the job
        # fails with its trace for the admins.
        _settle(message_id, error=SendError(repr(error), retry=True))
        raise
    else:
        _settle(message_id, provider_id=provider_id)


def _claim(*, message_id: int, now: datetime) -> Message | None:
    with transaction.atomic():
        # Locked so that two jobs of one message (a stalled one retried while it still ran)
        # never both claim it.
        message = (
            Message.objects.select_for_update()
            .filter(pk=message_id, state=Message.State.QUEUED)
            .first()
        )
        if message is None or message.channel not in settings.MESSAGE_CHANNELS:
            if message is not None:
                message_fail(message, error="channel not configured", now=now)
            return None
        if message.attempt_started_at and not channel(message.channel).deduplicates:
            waited = (now - message.attempt_started_at).total_seconds()
            if waited < settings.MESSAGE_OUTCOME_WAIT_SECONDS:
                deliver_later(message, delay=settings.MESSAGE_OUTCOME_WAIT_SECONDS - waited)
                return None
        message.attempts += 1
        message.attempt_started_at = now
        message.next_attempt_at = None
        message.save(
            update_fields=["attempts", "attempt_started_at", "next_attempt_at", "updated_at"]
        )
        return message


def _settle(message_id: int, *, provider_id: str = "", error: SendError | None = None) -> None:
    """Store the provider's answer to the claimed attempt."""
    now = clock.now()
    with transaction.atomic():
        message = Message.objects.select_for_update().get(pk=message_id)
        message.attempt_started_at = None
        if error is None:
            message.provider_id = message.provider_id or provider_id
            message.last_error = ""
            if message.state == Message.State.QUEUED:
                # A delivery report may have come first and moved it further already.
                message.state, message.sent_at = Message.State.SENT, now
            message.save()
        elif error.retry and message.attempts < settings.MESSAGE_MAX_ATTEMPTS:
            delay = retry_delay(attempts=message.attempts, asked=error.retry_after)
            message.last_error = str(error)[:500]
            message.next_attempt_at = now + timedelta(seconds=delay)
            message.save()
            deliver_later(message, delay=delay)
        elif message.state == Message.State.QUEUED:
            message_fail(message, error=str(error), now=now)
        else:
            message.save()


def retry_delay(*, attempts: int, asked: float | None) -> float:
    """Doubling from MESSAGE_RETRY_SECONDS, at most an hour, never sooner than the
    provider asked (Retry-After)."""
    doubling = settings.MESSAGE_RETRY_SECONDS * 2 ** (attempts - 1)
    return min(MAX_RETRY_SECONDS, max(doubling, asked or 0))


def message_fail(message: Message, *, error: str, now: datetime) -> Message | None:
    """Mark `message` (locked by the caller) failed and queue it on the next channel the
    citizen still allows; returns that message, if any."""
    message.state, message.failed_at = Message.State.FAILED, now
    message.attempt_started_at = None
    message.last_error = error[:500]
    message.save()
    for position, (name, recipient) in enumerate(message.fallbacks):
        if name in settings.MESSAGE_CHANNELS and consented(
            recipient=recipient, channel=name, purpose=message.purpose
        ):
            fallback = Message.objects.create(
                idempotency_key=f"{message.idempotency_key}>{name}",
                tenant=message.tenant,
                recipient=recipient,
                channel=name,
                purpose=message.purpose,
                template=message.template,
                language=message.language,
                context=message.context,
                fallbacks=message.fallbacks[position + 1 :],
                fallback_of=message,
            )
            deliver_later(fallback)
            return fallback
    return None
