"""Sending through the fake WhatsApp Cloud API and SMS gateway over real HTTP: retries with
backoff, fallback to the next allowed channel, and never twice."""

from datetime import timedelta

import pytest

from common import clock
from notifications.catalog import TEMPLATES
from notifications.channels import SendError, channel
from notifications.consent import consent_withdraw
from notifications.delivery import _claim, message_deliver, retry_delay
from notifications.models import Message
from notifications.services import message_report
from tests.notifications.conftest import EMAIL, PHONE, allow
from tests.notifications.helpers import CONTEXT, delivery_jobs, queue

pytestmark = pytest.mark.django_db


def deliver(message: Message) -> Message:
    message_deliver(message_id=message.pk)
    message.refresh_from_db()
    return message


def test_whatsapp_template_message_has_the_documented_shape_and_parameter_order(gateways):
    whatsapp, _ = gateways
    allow("whatsapp")
    message = deliver(queue())
    (request,) = whatsapp.requests
    assert request["headers"]["Authorization"] == "Bearer token-uji"
    body = request["json"]
    assert body["to"] == PHONE.lstrip("+")
    assert body["template"]["name"] == "mpp_reservasi_terkonfirmasi"
    assert body["template"]["language"] == {"code": "id"}
    (component,) = body["template"]["components"]
    assert [p["text"] for p in component["parameters"]] == [
        CONTEXT[name] for name in TEMPLATES["booking_confirmation"].parameters
    ]
    assert message.state == Message.State.SENT
    assert message.provider_id == whatsapp.accepted[0]["id"]
    assert message.attempts == 1


def test_message_is_queued_for_the_worker_in_the_same_transaction(gateways):
    allow("whatsapp")
    message = queue()
    (job,) = delivery_jobs(message)
    assert job.status == "todo"
    assert job.queue_name == "messages"


@pytest.mark.parametrize("answer", ["rate_limit", "spam_rate_limit", "server_error"])
def test_transient_whatsapp_errors_are_retried_after_a_doubling_backoff(gateways, answer):
    whatsapp, _ = gateways
    allow("whatsapp")
    whatsapp.plan(answer, answer)
    message = queue()
    waits = []
    for _ in range(2):
        before = clock.now()
        message = deliver(message)
        assert message.state == Message.State.QUEUED
        waits.append(round((message.next_attempt_at - before).total_seconds()))
        assert message.last_error.startswith("WhatsApp")
    assert waits == [1, 2]
    jobs = delivery_jobs(message)
    assert len(jobs) == 3  # the first one and one per retry, each scheduled after its wait
    assert jobs[2].scheduled_at - jobs[1].scheduled_at >= timedelta(seconds=0.9)
    message = deliver(message)
    assert message.state == Message.State.SENT
    assert len(whatsapp.requests) == 3
    assert len(whatsapp.accepted) == 1


def test_backoff_doubles_up_to_an_hour_and_honours_retry_after(settings):
    settings.MESSAGE_RETRY_SECONDS = 30
    assert [retry_delay(attempts=n, asked=None) for n in (1, 2, 3, 9)] == [30, 60, 120, 3600]
    assert retry_delay(attempts=1, asked=90) == 90


def test_retries_exhausted_fall_back_to_sms_the_citizen_allowed(gateways):
    whatsapp, sms = gateways
    allow("whatsapp", "sms")
    whatsapp.plan("server_error", "server_error", "server_error")
    message = queue()
    for _ in range(3):
        message = deliver(message)
    assert message.state == Message.State.FAILED
    assert message.attempts == 3
    fallback = Message.objects.get(fallback_of=message)
    assert (fallback.channel, fallback.recipient) == ("sms", PHONE)
    assert delivery_jobs(fallback)
    fallback = deliver(fallback)
    assert fallback.state == Message.State.SENT
    (sent,) = sms.accepted
    assert sent["to"] == PHONE
    assert "Reservasi KTP-el pada 04-12-2026 pukul 09:00 WITA tercatat" in sent["text"]
    assert "K7Q2MP" in sent["text"]


@pytest.mark.parametrize("answer", ["auth", "undeliverable", "invalid_number"])
def test_permanent_whatsapp_errors_fall_back_at_once(gateways, answer):
    whatsapp, _ = gateways
    allow("whatsapp", "email")
    whatsapp.plan(answer)
    message = deliver(queue())
    assert message.state == Message.State.FAILED
    assert message.attempts == 1
    fallback = Message.objects.get(fallback_of=message)
    assert fallback.channel == "email"


def test_fallback_skips_channels_the_citizen_did_not_allow(gateways, mailoutbox):
    whatsapp, sms = gateways
    allow("whatsapp", "email")
    whatsapp.plan("undeliverable")
    message = deliver(queue(language="en"))
    fallback = deliver(Message.objects.get(fallback_of=message))
    assert fallback.state == Message.State.SENT
    assert sms.requests == []
    (email,) = mailoutbox
    assert email.to == [EMAIL]
    assert email.subject == "Booking K7Q2MP confirmed"
    assert "Your booking for KTP-el" in email.body


def test_without_another_allowed_channel_the_message_just_fails(gateways):
    whatsapp, _ = gateways
    allow("whatsapp")
    whatsapp.plan("undeliverable")
    message = deliver(queue())
    assert message.state == Message.State.FAILED
    assert "131026" in message.last_error
    assert not Message.objects.filter(fallback_of=message).exists()


def test_sms_gateway_errors_retry_with_its_retry_after_or_fall_back(gateways):
    _, sms = gateways
    allow("sms", "email")
    sms.plan("rate_limit", "invalid_number")
    message = queue()
    before = clock.now()
    message = deliver(message)
    assert message.state == Message.State.QUEUED
    assert (message.next_attempt_at - before).total_seconds() == pytest.approx(7, abs=1)
    message = deliver(message)
    assert message.state == Message.State.FAILED
    assert "invalid_number" in message.last_error
    assert Message.objects.get(fallback_of=message).channel == "email"


def test_a_refused_connection_is_retried(gateways, settings, whatsapp_api):
    allow("whatsapp")
    settings.WHATSAPP = {**settings.WHATSAPP, "API_URL": "http://127.0.0.1:9/v21.0"}
    message = deliver(queue())
    assert message.state == Message.State.QUEUED
    assert message.next_attempt_at is not None


def test_the_same_key_queued_twice_is_one_message_sent_once(gateways):
    whatsapp, _ = gateways
    allow("whatsapp")
    first, second = queue(), queue()
    assert first.pk == second.pk
    assert len(delivery_jobs(first)) == 1
    deliver(first)
    deliver(first)  # a second job of the same message finds it sent
    assert len(whatsapp.accepted) == 1


def cut_off_after_sending(message: Message) -> None:
    """What a worker killed right after the provider accepted leaves behind: the claim
    committed, the provider's answer never stored."""
    claimed = _claim(message_id=message.pk, now=clock.now())
    channel(claimed.channel).send(message=claimed, template=TEMPLATES[claimed.template])


def test_sms_cut_off_by_a_crash_is_sent_again_under_its_key_and_reaches_the_phone_once(gateways):
    _, sms = gateways
    allow("sms")
    message = queue()
    cut_off_after_sending(message)
    message = deliver(message)
    assert message.state == Message.State.SENT
    assert len(sms.requests) == 2
    assert len(sms.accepted) == 1
    assert {r["headers"]["Idempotency-Key"] for r in sms.requests} == {message.idempotency_key}
    assert message.provider_id == sms.accepted[0]["id"]


def test_whatsapp_cut_off_by_a_crash_waits_for_the_report_and_is_not_sent_again(gateways):
    whatsapp, _ = gateways
    allow("whatsapp")
    message = queue()
    cut_off_after_sending(message)
    message = deliver(message)
    assert len(whatsapp.requests) == 1
    assert message.state == Message.State.QUEUED
    assert len(delivery_jobs(message)) == 2  # checked again after the outcome wait
    # WhatsApp's report of the accepted message carries our key back.
    message_report(
        provider_id=whatsapp.accepted[0]["id"],
        reference=whatsapp.accepted[0]["biz_opaque_callback_data"],
        state=Message.State.SENT,
        at=clock.now(),
    )
    message = deliver(message)
    assert message.state == Message.State.SENT
    assert message.provider_id == whatsapp.accepted[0]["id"]
    assert len(whatsapp.requests) == 1


def test_whatsapp_cut_off_without_any_report_is_sent_again_after_the_wait(gateways, settings):
    whatsapp, _ = gateways
    allow("whatsapp")
    message = queue()
    whatsapp.plan("server_error")  # the cut-off attempt never reached a phone
    with pytest.raises(SendError):
        cut_off_after_sending(message)
    Message.objects.filter(pk=message.pk).update(
        attempt_started_at=clock.now() - timedelta(seconds=settings.MESSAGE_OUTCOME_WAIT_SECONDS)
    )
    message = deliver(message)
    assert message.state == Message.State.SENT
    assert len(whatsapp.accepted) == 1


def test_consent_withdrawn_before_sending_stops_the_message(gateways):
    whatsapp, _ = gateways
    allow("whatsapp")
    message = queue()
    consent_withdraw(recipient=PHONE, channel="whatsapp", source="uji")
    message = deliver(message)
    assert message.state == Message.State.FAILED
    assert whatsapp.requests == []


def test_no_consent_no_message(gateways):
    allow("whatsapp", purpose="survey")
    assert queue() is None
    assert not Message.objects.exists()


def test_development_prints_messages_on_the_console_with_the_number_masked(capsys):
    """Without credentials (make run, the tests' own settings) WhatsApp is the console."""
    allow("whatsapp")
    message = deliver(queue())
    assert message.state == Message.State.SENT
    printed = capsys.readouterr().out
    assert "[whatsapp → +62812****7890] Reservasi KTP-el pada 04-12-2026" in printed
    assert PHONE not in printed


def test_a_fault_of_ours_in_a_channel_is_retried_and_leaves_no_claim_behind(settings):
    settings.MESSAGE_CHANNELS = {"whatsapp": "notifications.channels.Channel"}
    allow("whatsapp")
    message = queue()
    with pytest.raises(NotImplementedError):
        message_deliver(message_id=message.pk)
    message.refresh_from_db()
    assert message.state == Message.State.QUEUED
    assert message.attempt_started_at is None and message.next_attempt_at is not None
    assert "NotImplementedError" in message.last_error
