"""Local fakes of the WhatsApp Cloud API and of the SMS gateway, settings that make the
portal send through them for real, and settings that offer both phone channels with the
console standing in for them (fixtures of every suite, from tests/conftest.py)."""

import pytest

from tests.notifications.fakes import TOKEN, FakeSmsGateway, FakeWhatsApp

APP_SECRET = "rahasia-aplikasi"
VERIFY_TOKEN = "token-verifikasi"


@pytest.fixture
def whatsapp_api():
    with FakeWhatsApp() as fake:
        yield fake


@pytest.fixture
def sms_gateway():
    with FakeSmsGateway() as fake:
        yield fake


@pytest.fixture
def gateways(settings, whatsapp_api, sms_gateway, mailoutbox):
    """WhatsApp, then SMS, then e-mail, each sending for real (to the fakes, to Django's
    test mail outbox); retries a second apart."""
    settings.WHATSAPP = {
        "API_URL": f"{whatsapp_api.url}/{whatsapp_api.version}",
        "PHONE_NUMBER_ID": whatsapp_api.phone_number_id,
        "TOKEN": TOKEN,
        "APP_SECRET": APP_SECRET,
        "VERIFY_TOKEN": VERIFY_TOKEN,
    }
    settings.SMS_GATEWAY = {"URL": f"{sms_gateway.url}/messages", "TOKEN": TOKEN}
    settings.MESSAGE_CHANNELS = {
        "whatsapp": "notifications.channels.WhatsAppChannel",
        "sms": "notifications.channels.SmsGatewayChannel",
        "email": "notifications.channels.EmailChannel",
    }
    settings.MESSAGE_MAX_ATTEMPTS = 3
    settings.MESSAGE_RETRY_SECONDS = 1
    settings.MESSAGE_OUTCOME_WAIT_SECONDS = 600
    return whatsapp_api, sms_gateway


@pytest.fixture
def phone_channels(settings):
    """WhatsApp and SMS offered to citizens, printed by the console channel; links in
    messages to the public address."""
    settings.MESSAGE_CHANNELS = {
        "whatsapp": settings.CONSOLE_CHANNEL,
        "sms": settings.CONSOLE_CHANNEL,
        "email": "notifications.channels.EmailChannel",
    }
    settings.PUBLIC_BASE_URL = "https://mpp.kutaitimurkab.go.id"
