"""The queue API: issuing, ticket status, counters, call-next, actions and the boards feed."""

import pytest
from django_scopes import scopes_disabled

from counters.models import DailyQuota, Ticket
from counters.queue import services as queue
from tests.factories import LocationFactory, kiosk_token

pytestmark = pytest.mark.django_db
OUTSIDE = {"REMOTE_ADDR": "203.0.113.7"}


def post(client, url, data=None, token=None, **extra):
    if token:
        extra["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client.post(url, data or {}, content_type="application/json", **extra)


def test_a_kiosk_token_issues_a_ticket(client, service_a, location):
    response = post(
        client,
        "/api/v1/tickets",
        {"service": "instansi-a/ktp-el", "location": location.slug, "priority": "lansia"},
        token=kiosk_token(location),
        **OUTSIDE,
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["number"], body["status"], body["priority"]) == ("A-001", "waiting", "lansia")
    assert body["ahead"] == 0 and body["service"] == "instansi-a/ktp-el"
    with scopes_disabled():
        assert Ticket.objects.get().source == Ticket.Source.KIOSK


def test_issuing_needs_a_kiosk_of_that_location_or_staff_of_that_agency(
    client, service_a, location, operator_b
):
    payload = {"service": "instansi-a/ktp-el", "location": location.slug}
    assert post(client, "/api/v1/tickets", payload, **OUTSIDE).status_code == 401
    other_kiosk = kiosk_token(LocationFactory())
    refused = post(client, "/api/v1/tickets", payload, token=other_kiosk, **OUTSIDE)
    assert refused.status_code == 403 and refused.json()["code"] == "permission_denied"
    client.force_login(operator_b)
    assert post(client, "/api/v1/tickets", payload, **OUTSIDE).status_code == 403
    with scopes_disabled():
        assert not Ticket.objects.exists()


def test_staff_of_the_agency_issue_with_source_staff(client, service_a, location, operator_a):
    client.force_login(operator_a)
    payload = {"service": "instansi-a/ktp-el", "location": location.slug}
    assert post(client, "/api/v1/tickets", payload, **OUTSIDE).status_code == 201
    with scopes_disabled():
        ticket = Ticket.objects.get()
    assert (ticket.source, ticket.issued_by) == (Ticket.Source.STAFF, operator_a)


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"service": "instansi-a/tidak-ada", "location": "expo-uji"}, 404, "not_found"),
        ({"service": "instansi-a/ktp-el", "location": "tidak-ada"}, 404, "not_found"),
        ({"service": "instansi-a/ktp-el", "location": "expo-uji", "priority": "vip"}, 422, None),
        ({"location": "expo-uji"}, 422, "invalid"),
    ],
)
def test_bad_issue_requests_get_a_clear_error(client, service_a, location, payload, status, code):
    response = post(client, "/api/v1/tickets", payload, token=kiosk_token(location))
    assert response.status_code == status
    assert response.json()["detail"]
    if code:
        assert response.json()["code"] == code


def test_a_full_quota_is_a_409_saying_so(client, service_a, location):
    with scopes_disabled():
        DailyQuota.objects.create(
            agency=service_a.agency, service=service_a, location=location, limit=1
        )
    token = kiosk_token(location)
    payload = {"service": "instansi-a/ktp-el", "location": location.slug}
    assert post(client, "/api/v1/tickets", payload, token=token).status_code == 201
    full = post(client, "/api/v1/tickets", payload, token=token)
    assert full.status_code == 409 and full.json()["code"] == "quota_full"
    assert "Kuota" in full.json()["detail"]


def test_ticket_status_is_public_and_tells_the_place_in_line(client, service_a, location):
    first = queue.ticket_issue(service=service_a, location=location)
    second = queue.ticket_issue(service=service_a, location=location)
    body = client.get(f"/api/v1/tickets/{second.code}").json()
    assert (body["number"], body["ahead"], body["counter"]) == ("A-002", 1, None)
    assert body["estimated_wait_minutes"] == 10  # one ahead, the service's 10 minutes
    assert client.get(f"/api/v1/tickets/{first.code}x").status_code == 404


def test_call_next_and_actions_through_the_api(client, service_a, location, counter_a, operator_a):
    ticket = queue.ticket_issue(service=service_a, location=location)
    client.force_login(operator_a)
    called = post(client, f"/api/v1/counters/{counter_a.pk}/call-next")
    assert called.status_code == 200
    assert (called.json()["number"], called.json()["counter"]) == ("A-001", 1)
    assert post(client, f"/api/v1/tickets/{ticket.code}/start").json()["status"] == "serving"
    refused = post(client, f"/api/v1/tickets/{ticket.code}/no-show")
    assert refused.status_code == 409 and refused.json()["code"] == "invalid_transition"
    assert post(client, f"/api/v1/tickets/{ticket.code}/finish").json()["status"] == "done"
    assert post(client, f"/api/v1/counters/{counter_a.pk}/call-next").status_code == 204
    assert post(client, f"/api/v1/tickets/{ticket.code}/fly").status_code == 422  # no such action


def test_transfer_through_the_api_moves_the_visitor_to_the_other_agency(
    client, service_a, service_b, location, counter_a, operator_a
):
    ticket = queue.ticket_issue(service=service_a, location=location)
    client.force_login(operator_a)
    post(client, f"/api/v1/counters/{counter_a.pk}/call-next")
    post(client, f"/api/v1/tickets/{ticket.code}/start")
    missing = post(client, f"/api/v1/tickets/{ticket.code}/transfer", {})
    assert missing.status_code == 422
    moved = post(client, f"/api/v1/tickets/{ticket.code}/transfer", {"service": "instansi-b/skck"})
    assert moved.status_code == 200
    assert (moved.json()["status"], moved.json()["service"]) == ("waiting", "instansi-b/skck")
    assert client.get(f"/api/v1/tickets/{ticket.code}").json()["agency"] == "B"


def test_counter_pause_open_and_close_through_the_api(client, counter_a, operator_a):
    client.force_login(operator_a)
    no_reason = post(client, f"/api/v1/counters/{counter_a.pk}/pause", {"note": "x"})
    assert no_reason.status_code == 422
    paused = post(client, f"/api/v1/counters/{counter_a.pk}/pause", {"reason": "break"})
    assert paused.json()["paused"] is True
    assert post(client, f"/api/v1/counters/{counter_a.pk}/resume").json()["paused"] is False
    closed = post(client, f"/api/v1/counters/{counter_a.pk}/close").json()
    assert (closed["is_open"], closed["operator"]) == (False, None)


def test_an_operator_of_a_can_do_nothing_to_b_through_the_api(
    client, service_b, location, counter_a, counter_b, operator_a
):
    ticket_b = queue.ticket_issue(service=service_b, location=location)
    client.force_login(operator_a)
    counters = client.get("/api/v1/counters").json()
    assert [counter["id"] for counter in counters] == [counter_a.pk]
    assert post(client, f"/api/v1/counters/{counter_b.pk}/call-next").status_code == 404
    assert post(client, f"/api/v1/counters/{counter_b.pk}/close").status_code == 404
    for action in ("start", "cancel", "recall", "no-show"):
        assert post(client, f"/api/v1/tickets/{ticket_b.code}/{action}").status_code == 404
    calling = post(
        client,
        f"/api/v1/tickets/{ticket_b.code}/call",
        {"counter": counter_a.pk, "reason": "uji"},
    )
    assert calling.status_code == 404
    with scopes_disabled():
        ticket_b.refresh_from_db()
    assert ticket_b.status == "waiting"


def test_counters_and_call_next_need_a_signed_in_operator(client, counter_a):
    assert client.get("/api/v1/counters").status_code == 401
    assert post(client, f"/api/v1/counters/{counter_a.pk}/call-next").status_code == 401


def test_board_feed_gives_new_calls_with_speech_and_waiting_counts(
    client, service_a, location, counter_a, operator_a, in_a
):
    for _ in range(3):
        queue.ticket_issue(service=service_a, location=location)
    called = queue.ticket_call_next(counter=counter_a, operator=operator_a)
    body = client.get(f"/api/v1/boards/{location.slug}").json()
    call = body["new_calls"][0]
    assert call["number"] == "A-001" and call["counter"] == 1 and not call["recall"]
    assert call["speech"] == "Nomor antrian A nol nol satu, silakan menuju loket satu"
    assert call["clips"] == [
        f"/static/announcement/{name}.ogg"
        for name in ["chime", "nomor-antrian", "huruf-a", "nol", "nol", "satu"]
        + ["silakan-menuju-loket", "satu"]
    ]
    assert body["counters"][0]["number"] == "A-001"
    assert body["waiting"] == [{"agency": "A", "waiting": 2}]
    after = body["last_event_id"]
    assert client.get(f"/api/v1/boards/{location.slug}?after={after}").json()["new_calls"] == []
    queue.ticket_recall(ticket=called, operator=operator_a)
    recall = client.get(f"/api/v1/boards/{location.slug}?after={after}").json()["new_calls"]
    assert len(recall) == 1 and recall[0]["recall"] is True


def test_an_unchanged_board_is_answered_304_with_one_query(
    client, service_a, location, django_assert_max_num_queries
):
    queue.ticket_issue(service=service_a, location=location)
    first = client.get(f"/api/v1/boards/{location.slug}?after=0")
    assert first.status_code == 200
    with django_assert_max_num_queries(2):
        again = client.get(
            f"/api/v1/boards/{location.slug}?after=0", HTTP_IF_NONE_MATCH=first["ETag"]
        )
    assert again.status_code in (304, 200)  # 200 only when a 30-second window just turned
    queue.ticket_issue(service=service_a, location=location)
    changed = client.get(
        f"/api/v1/boards/{location.slug}?after=0", HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
