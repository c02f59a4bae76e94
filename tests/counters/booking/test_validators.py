"""NIK and mobile-number validation tables."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from common.validators import (
    mask_nik,
    mask_phone,
    nik_birth_date,
    normalize_nik,
    normalize_phone,
)

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("6408011505900001", "6408011505900001"),  # man born 15-05-1990, Kutai Timur
        ("6408015505900001", "6408015505900001"),  # woman: day + 40
        ("6408 0171 1299 0003", "6408017112990003"),  # woman born 31-12-1999, with spaces
        ("3171012902000001", "3171012902000001"),  # 29-02-2000 was a real day
        ("1101016912250001", "1101016912250001"),  # woman born 29-12-2025
        ("9601010101010001", "9601010101010001"),  # Papua Barat Daya
    ],
)
def test_valid_niks_are_accepted_and_normalized(raw, expected):
    assert normalize_nik(raw, today=TODAY) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "nik_format"),
        ("640801150590001", "nik_format"),  # 15 digits
        ("64080115059000011", "nik_format"),  # 17 digits
        ("64080115059O0001", "nik_format"),  # letter O
        ("1001011505900001", "nik_region"),  # no province 10
        ("9901011505900001", "nik_region"),  # no province 99
        ("6400011505900001", "nik_region"),  # regency 00
        ("6408001505900001", "nik_region"),  # district 00
        ("6408013202900001", "nik_birth_date"),  # 32 February
        ("6408012902010001", "nik_birth_date"),  # 29-02-2001 did not exist
        ("6408017202010001", "nik_birth_date"),  # woman, 32-02 after the +40
        ("6408010013900001", "nik_birth_date"),  # month 13
        ("6408010000900001", "nik_birth_date"),  # day 0
        ("6408013201900001", "nik_birth_date"),  # day 32 (not a woman's 41..71 either)
        ("6408011512260001", "nik_birth_date_future"),  # 15-12-2026, after "today"
        ("6408011505900000", "nik_serial"),
    ],
)
def test_invalid_niks_are_refused_with_the_reason(raw, code):
    with pytest.raises(ValidationError) as error:
        normalize_nik(raw, today=TODAY)
    assert error.value.code == code
    assert error.value.messages[0]  # an Indonesian sentence for the citizen


def test_birth_date_is_read_from_the_nik_with_forty_added_to_the_day_for_women():
    assert nik_birth_date("6408015505900001", today=TODAY) == date(1990, 5, 15)
    assert nik_birth_date("6408011505900001", today=TODAY) == date(1990, 5, 15)
    assert nik_birth_date("6408010101260001", today=TODAY) == date(2026, 1, 1)
    assert nik_birth_date("6408010101270001", today=TODAY) == date(1927, 1, 1)


def test_nik_is_masked_to_region_and_serial():
    assert mask_nik("6408011505900001") == "6408********0001"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("081234567890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"),
        ("62 812 3456 7890", "+6281234567890"),
        ("+6281234567890", "+6281234567890"),
        ("(0811) 585 1234", "+628115851234"),
        ("0852123456", "+62852123456"),
    ],
)
def test_indonesian_mobile_numbers_are_stored_as_plus_62(raw, expected):
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "0549-21234",
        "+6254921234",
        "+6581234567",
        "0812345",
        "08123456789012",
        "abc",
        "8123456789",
    ],
)
def test_other_numbers_are_refused(raw):
    with pytest.raises(ValidationError) as error:
        normalize_phone(raw)
    assert error.value.code == "phone"


@pytest.mark.parametrize(
    ("phone", "masked"),
    [("+6281234567890", "+62812****7890"), ("+62812345678", "+62812**5678"), ("", "")],
)
def test_phone_is_masked_but_recognisable(phone, masked):
    assert mask_phone(phone) == masked
