"""The survey page: offered on a done ticket, saved once, refused otherwise."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from counters.models import SurveyResponse
from counters.queue import services as queue

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


def form_data(**overrides):
    data = {f: "3" for f in ("u1_requirements", "u2_procedure", "u3_duration", "u4_cost")}
    data |= {f: "4" for f in ("u5_product", "u6_competence", "u7_behaviour", "u8_complaints")}
    data |= {"u9_facilities": "2", "age": "41", "sex": "L", "education": "d4_s1"}
    data |= {"occupation": "pns", "suggestion": "Antrian rapi"}
    return data | overrides


def test_done_ticket_page_links_to_the_survey(client, done_ticket):
    page = client.get(reverse("counters:ticket_status", args=[done_ticket.code]))
    assert reverse("counters:survey", args=[done_ticket.code]) in page.content.decode()


def test_visitor_rates_once_and_sees_thanks_afterwards(client, done_ticket):
    url = reverse("counters:survey", args=[done_ticket.code])
    assert "kesesuaian persyaratan pelayanan" in client.get(url).content.decode()
    response = client.post(url, form_data())
    assert response.status_code == 302
    again = client.post(url, form_data(u1_requirements="1"))
    assert "sudah kami terima" in again.content.decode()
    with scopes_disabled():
        saved = SurveyResponse.objects.get()
    assert saved.answers == [3, 3, 3, 3, 4, 4, 4, 4, 2]
    assert saved.suggestion == "Antrian rapi"


def test_out_of_range_answer_is_refused_by_the_form(client, done_ticket):
    url = reverse("counters:survey", args=[done_ticket.code])
    response = client.post(url, form_data(u9_facilities="5"))
    assert response.status_code == 200
    assert "Periksa kembali" in response.content.decode()
    with scopes_disabled():
        assert not SurveyResponse.objects.exists()


def test_waiting_ticket_gets_no_survey_form(client, service_a, location):
    with scope(agency=service_a.agency):
        ticket = queue.ticket_issue(service=service_a, location=location)
    url = reverse("counters:survey", args=[ticket.code])
    response = client.post(url, form_data())
    assert "setelah layanan Anda selesai" in response.content.decode()
    with scopes_disabled():
        assert not SurveyResponse.objects.exists()


def test_unknown_ticket_is_404(client, db):
    assert client.get(reverse("counters:survey", args=["TIDAKADA"])).status_code == 404


def test_submissions_are_rate_limited_per_address(client, done_ticket, settings):
    settings.PUBLIC_WRITE_LIMITS = {"counters:survey": (0, 600)}
    url = reverse("counters:survey", args=[done_ticket.code])
    response = client.post(url, form_data(), REMOTE_ADDR="198.51.100.9")
    assert response.status_code == 429
    with scopes_disabled():
        assert not SurveyResponse.objects.exists()
