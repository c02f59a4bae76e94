"""Working days: weekends, national holidays, cuti bersama, the agency's own closed days,
across a year's end; adding and counting them agree."""

from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from common.workdays import (
    add_working_days,
    holiday_name,
    is_working_day,
    working_days_between,
)

# The package's calendar, read once, so that the dates below are checked, not guessed.
ID_2026 = holidays.country_holidays("ID", years=2026, categories=("public", "government"))
CUTI_BERSAMA_2026 = holidays.country_holidays("ID", years=2026, categories=("government",))


def test_the_calendar_used_below_is_the_packages_idul_fitri_2026():
    # Nyepi and Idul Fitri 2026 close the offices from Wednesday 18 to Tuesday 24 March.
    for day in (date(2026, 3, 18), date(2026, 3, 19), date(2026, 3, 20)):
        assert day in ID_2026
    assert date(2026, 3, 21) in ID_2026  # Idul Fitri itself, a Saturday
    for day in (date(2026, 3, 20), date(2026, 3, 23), date(2026, 3, 24)):
        assert day in CUTI_BERSAMA_2026
    assert date(2026, 3, 17) not in ID_2026
    assert date(2026, 3, 25) not in ID_2026


def test_saturday_and_sunday_are_not_working_days():
    friday = date(2026, 6, 5)
    assert is_working_day(friday)
    assert not is_working_day(friday + timedelta(days=1))
    assert not is_working_day(friday + timedelta(days=2))
    assert is_working_day(friday + timedelta(days=3))


def test_a_national_holiday_and_cuti_bersama_are_not_working_days():
    assert not is_working_day(date(2026, 3, 19))  # Nyepi, a Thursday
    assert not is_working_day(date(2026, 3, 23))  # cuti bersama Idul Fitri, a Monday


def test_adding_working_days_skips_a_weekend():
    friday = date(2026, 6, 5)
    assert add_working_days(friday, 1) == date(2026, 6, 8)
    assert add_working_days(friday, 5) == date(2026, 6, 12)


def test_adding_working_days_skips_idul_fitri_and_its_cuti_bersama():
    before = date(2026, 3, 17)
    assert add_working_days(before, 1) == date(2026, 3, 25)
    assert add_working_days(before, 5) == date(2026, 3, 31)
    assert working_days_between(before, date(2026, 3, 24)) == 0
    assert working_days_between(before, date(2026, 3, 31)) == 5


def test_adding_working_days_crosses_christmas_and_new_year():
    # Thu 24 Dec 2026 cuti bersama, Fri 25 Natal, Fri 1 Jan 2027 Tahun Baru.
    tuesday = date(2026, 12, 22)
    assert add_working_days(tuesday, 1) == date(2026, 12, 23)
    assert add_working_days(tuesday, 2) == date(2026, 12, 28)
    assert add_working_days(tuesday, 6) == date(2027, 1, 4)
    assert working_days_between(tuesday, date(2027, 1, 4)) == 6


def test_the_agencys_own_closed_days_are_skipped_too():
    monday = date(2026, 6, 8)
    closed = {date(2026, 6, 9), date(2026, 6, 10)}
    assert not is_working_day(date(2026, 6, 9), closed=closed)
    assert add_working_days(monday, 1, closed=closed) == date(2026, 6, 11)
    assert working_days_between(monday, date(2026, 6, 12), closed=closed) == 2


def test_count_zero_is_the_day_itself_or_the_next_working_day():
    assert add_working_days(date(2026, 6, 8), 0) == date(2026, 6, 8)
    assert add_working_days(date(2026, 6, 6), 0) == date(2026, 6, 8)  # a Saturday
    assert add_working_days(date(2026, 3, 19), 0) == date(2026, 3, 25)


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 6, 8), -1)


def test_counting_from_a_day_to_itself_or_backwards_is_zero():
    monday = date(2026, 6, 8)
    assert working_days_between(monday, monday) == 0
    assert working_days_between(monday, monday - timedelta(days=10)) == 0


def test_holidays_have_their_indonesian_names_and_other_days_none():
    assert holiday_name(date(2026, 12, 25)) == "Hari Raya Natal"
    assert holiday_name(date(2026, 3, 23)) == "Cuti Bersama Hari Raya Idul Fitri"
    assert holiday_name(date(2026, 6, 8)) is None
    assert holiday_name(date(2026, 6, 6)) is None  # a plain Saturday


days = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))


@given(start=days, count=st.integers(min_value=0, max_value=60))
def test_adding_and_counting_working_days_are_inverse_from_a_working_day(start, count):
    start = add_working_days(start, 0)
    end = add_working_days(start, count)
    assert is_working_day(end)
    assert working_days_between(start, end) == count


@given(start=days, span=st.integers(min_value=0, max_value=90))
def test_the_working_days_counted_from_any_day_to_a_working_day_lead_back_to_it(start, span):
    end = add_working_days(start + timedelta(days=span), 0)
    assert add_working_days(start, working_days_between(start, end)) == end
