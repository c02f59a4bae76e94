"""The citizen's address in the notification tests, and their yes to messages."""

from notifications.consent import consent_grant

PHONE = "+6281234567890"
EMAIL = "warga@contoh.id"


def allow(*channels: str, purpose: str = "booking") -> None:
    for channel in channels:
        address = EMAIL if channel == "email" else PHONE
        consent_grant(recipient=address, channel=channel, purpose=purpose, source="uji")
