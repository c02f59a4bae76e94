"""The periods an SKM report covers: a quarter (triwulan) or a semester of a year."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

# Reports of the years the portal can have answers for; a wider year is not a period.
FIRST_YEAR, LAST_YEAR = 2000, 2999
# code -> (first month, months)
PERIODS = {
    "q1": (1, 3),
    "q2": (4, 3),
    "q3": (7, 3),
    "q4": (10, 3),
    "s1": (1, 6),
    "s2": (7, 6),
}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class SkmPeriod:
    year: int
    code: str

    @classmethod
    def parse(cls, year: int, code: str) -> "SkmPeriod | None":
        """The period a URL names, or None for a year or a code that is not one."""
        code = code.lower()
        if code not in PERIODS or not FIRST_YEAR <= year <= LAST_YEAR:
            return None
        return cls(year=year, code=code)

    @classmethod
    def last_ended_quarter(cls, today: date) -> "SkmPeriod":
        quarter = (today.month - 1) // 3
        if quarter == 0:
            return cls(year=today.year - 1, code="q4")
        return cls(year=today.year, code=f"q{quarter}")

    @property
    def is_quarter(self) -> bool:
        return self.code.startswith("q")

    @property
    def number(self) -> int:
        return int(self.code[1])

    @property
    def start(self) -> date:
        return date(self.year, PERIODS[self.code][0], 1)

    @property
    def end(self) -> date:
        first, months = PERIODS[self.code]
        after = first + months
        following = date(self.year + 1, 1, 1) if after > 12 else date(self.year, after, 1)
        return following - timedelta(days=1)

    @property
    def previous(self) -> "SkmPeriod":
        """The period of the same kind before this one: whose follow-up plan this one's
        report shows with its progress."""
        if self.number > 1:
            return SkmPeriod(year=self.year, code=f"{self.code[0]}{self.number - 1}")
        last = 4 if self.is_quarter else 2
        return SkmPeriod(year=self.year - 1, code=f"{self.code[0]}{last}")

    @property
    def following(self) -> "SkmPeriod":
        """The period of the same kind after this one: whose report shows this one's plan."""
        last = 4 if self.is_quarter else 2
        if self.number < last:
            return SkmPeriod(year=self.year, code=f"{self.code[0]}{self.number + 1}")
        return SkmPeriod(year=self.year + 1, code=f"{self.code[0]}1")

    def has_ended(self, today: date) -> bool:
        return today > self.end

    @property
    def label(self) -> str:
        if self.is_quarter:
            return _("Triwulan %(number)s %(year)s") % {
                "number": ROMAN[self.number],
                "year": self.year,
            }
        return _("Semester %(number)s %(year)s") % {
            "number": ROMAN[self.number],
            "year": self.year,
        }


def period_choices() -> list[tuple[str, str]]:
    return [
        ("q1", _("Triwulan I")),
        ("q2", _("Triwulan II")),
        ("q3", _("Triwulan III")),
        ("q4", _("Triwulan IV")),
        ("s1", _("Semester I")),
        ("s2", _("Semester II")),
    ]
