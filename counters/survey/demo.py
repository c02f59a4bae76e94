"""Demo SKM answers for the finished demo history: about four in ten visitors rate the service,
some with a suggestion for the agency's inbox."""

import random

from counters.queue.models import Ticket
from counters.survey.models import ELEMENT_FIELDS, SurveyResponse
from counters.survey.suggestions.models import Suggestion
from services.models import Location

SHARE = 0.4
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


def _answers(rng: random.Random, lean: float) -> list[int]:
    return [min(4, max(1, round(rng.gauss(3.3 + lean, 0.55)))) for _ in ELEMENT_FIELDS]


def seed_surveys(location: Location) -> int:
    """Answers for done demo tickets that have none yet; reproducible per ticket."""
    done = Ticket.objects.filter(
        location=location, status=Ticket.Status.DONE, survey__isnull=True
    ).select_related("agency")
    responses = []
    for ticket in done:
        rng = random.Random(ticket.pk)  # noqa: S311 — demo data, reproducible
        if rng.random() >= SHARE:
            continue
        responses.append(
            SurveyResponse(
                ticket=ticket,
                agency_id=ticket.agency_id,
                service_id=ticket.service_id,
                location_id=ticket.location_id,
                counter_id=ticket.counter_id,
                day=ticket.day,
                age=rng.randint(17, 70),
                sex=rng.choice(SurveyResponse.Sex.values),
                education=rng.choice(SurveyResponse.Education.values),
                occupation=rng.choice(SurveyResponse.Occupation.values),
                suggestion=rng.choice(SUGGESTIONS) if rng.random() < 0.3 else "",
                **dict(
                    zip(
                        ELEMENT_FIELDS,
                        _answers(rng, LEANING.get(ticket.agency.slug, 0.0)),
                        strict=True,
                    )
                ),
            )
        )
    SurveyResponse.objects.bulk_create(responses, ignore_conflicts=True)
    _open_suggestions(location)
    return len(responses)


def _open_suggestions(location: Location) -> None:
    """The demo suggestions wait, open, in their agencies' inboxes (no contact was left)."""
    unread = SurveyResponse.objects.filter(
        location=location, suggestion_record__isnull=True
    ).exclude(suggestion="")
    Suggestion.objects.bulk_create(
        Suggestion(
            response=response, agency_id=response.agency_id, received_at=response.submitted_at
        )
        for response in unread.only("pk", "agency_id", "submitted_at")
    )
