"""The channels a message can go out on; settings.MESSAGE_CHANNELS chooses them in order.

Each `send` returns the provider's id of the message or raises `SendError`, which says
whether trying again later can help (rate limit, outage) or not (bad number, no account)."""

import json
import logging
import sys
import urllib.error
import urllib.request
from email.utils import make_msgid

from django.conf import settings
from django.utils.module_loading import import_string

from common.mail import email_message
from notifications.catalog import MessageTemplate
from notifications.models import Message
from notifications.recipients import mask

logger = logging.getLogger("mpp.notifications")

# Graph API error codes that mean "too many, slow down" rather than "this will never work".
WHATSAPP_RATE_LIMITS = {4, 80007, 130429, 131048, 131056}


class SendError(Exception):
    def __init__(self, text: str, *, retry: bool, retry_after: float | None = None):
        super().__init__(text)
        self.retry = retry
        self.retry_after = retry_after


class Channel:
    # True when the provider drops a repeat of the same idempotency key: an attempt cut off
    # by a crash may then be sent again at once (see notifications.delivery).
    deduplicates = False

    def __init__(self, name: str):
        self.name = name

    def send(self, *, message: Message, template: MessageTemplate) -> str:
        raise NotImplementedError


def channel(name: str) -> Channel:
    return import_string(settings.MESSAGE_CHANNELS[name])(name)


class ConsoleChannel(Channel):
    """Development: the message is printed (the number masked, as in every log), like
    Django's console e-mail backend."""

    deduplicates = True

    def send(self, *, message: Message, template: MessageTemplate) -> str:
        _, text = template.render(language=message.language, context=message.context)
        sys.stdout.write(f"[{self.name} → {mask(message.recipient)}] {text}\n")
        sys.stdout.flush()
        return f"console-{message.pk}"


class EmailChannel(Channel):
    def send(self, *, message: Message, template: MessageTemplate) -> str:
        subject, text = template.render(language=message.language, context=message.context)
        email = email_message(subject=subject, body=text, to=[message.recipient])
        message_id = make_msgid()
        email.extra_headers["Message-ID"] = message_id
        try:
            email.send()
        except OSError as error:  # SMTP refused, connection lost: the server may come back
            raise SendError(f"email: {error}", retry=True) from error
        return message_id


def post_json(url: str, *, token: str, payload: dict, headers: dict | None = None):
    """(status, decoded JSON body, response headers) of a POST; a connection that fails or
    times out is a SendError worth retrying."""
    request = urllib.request.Request(  # noqa: S310 — the URL is a setting, https in production
        url,
        method="POST",
        data=json.dumps(payload).encode(),
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
            **(headers or {}),
        },
    )
    timeout = settings.MESSAGE_HTTP_TIMEOUT_SECONDS
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, _json(response.read()), response.headers
    except urllib.error.HTTPError as error:
        return error.code, _json(error.read()), error.headers
    except (OSError, ValueError) as error:
        raise SendError(f"{url}: {error}", retry=True) from error


def _json(body: bytes) -> dict:
    try:
        value = json.loads(body or b"{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _retry_after(headers) -> float | None:
    try:
        return float(headers.get("Retry-After"))
    except (TypeError, ValueError):
        return None


class WhatsAppChannel(Channel):
    """WhatsApp Business Cloud API, template messages (the only kind a business may start
    a conversation with)."""

    def send(self, *, message: Message, template: MessageTemplate) -> str:
        config = settings.WHATSAPP
        payload = {
            "messaging_product": "whatsapp",
            "to": message.recipient.lstrip("+"),
            "type": "template",
            "template": {
                "name": template.whatsapp_name,
                "language": {"code": message.language},
                "components": [
                    {
                        "type": "body",
                        "parameters": [
                            {"type": "text", "text": value}
                            for value in template.values(message.context)
                        ],
                    }
                ],
            },
            # Echoed in the delivery reports: a report finds its row even when the worker
            # died before it could store the provider's id.
            "biz_opaque_callback_data": message.idempotency_key,
        }
        url = f"{config['API_URL'].rstrip('/')}/{config['PHONE_NUMBER_ID']}/messages"
        status, body, headers = post_json(url, token=config["TOKEN"], payload=payload)
        if status == 200:
            try:
                return str(body["messages"][0]["id"])
            except (KeyError, IndexError, TypeError) as error:
                raise SendError(f"WhatsApp: unexpected answer {body}", retry=True) from error
        error = body.get("error") if isinstance(body.get("error"), dict) else {}
        code = error.get("code")
        text = f"WhatsApp {status} ({code}): {error.get('message', '')}"
        logger.warning("%s to %s", text, mask(message.recipient))
        retry = status == 429 or status >= 500 or code in WHATSAPP_RATE_LIMITS
        raise SendError(text, retry=retry, retry_after=_retry_after(headers))


class SmsGatewayChannel(Channel):
    """An HTTP SMS gateway (README, "SMS gateway"): POST {"to", "text"} with a bearer token
    and an Idempotency-Key header; the gateway answers {"id"} and sends a repeated key
    only once, answering the first message's id again."""

    deduplicates = True

    def send(self, *, message: Message, template: MessageTemplate) -> str:
        config = settings.SMS_GATEWAY
        _, text = template.render(language=message.language, context=message.context)
        status, body, headers = post_json(
            config["URL"],
            token=config["TOKEN"],
            payload={"to": message.recipient, "text": text},
            headers={"Idempotency-Key": message.idempotency_key},
        )
        if 200 <= status < 300 and body.get("id"):
            return str(body["id"])
        error = body.get("error") if isinstance(body.get("error"), dict) else {}
        text = f"SMS {status} ({error.get('code', '')}): {error.get('message', '')}"
        logger.warning("%s to %s", text, mask(message.recipient))
        retry = status in (0, 408, 429) or status >= 500
        raise SendError(text, retry=retry, retry_after=_retry_after(headers))
