"""Pure checks of a citizen's NIK and Indonesian mobile number, with Indonesian messages."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from common import clock

# Province codes of the Kemendagri region list, as they appear in the first two NIK digits.
PROVINCE_CODES = frozenset(
    {11, 12, 13, 14, 15, 16, 17, 18, 19, 21}
    | set(range(31, 37))
    | {51, 52, 53}
    | set(range(61, 66))
    | set(range(71, 77))
    | {81, 82}
    | set(range(91, 97))
)
FEMALE_DAY_OFFSET = 40
NIK_SEPARATORS = re.compile(r"[\s.\-]")
PHONE_SEPARATORS = re.compile(r"[\s.\-()]")


def normalize_nik(value: str, *, today: date | None = None) -> str:
    """Return the 16-digit NIK, or raise ValidationError saying what is wrong with it."""
    nik = NIK_SEPARATORS.sub("", value or "")
    if not re.fullmatch(r"\d{16}", nik):
        raise ValidationError(_("NIK harus terdiri dari 16 angka."), code="nik_format")
    province, regency, district = int(nik[0:2]), int(nik[2:4]), int(nik[4:6])
    if province not in PROVINCE_CODES or regency == 0 or district == 0:
        raise ValidationError(
            _("Kode wilayah pada NIK (6 angka pertama) tidak dikenal."), code="nik_region"
        )
    nik_birth_date(nik, today=today)
    if nik[12:] == "0000":
        raise ValidationError(
            _("Nomor urut pada NIK (4 angka terakhir) tidak valid."), code="nik_serial"
        )
    return nik


def nik_birth_date(nik: str, *, today: date | None = None) -> date:
    """Birth date in digits 7–12 (DDMMYY, day + 40 for women); a real date, not in the future."""
    today = today or clock.today()
    day, month, year = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if day > FEMALE_DAY_OFFSET:
        day -= FEMALE_DAY_OFFSET
    century = 2000 if 2000 + year <= today.year else 1900
    try:
        born = date(century + year, month, day)
    except ValueError:
        raise ValidationError(
            _("Tanggal lahir pada NIK (angka ke-7 sampai ke-12) tidak valid."),
            code="nik_birth_date",
        ) from None
    if born > today:
        raise ValidationError(
            _("Tanggal lahir pada NIK ada di masa depan."), code="nik_birth_date_future"
        )
    return born


def mask_nik(nik: str) -> str:
    """6408********0001: enough for the citizen to recognise it, useless to anyone else."""
    if len(nik) != 16:
        return "*" * len(nik)
    return f"{nik[:4]}{'*' * 8}{nik[12:]}"


def mask_phone(phone: str) -> str:
    """+62812****7890: the same idea for a mobile number."""
    if len(phone) < 10:
        return "*" * len(phone)
    return f"{phone[:6]}{'*' * (len(phone) - 10)}{phone[-4:]}"


def mask_name(name: str) -> str:
    """S*** R*******: each word's first letter, for staff to tell two citizens apart."""
    return " ".join(word[0] + "*" * (len(word) - 1) for word in name.split())


def normalize_phone(value: str) -> str:
    """08…, 628… or +628… (spaces and dashes allowed) -> +628…; mobile numbers only."""
    phone = PHONE_SEPARATORS.sub("", value or "")
    if phone.startswith("+62"):
        national = phone[3:]
    elif phone.startswith("62"):
        national = phone[2:]
    elif phone.startswith("0"):
        national = phone[1:]
    else:
        national = ""
    if not re.fullmatch(r"8\d{8,11}", national):
        raise ValidationError(
            _("Nomor ponsel harus nomor seluler Indonesia, mis. 0812 3456 7890 atau +62812…"),
            code="phone",
        )
    return "+62" + national
