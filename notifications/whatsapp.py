"""WhatsApp's webhook: its verification handshake, its signature, and what its reports say
(delivery statuses of our messages, and a citizen's "STOP")."""

import hashlib
import hmac
from datetime import UTC, datetime

from django.conf import settings
from django.core.exceptions import ValidationError

from common import clock
from notifications.consent import consent_withdraw
from notifications.models import Message
from notifications.services import message_report

STOP_WORDS = {"STOP", "BERHENTI", "UNSUBSCRIBE"}
REPORTED_STATES = {"sent", "delivered", "read", "failed"}


def verification_answer(*, mode: str, token: str, challenge: str) -> str | None:
    """The challenge to echo when Meta subscribes with our verify token, else None."""
    expected = settings.WHATSAPP["VERIFY_TOKEN"]
    if mode != "subscribe" or not expected or not hmac.compare_digest(token, expected):
        return None
    return challenge


def signature_valid(*, body: bytes, header: str) -> bool:
    """X-Hub-Signature-256 is "sha256=" + HMAC-SHA256 of the raw body with the app secret."""
    secret = settings.WHATSAPP["APP_SECRET"]
    if not secret or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(header.removeprefix("sha256="), expected)


def _each(value, key: str) -> list[dict]:
    """The dicts in value[key]: a report is read defensively, whatever shape it has."""
    items = value.get(key) if isinstance(value, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _moment(timestamp) -> datetime:
    try:
        return datetime.fromtimestamp(int(timestamp), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return clock.now()


def report_apply(payload: dict) -> None:
    """Apply every status and every STOP reply of one webhook call."""
    for entry in _each(payload, "entry"):
        for change in _each(entry, "changes"):
            value = change.get("value")
            for status in _each(value, "statuses"):
                _apply_status(status)
            for inbound in _each(value, "messages"):
                _apply_inbound(inbound)


def _apply_status(status: dict) -> None:
    state = status.get("status")
    if state not in REPORTED_STATES:
        return
    errors = _each(status, "errors")
    error = "; ".join(f"{e.get('code')}: {e.get('title', '')}" for e in errors)
    message_report(
        provider_id=str(status.get("id") or ""),
        reference=str(status.get("biz_opaque_callback_data") or ""),
        state=Message.State(state),
        at=_moment(status.get("timestamp")),
        error=f"WhatsApp {error}" if error else "",
    )


def _apply_inbound(inbound: dict) -> None:
    text = inbound.get("text")
    body = text.get("body") if isinstance(text, dict) else None
    if not isinstance(body, str) or body.strip().upper() not in STOP_WORDS:
        return
    try:
        consent_withdraw(
            recipient=str(inbound.get("from") or ""), channel="whatsapp", source="whatsapp_stop"
        )
    except ValidationError:
        return
