"""WhatsApp numbers are stored as +62…; NIB has 13 digits."""

import pytest
from django.core.exceptions import ValidationError

from umkm.validators import normalize_whatsapp, validate_nib


@pytest.mark.parametrize(
    "raw",
    ["0812-3456-7890", "0812 3456 7890", "+62 812 3456 7890", "6281234567890", "81234567890"],
)
def test_indonesian_mobile_numbers_are_normalised_to_plus_62(raw):
    assert normalize_whatsapp(raw) == "+6281234567890"


@pytest.mark.parametrize(
    "raw", ["", "0541-123456", "+1 202 555 0100", "0812", "08123456789012345", "0812abc4567"]
)
def test_numbers_that_are_not_indonesian_mobiles_are_refused(raw):
    with pytest.raises(ValidationError):
        normalize_whatsapp(raw)


def test_nib_must_have_thirteen_digits():
    validate_nib("9120300000001")
    validate_nib("")
    with pytest.raises(ValidationError):
        validate_nib("12345")
