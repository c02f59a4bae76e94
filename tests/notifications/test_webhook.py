"""WhatsApp's webhook: the subscription handshake, the X-Hub-Signature-256 check, delivery
reports updating the outbox, and "STOP" withdrawing consent."""

import hashlib
import hmac
import json

import pytest

from notifications.consent import allowed_channels
from notifications.delivery import message_deliver
from notifications.models import Consent, Message
from tests.gateways import APP_SECRET, VERIFY_TOKEN
from tests.notifications.conftest import PHONE, allow
from tests.notifications.helpers import queue

pytestmark = pytest.mark.django_db
URL = "/webhooks/whatsapp/"


def signed(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def post(client, payload, *, signature="good"):
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    headers = {}
    if signature == "good":
        headers["X-Hub-Signature-256"] = signed(body)
    elif signature == "bad":
        headers["X-Hub-Signature-256"] = signed(body, secret="bukan-rahasianya")
    return client.post(URL, body, content_type="application/json", headers=headers)


def report(*, statuses=(), messages=()) -> dict:
    value = {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "109876543210"}}
    value["statuses"], value["messages"] = list(statuses), list(messages)
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": value}]}],
    }


def status(message: Message, state: str, timestamp: int = 1_800_000_000, **extra) -> dict:
    return {
        "id": message.provider_id or "wamid.unknown",
        "status": state,
        "timestamp": str(timestamp),
        "recipient_id": PHONE.lstrip("+"),
        "biz_opaque_callback_data": message.idempotency_key,
        **extra,
    }


@pytest.fixture
def sent(gateways):
    allow("whatsapp", "sms")
    message = queue()
    message_deliver(message_id=message.pk)
    message.refresh_from_db()
    assert message.state == Message.State.SENT
    return message


def test_subscription_handshake_echoes_the_challenge_for_our_verify_token(client, gateways):
    query = {
        "hub.mode": "subscribe",
        "hub.verify_token": VERIFY_TOKEN,
        "hub.challenge": "1158201444",
    }
    response = client.get(URL, query)
    assert response.status_code == 200
    assert response.content == b"1158201444"
    assert client.get(URL, {**query, "hub.verify_token": "tebakan"}).status_code == 403
    assert client.get(URL).status_code == 403


def test_without_a_configured_verify_token_no_handshake_succeeds(client, settings):
    settings.WHATSAPP = {**settings.WHATSAPP, "VERIFY_TOKEN": ""}
    response = client.get(
        URL, {"hub.mode": "subscribe", "hub.verify_token": "", "hub.challenge": "1"}
    )
    assert response.status_code == 403


@pytest.mark.parametrize("signature", ["bad", "missing"])
def test_a_report_without_a_valid_signature_is_refused_and_changes_nothing(client, sent, signature):
    response = post(client, report(statuses=[status(sent, "read")]), signature=signature)
    assert response.status_code == 403
    sent.refresh_from_db()
    assert sent.state == Message.State.SENT


def test_signed_reports_move_the_message_forward_and_never_back(client, sent):
    assert (
        post(client, report(statuses=[status(sent, "delivered", 1_800_000_010)])).status_code == 200
    )
    assert post(client, report(statuses=[status(sent, "read", 1_800_000_020)])).status_code == 200
    post(client, report(statuses=[status(sent, "delivered", 1_800_000_030)]))  # late, out of order
    sent.refresh_from_db()
    assert sent.state == Message.State.READ
    assert sent.delivered_at.timestamp() == 1_800_000_010
    assert sent.read_at.timestamp() == 1_800_000_020


def test_a_failed_report_falls_back_to_the_next_allowed_channel(client, sent):
    failure = status(sent, "failed", errors=[{"code": 131026, "title": "Message undeliverable"}])
    assert post(client, report(statuses=[failure])).status_code == 200
    sent.refresh_from_db()
    assert sent.state == Message.State.FAILED
    assert "131026" in sent.last_error
    assert Message.objects.get(fallback_of=sent).channel == "sms"


def test_stop_reply_withdraws_whatsapp_consent_for_every_purpose(client, gateways):
    allow("whatsapp", "sms")
    allow("whatsapp", purpose="queue")
    inbound = {
        "from": PHONE.lstrip("+"),
        "id": "wamid.IN1",
        "timestamp": "1800000000",
        "type": "text",
        "text": {"body": " stop "},
    }
    assert post(client, report(messages=[inbound])).status_code == 200
    assert allowed_channels(purpose="booking", phone=PHONE) == [("sms", PHONE)]
    assert allowed_channels(purpose="queue", phone=PHONE) == []
    withdrawn = Consent.objects.filter(channel="whatsapp")
    assert {c.withdrawn_source for c in withdrawn} == {"whatsapp_stop"}
    assert queue().channel == "sms"


def test_other_replies_keep_consent(client, gateways):
    allow("whatsapp")
    inbound = {
        "from": PHONE.lstrip("+"),
        "type": "text",
        "text": {"body": "Terima kasih, stop dulu"},
    }
    post(client, report(messages=[inbound]))
    assert allowed_channels(purpose="booking", phone=PHONE) == [("whatsapp", PHONE)]


@pytest.mark.parametrize(
    "payload",
    [
        b"not json",
        b"\xff\xfe",
        json.dumps([1, 2]).encode(),
        json.dumps({"entry": "x"}).encode(),
        json.dumps(
            {"entry": [{"changes": [{"value": {"statuses": [{"status": "read"}]}}]}]}
        ).encode(),
        json.dumps(
            {
                "entry": [
                    {
                        "changes": [
                            {"value": {"messages": [{"from": "abc", "text": {"body": "STOP"}}]}}
                        ]
                    }
                ]
            }
        ).encode(),
        json.dumps(
            report(statuses=[{"id": "wamid.x", "status": "delivered", "timestamp": "soon"}])
        ).encode(),
    ],
)
def test_odd_signed_bodies_never_end_in_a_server_error(client, gateways, payload):
    assert post(client, payload).status_code in (200, 400)


def test_only_get_and_post(client, gateways):
    assert client.put(URL).status_code == 405


def test_a_form_body_is_refused_by_its_signature_not_with_an_error(client):
    """The webhook signs the raw body: nothing parses a form out of it first."""
    response = client.post(
        "/webhooks/whatsapp/",
        data=b"--zz\r\nContent-Disposition: form-data\r\n\r\nx",
        content_type="multipart/form-data; boundary=zz",
        HTTP_X_HUB_SIGNATURE_256="sha256=00",
    )
    assert response.status_code == 403
