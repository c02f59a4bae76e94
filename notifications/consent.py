"""Consent to messages (UU 27/2022): given per channel and purpose, withdrawn in one step."""

from django.conf import settings

from common import clock
from notifications.models import Consent
from notifications.recipients import normalise

# The channels that reach a phone number; a citizen's yes is given per channel.
PHONE_CHANNELS = ("whatsapp", "sms")


def _active(**filters):
    return Consent.objects.filter(withdrawn_at__isnull=True, **filters)


def consent_grant(*, recipient: str, channel: str, purpose: str, source: str) -> Consent:
    """The active consent of this address, channel and purpose, recorded now if there was
    none (granting twice keeps the first time and source)."""
    recipient = normalise(channel=channel, address=recipient)
    # A concurrent yes for the same (two taps) breaks the one-active-consent constraint;
    # get_or_create then returns that one.
    consent, _ = Consent.objects.get_or_create(
        recipient=recipient,
        channel=channel,
        purpose=purpose,
        withdrawn_at=None,
        defaults={"granted_at": clock.now(), "source": source},
    )
    return consent


def consent_withdraw(
    *, recipient: str, channel: str, source: str, purpose: str | None = None
) -> int:
    """Close the active consent of this address on `channel` for `purpose` (every purpose
    when None, as a "STOP" reply means); returns how many were closed."""
    recipient = normalise(channel=channel, address=recipient)
    active = _active(recipient=recipient, channel=channel)
    if purpose is not None:
        active = active.filter(purpose=purpose)
    return active.update(withdrawn_at=clock.now(), withdrawn_source=source)


def allowed_channels(*, purpose: str, phone: str = "", email: str = "") -> list[tuple[str, str]]:
    """[(channel, recipient), …] the citizen consented to for `purpose`, among the channels
    this installation sends on, in the order of settings.MESSAGE_CHANNELS."""
    addresses = {"whatsapp": phone, "sms": phone, "email": email}
    wanted = {}
    for channel in settings.MESSAGE_CHANNELS:
        if addresses.get(channel):
            wanted[channel] = normalise(channel=channel, address=addresses[channel])
    if not wanted:
        return []  # no channel reaches them: nothing to ask the database
    granted = set(
        _active(
            purpose=purpose, channel__in=wanted, recipient__in=set(wanted.values())
        ).values_list("channel", "recipient")
    )
    return [
        (channel, address) for channel, address in wanted.items() if (channel, address) in granted
    ]


def consented(*, recipient: str, channel: str, purpose: str) -> bool:
    return _active(recipient=recipient, channel=channel, purpose=purpose).exists()
