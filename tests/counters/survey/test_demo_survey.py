"""Demo SKM answers: part of the demo history is rated, reproducibly and only once."""

import pytest

from counters.models import SurveyResponse
from counters.survey.demo import seed_surveys
from tests.counters.reports.conftest import make_ticket

pytestmark = pytest.mark.django_db


def test_demo_answers_cover_part_of_the_done_tickets_and_reseeding_adds_none(
    service_a, location, no_scope
):
    for number in range(1, 41):
        make_ticket(
            service=service_a,
            location=location,
            number=number % 60,
            status="done",
            wait_min=5,
            serve_min=5,
            hour=8 + number // 60,
        )
    make_ticket(service=service_a, location=location, number=59, status="no_show", wait_min=5)
    created = seed_surveys(location)
    assert 0 < created < 40
    assert SurveyResponse.objects.count() == created
    assert not SurveyResponse.objects.filter(ticket__status="no_show").exists()
    assert seed_surveys(location) == 0
    assert SurveyResponse.objects.count() == created
