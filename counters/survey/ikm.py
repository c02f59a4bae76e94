"""The IKM of PermenPAN-RB 14/2017: element means, index on 25–100 and its grade."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _

ELEMENT_COUNT = 9
GRADES = (
    (Decimal("88.31"), "A", _("Sangat Baik")),
    (Decimal("76.61"), "B", _("Baik")),
    (Decimal("65.00"), "C", _("Kurang Baik")),
    (Decimal("25.00"), "D", _("Tidak Baik")),
)
TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Ikm:
    respondents: int
    element_means: tuple[Decimal, ...]
    index: Decimal | None
    grade: str
    grade_label: str


def ikm_grade(index: Decimal) -> tuple[str, str]:
    """The regulation's letter and label for an index already rounded to two decimals."""
    for lower, letter, label in GRADES:
        if index >= lower:
            return letter, label
    return GRADES[-1][1], GRADES[-1][2]


def ikm_compute(*, respondents: int, element_sums: list[int]) -> Ikm:
    """IKM from the number of respondents and the sum of answers per element."""
    if respondents <= 0:
        return Ikm(0, (), None, "", "")
    if len(element_sums) != ELEMENT_COUNT:
        raise ValueError("IKM needs exactly nine element sums")
    means = tuple(Decimal(total) / respondents for total in element_sums)
    index = (sum(means) / ELEMENT_COUNT * 25).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
    letter, label = ikm_grade(index)
    return Ikm(
        respondents=respondents,
        element_means=tuple(m.quantize(TWO_PLACES, rounding=ROUND_HALF_UP) for m in means),
        index=index,
        grade=letter,
        grade_label=label,
    )


def enough_respondents(respondents: int) -> bool:
    """Whether an index (an agency's period report, a service, a counter, an officer) rests
    on enough answers to be shown: below settings.SKM_MIN_RESPONSES a handful of visitors'
    moods would be the figure."""
    return respondents >= settings.SKM_MIN_RESPONSES
