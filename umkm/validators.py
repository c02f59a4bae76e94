"""Normalising and checking what owners type: WhatsApp numbers and NIB."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from umkm.models import WHATSAPP_PATTERN


def normalize_whatsapp(raw: str) -> str:
    """ "0812-3456-7890", "62812…" or "+62 812…" -> "+6281234567890"; refuses anything
    that is not an Indonesian mobile number."""
    digits = re.sub(r"[\s\-().]", "", raw or "")
    if digits.startswith("+"):
        digits = digits[1:]
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    elif digits.startswith("8"):
        digits = "62" + digits
    number = "+" + digits
    if not re.fullmatch(WHATSAPP_PATTERN, number):
        raise ValidationError(
            _("Masukkan nomor WhatsApp Indonesia yang benar, mis. 0812 3456 7890."),
            code="whatsapp",
        )
    return number


def validate_nib(value: str) -> None:
    if value and not re.fullmatch(r"[0-9]{13}", value):
        raise ValidationError(_("NIB terdiri dari 13 angka."), code="nib")
