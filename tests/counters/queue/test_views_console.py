"""The counter console: sign-in, counters of one's own agency, htmx actions, isolation."""

import pytest
from django_scopes import scopes_disabled

from counters.models import CounterPause, Ticket, TicketEvent
from counters.queue import services as queue
from tests.factories import CounterFactory, UserFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def act(client, counter, action, data=None, **extra):
    return client.post(f"/loket/{counter.pk}/{action}/", data or {}, **HTMX, **extra)


def test_console_needs_a_signed_in_operator(client, counter_a):
    assert client.get("/loket/")["Location"].startswith("/akun/masuk/")
    client.force_login(UserFactory())
    assert client.get("/loket/").status_code == 403


def test_console_lists_only_the_operators_agency_counters(client, counter_a, counter_b, operator_a):
    client.force_login(operator_a)
    body = client.get("/loket/").content.decode()
    assert f"/loket/{counter_a.pk}/" in body and f"/loket/{counter_b.pk}/" not in body


def test_an_operator_works_a_ticket_from_call_to_finish(
    client, service_a, location, counter_a, operator_a
):
    ticket = queue.ticket_issue(service=service_a, location=location, priority="lansia")
    client.force_login(operator_a)
    page = client.get(f"/loket/{counter_a.pk}/").content.decode()
    assert "Prioritas: Lansia" in page and 'data-shortcut="n"' in page
    called = act(client, counter_a, "call-next").content.decode()
    assert "Memanggil A-001." in called and 'data-shortcut="m"' in called
    act(client, counter_a, "start", {"ticket": ticket.code})
    finished = act(client, counter_a, "finish", {"ticket": ticket.code}).content.decode()
    assert "A-001: berhasil." in finished
    with scopes_disabled():
        actions = list(TicketEvent.objects.values_list("action", flat=True))
    assert actions == ["issued", "called", "started", "finished"]


def test_a_refused_action_is_explained_and_changes_nothing(
    client, service_a, location, counter_a, operator_a
):
    ticket = queue.ticket_issue(service=service_a, location=location)
    client.force_login(operator_a)
    response = act(client, counter_a, "finish", {"ticket": ticket.code})
    assert response.status_code == 200
    assert "tidak bisa diselesaikan" in response.content.decode()
    with scopes_disabled():
        assert Ticket.objects.get().status == "waiting"


def test_out_of_order_call_by_number_with_reason(
    client, service_a, location, counter_a, operator_a
):
    queue.ticket_issue(service=service_a, location=location)
    queue.ticket_issue(service=service_a, location=location)
    client.force_login(operator_a)
    body = act(client, counter_a, "call", {"number": "a-2", "reason": "Lansia datang"}).content
    assert "Memanggil A-002." in body.decode()
    missing = act(client, counter_a, "call", {"number": "A-9", "reason": "x"}).content.decode()
    assert "tidak sedang menunggu" in missing


def test_pause_resume_and_transfer_from_the_console(
    client, service_a, service_b, location, counter_a, operator_a
):
    client.force_login(operator_a)
    act(client, counter_a, "pause", {"reason": "prayer", "note": "Salat zuhur"})
    with scopes_disabled():
        assert CounterPause.objects.get().note == "Salat zuhur"
    paused = act(client, counter_a, "call-next").content.decode()
    assert "Loket sedang jeda" in paused and "Lanjutkan melayani" in paused
    act(client, counter_a, "resume")
    ticket = queue.ticket_issue(service=service_a, location=location)
    act(client, counter_a, "call-next")
    act(client, counter_a, "start", {"ticket": ticket.code})
    act(client, counter_a, "transfer", {"ticket": ticket.code, "service": service_b.pk})
    with scopes_disabled():
        live = Ticket.objects.exclude(status="transferred").get(code=ticket.code)
    assert live.service == service_b and live.status == "waiting"


def test_the_waiting_list_is_polled_as_a_small_partial(
    client, service_a, location, counter_a, operator_a, django_assert_max_num_queries
):
    queue.ticket_issue(service=service_a, location=location)
    client.force_login(operator_a)
    with django_assert_max_num_queries(12):
        response = client.get(f"/loket/{counter_a.pk}/?bagian=antrian", **HTMX)
    body = response.content.decode()
    assert body.startswith('\n<div id="waiting-list"') and "A-001" in body


def test_an_operator_of_a_can_do_nothing_at_bs_counter(
    client, service_b, location, counter_a, counter_b, operator_a
):
    ticket_b = queue.ticket_issue(service=service_b, location=location)
    client.force_login(operator_a)
    assert client.get(f"/loket/{counter_b.pk}/").status_code == 404
    for action in ("open", "call-next", "close", "pause"):
        assert act(client, counter_b, action).status_code == 404
    # Through A's own counter, B's ticket is not found either.
    refused = act(client, counter_a, "cancel", {"ticket": ticket_b.code}).content.decode()
    assert "Tiket tidak ditemukan." in refused
    other_counter = CounterFactory(agency=counter_a.agency, location=location, number=5)
    assert client.get(f"/loket/{other_counter.pk}/").status_code == 200
    with scopes_disabled():
        ticket_b.refresh_from_db()
    assert ticket_b.status == "waiting"


def test_board_page_renders_full_screen_with_its_feed_url(client, location):
    body = client.get(f"/antrian/layar/{location.slug}/").content.decode()
    assert f'data-feed-url="/api/v1/boards/{location.slug}"' in body
    assert "js/board.js" in body and "<script>" not in body
    assert client.get("/antrian/layar/tidak-ada/").status_code == 404
