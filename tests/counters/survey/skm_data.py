"""Answers of a period for the SKM report tests: a worked example computed by hand."""

from datetime import date

from django_scopes import scopes_disabled

from counters.models import ELEMENT_FIELDS, SurveyResponse
from counters.survey.periods import SkmPeriod
from tests.counters.reports.conftest import make_ticket

# A day of the third quarter (and second semester) of 2026, long ended.
Q3_DAY = date(2026, 8, 3)
Q3 = SkmPeriod(year=2026, code="q3")
# Four kinds of respondent, each answering eight times (32 respondents):
#   r1: 4 4 3 4 3 4 4 3 4   man, 19, SMA, swasta
#   r2: 3 3 3 4 3 3 4 2 3   man, 25, SMA, swasta
#   r3: 4 3 2 4 3 4 4 3 3   woman, 45, D4/S1, swasta
#   r4: 3 3 3 4 4 4 3 2 4   woman, 65, SD, lainnya
RESPONDENTS = (
    ([4, 4, 3, 4, 3, 4, 4, 3, 4], {"sex": "L", "age": 19, "education": "sma"}),
    ([3, 3, 3, 4, 3, 3, 4, 2, 3], {"sex": "L", "age": 25, "education": "sma"}),
    ([4, 3, 2, 4, 3, 4, 4, 3, 3], {"sex": "P", "age": 45, "education": "d4_s1"}),
    (
        [3, 3, 3, 4, 4, 4, 3, 2, 4],
        {"sex": "P", "age": 65, "education": "sd", "occupation": "lainnya"},
    ),
)
REPEAT = 8
COUNT = REPEAT * len(RESPONDENTS)


def answer_period(*, service, location, day=Q3_DAY, count=COUNT) -> None:
    """`count` answers on `day`, cycling through the four respondents above."""
    for number in range(1, count + 1):
        ticket = make_ticket(
            service=service, location=location, number=number, status="done", day=day
        )
        answers, profile = RESPONDENTS[(number - 1) % len(RESPONDENTS)]
        with scopes_disabled():
            SurveyResponse.objects.create(
                ticket=ticket,
                agency=ticket.agency,
                service=ticket.service,
                location=ticket.location,
                day=ticket.day,
                **({"occupation": "swasta"} | profile),
                **dict(zip(ELEMENT_FIELDS, answers, strict=True)),
            )
