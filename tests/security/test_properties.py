"""Property-based tests of the inputs citizens type: NIK, phone, money, search and slots.
Whatever they type, the answer is a value or a clear refusal, never an error page."""

import re
from datetime import date, datetime, time, timedelta
from itertools import pairwise

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import assume, given
from hypothesis import strategies as st

from common.validators import (
    FEMALE_DAY_OFFSET,
    PROVINCE_CODES,
    mask_nik,
    nik_birth_date,
    normalize_nik,
    normalize_phone,
)
from common.workdays import national_holidays
from counters.booking.selectors import day_slots, find_open_slot
from mpp.templatetags.mpp_format import format_rupiah, rupiah
from services.search import parse_query
from tests.factories import BookingScheduleFactory

TODAY = date(2026, 12, 2)
# What people type: digits, separators, letters, and now and then anything at all.
TYPED = st.one_of(st.from_regex(r"[0-9 .\-+()]{0,24}", fullmatch=True), st.text(max_size=40))
SEPARATOR = st.sampled_from(["", " ", "-", "."])


@st.composite
def valid_niks(draw):
    """A structurally valid NIK with its birth date and sex (births the two-digit year can
    tell apart: the last hundred years)."""
    province = draw(st.sampled_from(sorted(PROVINCE_CODES)))
    regency, district = draw(st.integers(1, 99)), draw(st.integers(1, 99))
    born = draw(st.dates(date(TODAY.year - 99, 1, 1), TODAY))
    female = draw(st.booleans())
    serial = draw(st.integers(1, 9999))
    day = born.day + (FEMALE_DAY_OFFSET if female else 0)
    nik = f"{province:02d}{regency:02d}{district:02d}{day:02d}{born:%m%y}{serial:04d}"
    return nik, born, female


@given(TYPED)
def test_any_typed_nik_is_accepted_as_16_digits_or_refused_with_a_message(value):
    try:
        nik = normalize_nik(value, today=TODAY)
    except ValidationError as error:
        assert error.messages and all(error.messages)
    else:
        assert re.fullmatch(r"\d{16}", nik)


@given(valid_niks(), st.lists(SEPARATOR, min_size=4, max_size=4))
def test_every_valid_nik_is_accepted_however_it_is_spaced(generated, separators):
    nik, born, _female = generated
    typed = "".join(
        part + sep for part, sep in zip(re.findall("....", nik), separators, strict=True)
    )
    assert normalize_nik(typed, today=TODAY) == nik
    assert nik_birth_date(nik, today=TODAY) == born


@given(valid_niks())
def test_a_masked_nik_hides_the_birth_date_and_place(generated):
    nik = generated[0]
    masked = mask_nik(nik)
    assert masked[:4] == nik[:4] and masked[-4:] == nik[-4:] and masked[4:12] == "*" * 8


@given(TYPED)
def test_any_typed_phone_is_a_plus62_mobile_number_or_refused(value):
    try:
        phone = normalize_phone(value)
    except ValidationError as error:
        assert error.messages and all(error.messages)
    else:
        assert re.fullmatch(r"\+628\d{8,11}", phone)


@given(
    st.from_regex(r"8[0-9]{8,11}", fullmatch=True),
    st.sampled_from(["0", "62", "+62", "+62 "]),
    st.lists(SEPARATOR, min_size=3, max_size=3),
)
def test_one_mobile_number_written_any_usual_way_is_stored_the_same(national, lead, seps):
    typed = lead + national[:3] + seps[0] + national[3:6] + seps[1] + national[6:] + seps[2]
    assert normalize_phone(typed) == "+62" + national


@given(st.integers(-(10**15), 10**15))
def test_rupiah_reads_back_as_the_same_whole_amount(amount):
    shown = format_rupiah(amount)
    assert re.fullmatch(r"-?Rp\d{1,3}(\.\d{3})*", shown)
    assert int(shown.replace("Rp", "").replace(".", "")) == amount


@given(st.one_of(st.none(), st.text(max_size=20), st.floats(allow_nan=True), st.integers()))
def test_the_rupiah_filter_never_breaks_a_page(value):
    assert isinstance(rupiah(value), str)


@pytest.mark.django_db
@given(st.text(max_size=300))
def test_any_query_parses(query):
    parsed = parse_query(query)
    assert isinstance(parsed.corrected_text, str)


@pytest.mark.django_db
@given(st.text(max_size=120))
def test_any_query_gives_a_normal_catalog_page_and_api_answer(client, query):
    """A normal answer, or the 400 that a NUL character gets anywhere in a request."""
    refused = "\x00" in query
    assert client.get("/layanan/", {"q": query}).status_code == (400 if refused else 200)
    api = client.get("/api/v1/services", {"q": query}).status_code
    assert api == 400 if refused else api in (200, 422)
    assert client.get("/umkm/", {"q": query}).status_code == (400 if refused else 200)


@pytest.mark.django_db
@given(st.text(max_size=12), st.text(max_size=12))
def test_any_price_range_gives_a_normal_showcase(client, low, high):
    response = client.get("/umkm/", {"min_price": low, "max_price": high})
    assert response.status_code == 200


schedules = st.fixed_dictionaries(
    {
        "opens_at": st.times(time(0), time(20)).map(lambda t: t.replace(second=0, microsecond=0)),
        "hours": st.integers(1, 12),
        "slot_minutes": st.sampled_from([10, 15, 20, 30, 45, 60, 90]),
        "capacity": st.integers(1, 50),
        "weekdays": st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True),
        "min_notice_minutes": st.integers(0, 24 * 60),
    }
)


@pytest.mark.django_db
@given(spec=schedules, offset=st.integers(-3, 20), hour=st.integers(0, 23))
def test_slots_lie_inside_the_hours_one_after_another_on_open_days_only(spec, offset, hour):
    closes = datetime.combine(TODAY, spec["opens_at"]) + timedelta(hours=spec["hours"])
    closes_at = closes.time() if closes.date() == TODAY else time(0)
    assume(closes_at > spec["opens_at"] or closes_at == time(0))
    schedule = BookingScheduleFactory(
        opens_at=spec["opens_at"],
        closes_at=closes_at,
        slot_minutes=spec["slot_minutes"],
        capacity=spec["capacity"],
        weekdays=spec["weekdays"],
        min_notice_minutes=spec["min_notice_minutes"],
        days_ahead=14,
    )
    now = timezone.make_aware(datetime.combine(TODAY, time(hour)))
    day = TODAY + timedelta(days=offset)
    slots = day_slots(schedule, day, now=now)
    if not 0 <= offset <= 14 or day.weekday() not in spec["weekdays"]:
        assert slots == []
    if day in national_holidays(day.year):
        assert slots == []
    length = timedelta(minutes=spec["slot_minutes"])
    earliest = now + timedelta(minutes=spec["min_notice_minutes"])
    for slot in slots:
        assert slot.ends_at - slot.starts_at == length
        assert slot.starts_at >= earliest and timezone.localtime(slot.starts_at).date() == day
        assert slot.remaining == slot.capacity == spec["capacity"]
        assert find_open_slot(schedule, slot.starts_at, now=now) == slot
    for slot, following in pairwise(slots):
        assert following.starts_at == slot.ends_at
    if slots:
        assert find_open_slot(schedule, slots[0].starts_at + timedelta(minutes=1), now=now) is None
