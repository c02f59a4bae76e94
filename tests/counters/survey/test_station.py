"""The exit survey station: a slip scanned or its number typed, the survey once, refusals."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import override_settings
from django_scopes import scope, scopes_disabled

from common import clock
from counters.models import SurveyResponse, Ticket
from counters.queue import services as queue
from tests.counters.survey.conftest import serve_to_done
from tests.counters.survey.test_views_survey import form_data
from tests.factories import LocationFactory
from tests.qr_reader import read_qr, svg_in_page

pytestmark = pytest.mark.django_db
OUTSIDE = {"REMOTE_ADDR": "203.0.113.7"}


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


def start_url(location):
    return f"/antrian/survei/{location.slug}/"


def answered() -> int:
    with scopes_disabled():
        return SurveyResponse.objects.count()


def test_the_slips_qr_read_by_a_real_decoder_opens_the_survey_and_it_is_saved_once(
    client, done_ticket, location
):
    slip = client.get(f"/antrian/ambil/tiket/{done_ticket.code}/").content.decode()
    scanned = read_qr(svg_in_page(slip))
    found = client.post(start_url(location), {"entry": scanned})
    survey_url = f"/antrian/survei/{location.slug}/tiket/{done_ticket.code}/"
    assert (found.status_code, found["Location"]) == (302, survey_url)
    page = client.get(survey_url).content.decode()
    assert "kesesuaian persyaratan pelayanan" in page
    assert done_ticket.display_number in page
    sent = client.post(survey_url, form_data())
    assert (sent.status_code, sent["Location"]) == (302, f"{start_url(location)}terima-kasih/")
    with scopes_disabled():
        saved = SurveyResponse.objects.get()
    assert saved.ticket_id == done_ticket.pk
    assert saved.answers == [3, 3, 3, 3, 4, 4, 4, 4, 2]
    again = client.post(start_url(location), {"entry": scanned})
    assert again.status_code == 409
    assert "sudah diisi" in again.content.decode()


@pytest.mark.parametrize("typed", ["A-001", "a 1", "A001", " a-0001 "])
def test_the_typed_number_of_todays_slip_is_found(client, done_ticket, location, typed):
    response = client.post(start_url(location), {"entry": typed})
    assert response["Location"].endswith(f"/tiket/{done_ticket.code}/")


def test_the_thank_you_screen_returns_to_the_start_without_javascript(client, location):
    page = client.get(f"{start_url(location)}terima-kasih/").content.decode()
    assert f'http-equiv="refresh" content="8; url={start_url(location)}"' in page


def refused(client, location, entry, status, message):
    response = client.post(start_url(location), {"entry": entry})
    assert response.status_code == status
    assert message in response.content.decode()
    return response


def test_an_unknown_number_or_code_is_refused_with_a_message(client, done_ticket, location):
    refused(client, location, "B-001", 404, "tidak dikenal di lokasi ini")
    refused(client, location, "x" * 300, 404, "tidak dikenal di lokasi ini")
    refused(client, location, "http://evil.example/antrian/tiket/", 404, "tidak dikenal")
    refused(client, location, "", 422, 'aria-invalid="true"')
    assert answered() == 0


def test_a_ticket_still_waiting_is_refused(client, service_a, location):
    with scope(agency=service_a.agency):
        ticket = queue.ticket_issue(service=service_a, location=location)
    refused(client, location, ticket.display_number, 409, "sudah selesai dilayani")
    survey_url = f"/antrian/survei/{location.slug}/tiket/{ticket.code}/"
    response = client.post(survey_url, form_data())
    assert response.status_code == 409
    assert answered() == 0


def test_a_ticket_of_another_day_is_refused(client, done_ticket, location):
    with scopes_disabled():
        Ticket.objects.filter(pk=done_ticket.pk).update(day=clock.today() - timedelta(days=1))
    refused(client, location, done_ticket.code, 409, "bukan dari hari ini")
    refused(client, location, "A-001", 404, "tidak dikenal")


def test_a_ticket_of_another_location_is_unknown_here(client, done_ticket, location):
    elsewhere = LocationFactory(slug="apt-uji")
    refused(client, elsewhere, done_ticket.code, 404, "tidak dikenal di lokasi ini")


def test_an_answer_sent_twice_is_saved_once(client, done_ticket, location):
    survey_url = f"/antrian/survei/{location.slug}/tiket/{done_ticket.code}/"
    client.post(survey_url, form_data())
    second = client.post(survey_url, form_data(u1_requirements="1"))
    assert second.status_code == 409
    assert "sudah diisi" in second.content.decode()
    assert answered() == 1


def test_an_incomplete_answer_keeps_the_form_with_a_message(client, done_ticket, location):
    survey_url = f"/antrian/survei/{location.slug}/tiket/{done_ticket.code}/"
    response = client.post(survey_url, form_data(u9_facilities="5"))
    assert response.status_code == 422
    assert "Periksa kembali" in response.content.decode()
    assert answered() == 0


@override_settings(KIOSK_ALLOWED_NETWORKS=["10.20.0.0/16"])
def test_off_the_kiosk_network_only_staff_may_use_the_station(
    client, done_ticket, location, operator_a
):
    survey_url = f"/antrian/survei/{location.slug}/tiket/{done_ticket.code}/"
    assert client.get(start_url(location), **OUTSIDE).status_code == 403
    assert client.post(survey_url, form_data(), **OUTSIDE).status_code == 403
    assert answered() == 0
    client.force_login(operator_a)
    assert client.post(survey_url, form_data(), **OUTSIDE).status_code == 302
    assert answered() == 1


def test_only_the_start_page_may_use_the_camera(client, done_ticket, location):
    start = client.get(start_url(location))
    assert "camera=(self)" in start["Permissions-Policy"]
    survey = client.get(f"/antrian/survei/{location.slug}/tiket/{done_ticket.code}/")
    assert "camera=()" in survey["Permissions-Policy"]
    assert "camera=()" in client.get("/antrian/ambil/")["Permissions-Policy"]


def test_station_lookups_past_the_kiosks_limit_are_refused(client, settings, done_ticket, location):
    settings.PUBLIC_WRITE_LIMITS = {"counters:station_start": (2, 600)}
    for _ in range(2):
        client.post(start_url(location), {"entry": "B-999"})
    assert client.post(start_url(location), {"entry": "A-001"}).status_code == 429


def test_a_second_finished_visit_of_the_same_number_is_not_confused(
    client, service_a, location, counter_a, operator_a
):
    first = serve_to_done(
        service=service_a, location=location, counter=counter_a, operator=operator_a
    )
    second = serve_to_done(
        service=service_a, location=location, counter=counter_a, operator=operator_a
    )
    response = client.post(start_url(location), {"entry": second.display_number})
    assert response["Location"].endswith(f"/tiket/{second.code}/")
    assert first.display_number == "A-001"
