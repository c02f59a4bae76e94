"""The SKM survey is taken once per done ticket, with answers in range only."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django_scopes import scope, scopes_disabled

from common.errors import DomainError
from counters.models import SurveyResponse
from counters.queue import services as queue
from counters.survey.services import SurveyRefused, survey_submit
from tests.counters.survey.conftest import ANSWER

pytestmark = pytest.mark.django_db


def submit(ticket, answers=None, **overrides):
    return survey_submit(
        ticket=ticket, answers=answers or [4, 3, 3, 4, 3, 4, 4, 3, 4], **{**ANSWER, **overrides}
    )


def test_done_ticket_answer_copies_agency_service_and_location(done_ticket):
    response = submit(done_ticket, suggestion="  Ruang tunggu kurang kursi  ")
    assert response.agency_id == done_ticket.agency_id
    assert response.service_id == done_ticket.service_id
    assert response.location_id == done_ticket.location_id
    assert response.answers == [4, 3, 3, 4, 3, 4, 4, 3, 4]
    assert response.suggestion == "Ruang tunggu kurang kursi"


def test_second_answer_for_the_same_ticket_is_refused(done_ticket):
    submit(done_ticket)
    with pytest.raises(SurveyRefused):
        submit(done_ticket, answers=[1] * 9)
    with scopes_disabled():
        assert SurveyResponse.objects.get().u1_requirements == 4


def test_ticket_not_done_is_refused(service_a, location):
    with scope(agency=service_a.agency):
        ticket = queue.ticket_issue(service=service_a, location=location)
    with pytest.raises(SurveyRefused):
        submit(ticket)
    with scopes_disabled():
        assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize(
    ("answers", "overrides"),
    [
        ([4, 3, 3, 4, 3, 4, 4, 3, 5], {}),
        ([0, 3, 3, 4, 3, 4, 4, 3, 4], {}),
        ([4, 3, 3, 4, 3, 4, 4, 3], {}),
        (None, {"age": 7}),
        (None, {"sex": "X"}),
        (None, {"education": "tk"}),
        (None, {"occupation": "artis"}),
    ],
)
def test_out_of_range_answers_are_refused(done_ticket, answers, overrides):
    with pytest.raises(DomainError) as caught:
        submit(done_ticket, answers=answers, **overrides)
    assert caught.value.status == 422


def test_database_refuses_an_answer_out_of_the_one_to_four_scale(done_ticket):
    submit(done_ticket)
    with scopes_disabled(), pytest.raises(IntegrityError), transaction.atomic():
        SurveyResponse.objects.update(u9_facilities=5)


@pytest.mark.django_db(transaction=True)
def test_parallel_double_submit_records_exactly_one(done_ticket):
    outcomes = []
    barrier = threading.Barrier(2)

    def attempt():
        try:
            barrier.wait()
            submit(done_ticket)
            outcomes.append("ok")
        except SurveyRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "refused"]
    with scopes_disabled():
        assert SurveyResponse.objects.count() == 1
