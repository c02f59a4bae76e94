"""Demo SKM answers of the demo history: about four in ten visitors rate the service, a few
of them write a suggestion."""

import random

from counters.survey.models import ELEMENT_FIELDS, SurveyResponse
from counters.survey.suggestions.models import Suggestion
from services.models import Location

SHARE = 0.4
# Of those who answer, the few who also write something.
SUGGESTION_SHARE = 0.04
SUGGESTIONS = (
    "Petugas ramah dan cepat, terima kasih.",
    "Mohon tambah kursi di ruang tunggu, banyak yang berdiri.",
    "Parkir motor di Gedung Expo penuh pada pagi hari.",
    "Persyaratan sebaiknya dipasang juga di depan loket.",
    "Blangko KTP-el semoga selalu tersedia.",
    "Antrian lebih tertib sejak ada nomor dari kios.",
    "AC ruang tunggu kurang dingin saat siang.",
)
# A few agencies rated a little lower, so that the dashboard shows different grades.
LEANING = {"samsat": -0.4, "polres": -0.2, "dukcapil": 0.1}
# Columns of a demo answer after its ticket's own (ticket, agency, service, location,
# counter, day, submitted_at), in the order survey_answer gives them.
# Read once: an enum's .values builds its list again on every access.
SEXES = tuple(SurveyResponse.Sex.values)
EDUCATIONS = tuple(SurveyResponse.Education.values)
OCCUPATIONS = tuple(SurveyResponse.Occupation.values)
ANSWER_COLUMNS = [*ELEMENT_FIELDS, "age", "sex", "education", "occupation", "suggestion"]


def survey_answer(rng: random.Random, agency_slug: str) -> list | None:
    """One visitor's answer to the SKM (values in ANSWER_COLUMNS order), or None when this
    visitor does not answer."""
    if rng.random() >= SHARE:
        return None
    lean = LEANING.get(agency_slug, 0.0)
    elements = [min(4, max(1, round(rng.gauss(3.3 + lean, 0.55)))) for _ in ELEMENT_FIELDS]
    return [
        *elements,
        rng.randint(17, 70),
        rng.choice(SEXES),
        rng.choice(EDUCATIONS),
        rng.choice(OCCUPATIONS),
        rng.choice(SUGGESTIONS) if rng.random() < SUGGESTION_SHARE else "",
    ]


def open_suggestions(location: Location) -> None:
    """The demo history's suggestions wait, open, in their agencies' inboxes (no contact was
    left); those already there are left as they are."""
    unread = SurveyResponse.objects.filter(
        location=location, suggestion_record__isnull=True
    ).exclude(suggestion="")
    Suggestion.objects.bulk_create(
        Suggestion(
            response=response, agency_id=response.agency_id, received_at=response.submitted_at
        )
        for response in unread.only("pk", "agency_id", "submitted_at")
    )
