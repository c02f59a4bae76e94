"""The kiosk pages and the visitor's ticket page."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django_scopes import scopes_disabled

from common import clock
from counters.models import AgencySchedule, BoardSetting, DailyIssueCount, DailyQuota, Ticket
from counters.queue import services as queue
from counters.queue.selectors.kiosk import USAGE_DAYS, kiosk_services
from tests.qr_reader import read_qr, svg_in_page

pytestmark = pytest.mark.django_db
OUTSIDE = {"REMOTE_ADDR": "203.0.113.7"}


def priority_url(location, service):
    return f"/antrian/ambil/{location.slug}/{service.agency.slug}/{service.slug}/"


def test_kiosk_start_goes_straight_to_the_only_active_location(client, location):
    response = client.get("/antrian/ambil/")
    assert response.status_code == 302
    assert response["Location"] == f"/antrian/ambil/{location.slug}/"


def test_kiosk_lists_agencies_with_closed_ones_saying_why(
    monkeypatch, client, service_a, service_b, location
):
    with scopes_disabled():
        AgencySchedule.objects.filter(agency=service_b.agency, weekday=4).delete()
    monkeypatch.setattr(
        clock, "now", lambda: datetime(2026, 11, 27, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    )
    body = client.get(f"/antrian/ambil/{location.slug}/").content.decode()
    assert f'href="/antrian/ambil/{location.slug}/instansi-a/"' in body
    assert "B tidak melayani di lokasi ini pada hari Jumat" in body
    assert f'href="/antrian/ambil/{location.slug}/instansi-b/"' not in body


def test_services_page_marks_a_full_quota(client, service_a, service_a2, location):
    with scopes_disabled():
        DailyQuota.objects.create(
            agency=service_a.agency, service=service_a, location=location, limit=1
        )
    queue.ticket_issue(service=service_a, location=location)
    body = client.get(f"/antrian/ambil/{location.slug}/instansi-a/").content.decode()
    assert "Kuota hari ini sudah habis." in body
    assert f'href="{priority_url(location, service_a2)}"' in body
    assert f'href="{priority_url(location, service_a)}"' not in body


def test_a_kiosk_issues_a_ticket_and_shows_a_printable_slip_with_qr(client, service_a, location):
    response = client.post(priority_url(location, service_a), {"priority": "ibu_hamil"})
    with scopes_disabled():
        ticket = Ticket.objects.get()
    assert (ticket.source, ticket.priority) == (Ticket.Source.KIOSK, "ibu_hamil")
    assert response["Location"] == f"/antrian/ambil/tiket/{ticket.code}/"
    slip = client.get(response["Location"]).content.decode()
    assert "A-001" in slip and "<svg" in slip and "paper-80" in slip
    assert f"/antrian/tiket/{ticket.code}/" in slip


@override_settings(KIOSK_ALLOWED_NETWORKS=["10.20.0.0/16"])
def test_issuing_elsewhere_is_refused_with_a_clear_message(client, service_a, location):
    response = client.post(priority_url(location, service_a), {"priority": ""}, **OUTSIDE)
    assert response.status_code == 403
    assert "hanya dapat diambil di kios MPP" in response.content.decode()
    kiosk_pc = client.post(priority_url(location, service_a), {}, REMOTE_ADDR="10.20.3.4")
    assert kiosk_pc.status_code == 302
    with scopes_disabled():
        assert Ticket.objects.count() == 1


def test_signed_in_staff_may_issue_for_their_agency_from_anywhere(
    client, service_a, location, operator_a, operator_b
):
    client.force_login(operator_b)
    assert client.post(priority_url(location, service_a), {}, **OUTSIDE).status_code == 403
    client.force_login(operator_a)
    assert client.post(priority_url(location, service_a), {}, **OUTSIDE).status_code == 302
    with scopes_disabled():
        assert Ticket.objects.get().source == Ticket.Source.STAFF


def test_a_closed_service_cannot_be_taken_and_the_kiosk_says_why(
    monkeypatch, client, service_a, location
):
    with scopes_disabled():
        AgencySchedule.objects.update(opens_at=time(8), closes_at=time(15))
    monkeypatch.setattr(
        clock, "now", lambda: datetime(2026, 11, 26, 16, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    )
    response = client.post(priority_url(location, service_a), {})
    assert response.status_code == 409
    assert "Sudah tutup" in response.content.decode()
    with scopes_disabled():
        assert not Ticket.objects.exists()


def test_ticket_page_shows_place_in_line_and_refreshes_itself(client, service_a, location):
    queue.ticket_issue(service=service_a, location=location)
    ticket = queue.ticket_issue(service=service_a, location=location)
    body = client.get(f"/antrian/tiket/{ticket.code}/").content.decode()
    assert "A-002" in body and "1 orang" in body and 'data-hx-trigger="every 2s"' in body
    partial = client.get(f"/antrian/tiket/{ticket.code}/", HTTP_HX_REQUEST="true")
    assert "<html" not in partial.content.decode() and "A-002" in partial.content.decode()
    assert client.get("/antrian/tiket/tidak-ada/").status_code == 404


def test_ticket_page_tells_the_counter_when_called(
    client, service_a, location, counter_a, operator_a, in_a
):
    ticket = queue.ticket_issue(service=service_a, location=location)
    queue.ticket_call_next(counter=counter_a, operator=operator_a)
    body = client.get(f"/antrian/tiket/{ticket.code}/").content.decode()
    assert "Silakan menuju loket 1" in body


def test_ticket_page_query_budget(client, service_a, location, django_assert_max_num_queries):
    ticket = queue.ticket_issue(service=service_a, location=location)
    with django_assert_max_num_queries(6):
        client.get(f"/antrian/tiket/{ticket.code}/", HTTP_HX_REQUEST="true")


def test_revalidated_ticket_page_shows_the_queue_moving_at_once(
    client, service_a, location, counter_a, operator_a, in_a, django_assert_max_num_queries
):
    first = queue.ticket_issue(service=service_a, location=location)
    mine = queue.ticket_issue(service=service_a, location=location)
    url = f"/antrian/tiket/{mine.code}/"
    page = client.get(url)
    assert "1 orang" in page.content.decode()
    # The browser revalidates with the page's ETag: unchanged, without the database.
    with django_assert_max_num_queries(0):
        assert client.get(url, HTTP_IF_NONE_MATCH=page["ETag"]).status_code == 304
    queue.ticket_call_next(counter=counter_a, operator=operator_a)
    assert "1 orang" not in client.get(url).content.decode()
    queue.ticket_start(ticket=first, operator=operator_a)
    queue.ticket_finish(ticket=first, operator=operator_a)
    queue.ticket_call_next(counter=counter_a, operator=operator_a)
    assert "Silakan menuju loket 1" in client.get(url).content.decode()


def test_the_slip_qr_is_read_by_zbar_as_the_ticket_page_address(client, service_a, location):
    client.post(priority_url(location, service_a), {"priority": ""})
    with scopes_disabled():
        ticket = Ticket.objects.get()
    for paper in ("58", "80"):
        with scopes_disabled():
            BoardSetting.objects.update_or_create(
                location=location, defaults={"kiosk_paper": paper}
            )
        slip = client.get(f"/antrian/ambil/tiket/{ticket.code}/").content.decode()
        expected = f"http://testserver/antrian/tiket/{ticket.code}/"
        assert f"paper-{paper}" in slip
        assert read_qr(svg_in_page(slip)) == expected


def test_the_slip_and_the_phone_word_the_wait_alike(client, service_a, location):
    first = queue.ticket_issue(service=service_a, location=location)
    second = queue.ticket_issue(service=service_a, location=location)
    for ticket, wording in [(first, "sebentar lagi"), (second, "± 10 menit")]:
        slip = client.get(f"/antrian/ambil/tiket/{ticket.code}/").content.decode()
        phone = client.get(f"/antrian/tiket/{ticket.code}/").content.decode()
        assert f"<dd>{wording}</dd>" in slip and f"<dd>{wording}</dd>" in phone
        assert "± 0" not in slip + phone


def test_the_slip_paper_is_set_by_staff_not_offered_to_citizens(client, service_a, location):
    ticket = queue.ticket_issue(service=service_a, location=location)
    url = f"/antrian/ambil/tiket/{ticket.code}/"
    slip = client.get(url + "?kertas=58").content.decode()
    assert "paper-80" in slip and "kertas=" not in slip and "58 mm" not in slip
    with scopes_disabled():
        BoardSetting.objects.create(location=location, kiosk_paper="58")
    assert "paper-58" in client.get(url).content.decode()


def test_kiosk_lists_the_services_most_used_here_lately_first(
    service_a, service_a2, agency_a, location
):
    today = clock.today()
    with scopes_disabled():
        for service, days_ago, issued in [
            (service_a, 1, 5),
            (service_a2, 2, 8),
            # Older than the window: a past rush does not decide today's order.
            (service_a, USAGE_DAYS, 100),
        ]:
            DailyIssueCount.objects.create(
                service=service,
                location=location,
                day=today - timedelta(days=days_ago),
                issued=issued,
            )
        order = [
            c.item for c in kiosk_services(location=location, agency=agency_a, moment=clock.now())
        ]
    assert order == [service_a2, service_a]
