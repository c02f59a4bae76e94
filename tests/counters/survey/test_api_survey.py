"""The survey API: one answer per done ticket, and an agency's public IKM."""

import pytest
from django.core.cache import cache
from django_scopes import scope

from counters.queue import services as queue
from tests.counters.reports.conftest import DAY, handmade_day  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
BODY = {
    "answers": [4, 4, 3, 4, 3, 4, 4, 3, 4],
    "age": 29,
    "sex": "P",
    "education": "d4_s1",
    "occupation": "swasta",
}


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


def post(client, code, body):
    return client.post(f"/api/v1/tickets/{code}/survey", body, content_type="application/json")


def test_done_ticket_survey_is_created_once(client, done_ticket):
    assert post(client, done_ticket.code, BODY).status_code == 201
    again = post(client, done_ticket.code, BODY)
    assert again.status_code == 409
    assert again.json()["code"] == "survey_refused"


def test_out_of_range_answer_is_422(client, done_ticket):
    response = post(client, done_ticket.code, BODY | {"answers": [5] * 9})
    assert response.status_code == 422
    assert response.json()["detail"]


def test_waiting_ticket_survey_is_409(client, service_a, location):
    with scope(agency=service_a.agency):
        ticket = queue.ticket_issue(service=service_a, location=location)
    assert post(client, ticket.code, BODY).status_code == 409


def test_unknown_ticket_survey_is_404(client, db):
    assert post(client, "TIDAKADA", BODY).status_code == 404


@pytest.mark.usefixtures("handmade_day")
def test_agency_ikm_is_public_and_matches_the_worked_example(client, agency_a):
    response = client.get(
        f"/api/v1/agencies/{agency_a.slug}/ikm", {"from": DAY.isoformat(), "to": DAY.isoformat()}
    )
    body = response.json()
    assert body["n"] == 4
    assert body["ikm"] == 84.03
    assert body["grade"] == "B"
    assert body["elements"][0] == {"element": "Persyaratan", "mean": 3.5}


def test_agency_ikm_refuses_a_reversed_period(client, agency_a):
    response = client.get(
        f"/api/v1/agencies/{agency_a.slug}/ikm", {"from": "2026-11-05", "to": "2026-11-01"}
    )
    assert response.status_code == 422


def test_unknown_agency_ikm_is_404(client, db):
    assert client.get("/api/v1/agencies/tidak-ada/ikm").status_code == 404
