"""The lookup's limit per case code: after WRONG_DIGITS_PER_DAY wrong NIK digits for one
code in a local (WITA) day, that code's lookups are refused until the next day. Counted on
the shared cache so that every app node sees the same count; the limit per client address
is the middleware's (settings.PUBLIC_WRITE_LIMITS)."""

import hashlib
from datetime import date

from django.core.cache import cache

from common import clock
from common.counting import cache_count

# Four digits are 10,000 guesses: at five a day, one code would take years to guess.
WRONG_DIGITS_PER_DAY = 5
TWO_DAYS = 2 * 24 * 3600


def _key(code: str, day: date) -> str:
    # Hashed, so that no tracking code is written in clear to the cache.
    digest = hashlib.sha256(f"case-lookup:{code}".encode()).hexdigest()[:32]
    return f"case-lookup:{digest}:{day.isoformat()}"


def code_is_locked(code: str) -> bool:
    """Whether `code` had its day's share of wrong digits."""
    return (cache.get(_key(code, clock.today())) or 0) >= WRONG_DIGITS_PER_DAY


def count_wrong_digits(code: str) -> None:
    """One more wrong attempt at `code` today. Counted for codes that do not exist too:
    a limit that only real codes reach would tell which codes are real."""
    cache_count(_key(code, clock.today()), timeout=TWO_DAYS)
