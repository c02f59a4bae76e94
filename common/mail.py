"""The one place that builds e-mail messages, so that no text can break a header."""

from django.conf import settings
from django.core.mail import EmailMessage


def one_line(text: str) -> str:
    """Every run of whitespace (line breaks of any kind included) becomes one space: a
    header with a line break is refused by Django's mail (BadHeaderError)."""
    return " ".join(str(text).split())


def email_message(*, subject: str, body: str, to: list[str]) -> EmailMessage:
    return EmailMessage(
        subject=one_line(subject), body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
