"""A recipient's address stored one way per channel, and shown masked."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from common.validators import mask_phone

E164 = re.compile(r"\+[1-9]\d{7,14}")


def normalise(*, channel: str, address: str) -> str:
    """+62812… for a phone (a caller gives the number its own validator accepted; a
    WhatsApp report gives digits without the plus), lower case for an e-mail address."""
    address = (address or "").strip()
    if channel == "email":
        validate_email(address)
        return address.lower()
    phone = "+" + address.lstrip("+")
    if not E164.fullmatch(phone):
        raise ValidationError("not an international phone number", code="phone")
    return phone


def mask(address: str) -> str:
    """+62812****7890 (as every page masks a phone) or b***@example.org: enough to
    recognise, useless to anyone else."""
    if "@" in address:
        name, _, domain = address.partition("@")
        return f"{name[:1]}***@{domain}"
    return mask_phone(address)
