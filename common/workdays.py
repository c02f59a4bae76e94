"""Working days of the agencies in Kutai Timur (local WITA dates): the one calendar that case
due dates and complaint deadlines count on."""

from collections.abc import Collection, Mapping
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from types import MappingProxyType

import holidays
from django.utils import timezone


def _calendar(year: int, categories: tuple[str, ...]) -> Mapping[date, str]:
    # Read only, since every caller shares the cached mapping.
    return MappingProxyType(
        dict(holidays.country_holidays("ID", years=year, categories=categories, language="id"))
    )


@lru_cache(maxsize=16)
def national_holidays(year: int) -> Mapping[date, str]:
    """The national holidays of one year with their Indonesian names (no booking slots)."""
    return _calendar(year, ("public",))


@lru_cache(maxsize=16)
def _days_off(year: int) -> Mapping[date, str]:
    """National holidays and cuti bersama (the "government" category), which closes
    government offices like a national holiday: no working day for a due date."""
    return _calendar(year, ("public", "government"))


def holiday_name(day: date) -> str | None:
    """The Indonesian name of the national holiday or cuti bersama on `day`, else None."""
    return _days_off(day.year).get(day)


def is_working_day(day: date, *, closed: Collection[date] = frozenset()) -> bool:
    """Monday to Friday, neither a national holiday, cuti bersama nor one of the agency's
    own `closed` days."""
    return day.weekday() < 5 and day not in _days_off(day.year) and day not in closed


def add_working_days(day: date, count: int, *, closed: Collection[date] = frozenset()) -> date:
    """The `count`-th working day after `day`; with count 0, `day` itself when it is a
    working day, else the next working day."""
    if count < 0:
        raise ValueError("count must not be negative")
    if count == 0:
        while not is_working_day(day, closed=closed):
            day += timedelta(days=1)
        return day
    while count:
        day += timedelta(days=1)
        if is_working_day(day, closed=closed):
            count -= 1
    return day


def working_days_between(start: date, end: date, *, closed: Collection[date] = frozenset()) -> int:
    """How many working days d there are with start < d <= end (0 when end <= start)."""
    return sum(
        is_working_day(start + timedelta(days=offset), closed=closed)
        for offset in range(1, (end - start).days + 1)
    )


def end_of_day(day: date) -> datetime:
    """The last instant of a local (WITA) day: a deadline "on" that day holds all of it."""
    return timezone.make_aware(datetime.combine(day, time.max))


def working_deadline(
    moment: datetime, days: int, *, closed: Collection[date] = frozenset()
) -> datetime:
    """The end of the `days`-th working day after the local day of `moment`."""
    return end_of_day(add_working_days(timezone.localtime(moment).date(), days, closed=closed))
