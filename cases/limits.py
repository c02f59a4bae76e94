"""The lookup's limit per case code: after WRONG_DIGITS_PER_DAY wrong NIK digits for one
code in a local (WITA) day, that code's lookups are refused until the next day. Counted on
the shared cache so that every app node sees the same count; the limit per client address
is the middleware's (settings.PUBLIC_WRITE_LIMITS)."""

from common import clock
from common.counting import day_count, day_limit_reached

# Four digits are 10,000 guesses: at five a day, one code would take years to guess.
WRONG_DIGITS_PER_DAY = 5
SCOPE = "case-lookup"


def code_is_locked(code: str) -> bool:
    """Whether `code` had its day's share of wrong digits."""
    return day_limit_reached(SCOPE, clock.today(), {"code": WRONG_DIGITS_PER_DAY}, code=code)


def count_wrong_digits(code: str) -> None:
    """One more wrong attempt at `code` today. Counted for codes that do not exist too:
    a limit that only real codes reach would tell which codes are real."""
    day_count(SCOPE, clock.today(), code=code)
