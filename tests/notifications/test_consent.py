"""Consent per channel and purpose, and the message templates it gates."""

import re
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from notifications.catalog import LANGUAGES, PURPOSES, TEMPLATES
from notifications.consent import allowed_channels, consent_grant, consent_withdraw
from notifications.models import Consent
from notifications.recipients import mask
from tests.notifications.conftest import EMAIL, PHONE

pytestmark = pytest.mark.django_db


def test_granting_twice_keeps_the_first_consent():
    first = consent_grant(recipient=PHONE, channel="whatsapp", purpose="queue", source="kiosk")
    again = consent_grant(
        recipient="+" + PHONE[1:], channel="whatsapp", purpose="queue", source="web"
    )
    assert again.pk == first.pk and again.source == "kiosk"


def test_addresses_are_stored_one_way_and_shown_masked():
    consent = consent_grant(
        recipient=" Warga@Contoh.ID ", channel="email", purpose="booking", source="uji"
    )
    assert consent.recipient == EMAIL
    assert mask(EMAIL) == "w***@contoh.id"
    assert mask(PHONE) == "+62812****7890"
    with pytest.raises(ValidationError):
        consent_grant(recipient="0812-abc", channel="sms", purpose="booking", source="uji")


def test_allowed_channels_follow_the_settings_order_and_the_purpose(settings):
    settings.MESSAGE_CHANNELS = {
        "sms": "notifications.channels.ConsoleChannel",
        "whatsapp": "notifications.channels.ConsoleChannel",
        "email": "notifications.channels.EmailChannel",
    }
    for channel, address in (("email", EMAIL), ("whatsapp", PHONE), ("sms", PHONE)):
        consent_grant(recipient=address, channel=channel, purpose="booking", source="uji")
    assert allowed_channels(purpose="booking", phone=PHONE, email=EMAIL) == [
        ("sms", PHONE),
        ("whatsapp", PHONE),
        ("email", EMAIL),
    ]
    assert allowed_channels(purpose="survey", phone=PHONE, email=EMAIL) == []
    assert allowed_channels(purpose="booking", phone=PHONE) == [("sms", PHONE), ("whatsapp", PHONE)]


def test_a_channel_this_installation_does_not_send_on_is_never_allowed(settings):
    settings.MESSAGE_CHANNELS = {"email": "notifications.channels.EmailChannel"}
    consent_grant(recipient=PHONE, channel="whatsapp", purpose="booking", source="uji")
    assert allowed_channels(purpose="booking", phone=PHONE) == []


def test_withdrawing_one_purpose_keeps_the_others_and_a_new_yes_is_a_new_row():
    for purpose in ("booking", "queue"):
        consent_grant(recipient=PHONE, channel="whatsapp", purpose=purpose, source="uji")
    assert consent_withdraw(recipient=PHONE, channel="whatsapp", purpose="queue", source="tap") == 1
    assert allowed_channels(purpose="booking", phone=PHONE) == [("whatsapp", PHONE)]
    assert allowed_channels(purpose="queue", phone=PHONE) == []
    consent_grant(recipient=PHONE, channel="whatsapp", purpose="queue", source="tiket")
    assert Consent.objects.filter(purpose="queue").count() == 2


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_every_template_renders_in_both_languages_with_exactly_its_parameters(key):
    template = TEMPLATES[key]
    assert template.purpose in PURPOSES
    context = {name: f"<{name}>" for name in template.parameters}
    for language in LANGUAGES:
        subject, text = template.render(language=language, context=context)
        used = set(re.findall(r"<(\w+)>", subject + text))
        assert set(re.findall(r"<(\w+)>", text)) == set(template.parameters), language
        assert used <= set(template.parameters)
    placeholders = re.findall(r"\{\{(\d+)\}\}", template.whatsapp_body(template.text["id"]))
    assert sorted(set(map(int, placeholders))) == list(range(1, len(template.parameters) + 1))


@pytest.mark.django_db(transaction=True)
def test_simultaneous_yes_taps_record_one_consent():
    """The partial unique constraint decides; get_or_create hands every tap that one row."""
    barrier, granted = threading.Barrier(6), []

    def tap():
        try:
            barrier.wait(10)
            granted.append(
                consent_grant(recipient=PHONE, channel="sms", purpose="queue", source="kiosk").pk
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=tap) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(granted) == 6 and len(set(granted)) == 1
    assert Consent.objects.count() == 1
