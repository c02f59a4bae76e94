"""Booking API: slots, create (201/409/422/429), view and cancel only with the NIK."""

import pytest
from django_scopes import scopes_disabled

from counters.models import Booking
from tests.counters.booking.conftest import OTHER_NIK, VALID_NIK, next_slot

pytestmark = pytest.mark.django_db


def payload(schedule, **extra):
    return {
        "service": f"{schedule.agency.slug}/{schedule.service.slug}",
        "location": schedule.location.slug,
        "start": next_slot(schedule).starts_at.isoformat(),
        "name": "Siti Rahmawati",
        "nik": VALID_NIK,
        "phone": "+62 812-3456-7890",
        **extra,
    }


def post(client, data):
    return client.post("/api/v1/bookings", data, content_type="application/json")


def test_slots_list_capacity_and_remaining(client, open_schedule):
    slot = next_slot(open_schedule)
    url = f"/api/v1/services/{open_schedule.agency.slug}/ktp-el/slots"
    response = client.get(
        url, {"location": open_schedule.location.slug, "date": slot.starts_at.date()}
    )
    assert response.status_code == 200
    first = response.json()[0]
    assert first["capacity"] == 3 and first["remaining"] == 3
    assert first["start"].endswith("+08:00")
    assert (
        client.get(f"/api/v1/services/{open_schedule.agency.slug}/tidak-ada/slots").status_code
        == 404
    )


def test_create_answers_201_without_personal_data(client, open_schedule):
    response = post(client, payload(open_schedule))
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"code", "service", "service_name", "location", "start", "end", "status"}
    text = response.content.decode()
    assert VALID_NIK not in text and "Siti" not in text and "812" not in text
    with scopes_disabled():
        assert Booking.objects.get().code == body["code"]


def test_create_answers_409_when_full_and_422_when_invalid(client, open_schedule):
    for serial in (1, 2, 3):
        assert (
            post(client, payload(open_schedule, nik=f"640801150590000{serial}")).status_code == 201
        )
    full = post(client, payload(open_schedule, nik=OTHER_NIK))
    assert full.status_code == 409 and full.json()["code"] == "slot_full"
    invalid = post(client, payload(open_schedule, nik="1234"))
    assert invalid.status_code == 422 and "16 angka" in invalid.json()["detail"]
    bad_email = post(client, payload(open_schedule, nik=OTHER_NIK, email="bukan-email"))
    assert bad_email.status_code == 422
    long_email = post(
        client, payload(open_schedule, nik=OTHER_NIK, email="a" * 60 + "@" + "b" * 200 + ".id")
    )
    assert long_email.status_code == 422
    missing = client.post("/api/v1/bookings", {"service": "x"}, content_type="application/json")
    assert missing.status_code == 422


def test_create_writes_the_seat_the_booking_and_its_event_and_reads_only_the_consent(
    client, open_schedule, django_assert_num_queries
):
    assert post(client, payload(open_schedule)).status_code == 201  # schedule now cached
    data = payload(open_schedule, nik=OTHER_NIK)
    # And the savepoint of the test's own transaction around them.
    with django_assert_num_queries(6) as captured:
        assert post(client, data).status_code == 201
    tables = [query["sql"].split('"')[1] for query in captured.captured_queries[1:-1]]
    assert tables == [
        "counters_bookingslot",
        "counters_booking",
        "counters_bookingevent",
        "notifications_consent",  # whether the phone's channels may carry the confirmation
    ]


def test_create_answers_429_past_the_daily_limit_per_address(
    client, open_schedule, settings, django_capture_on_commit_callbacks
):
    settings.BOOKING_LIMITS = {"ip": 1, "nik": 5}
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, payload(open_schedule)).status_code == 201
    response = post(client, payload(open_schedule, nik=OTHER_NIK))
    assert response.status_code == 429
    assert response.json() == {"detail": response.json()["detail"], "code": "throttled"}
    assert "Batas reservasi" in response.json()["detail"]


def lookup(client, code, body):
    return client.post(f"/api/v1/bookings/{code}/lookup", body, content_type="application/json")


def test_view_and_cancel_need_the_right_nik(client, open_schedule):
    code = post(client, payload(open_schedule)).json()["code"]
    assert lookup(client, code, {"nik": OTHER_NIK}).status_code == 404
    assert lookup(client, code, {}).status_code == 422
    assert lookup(client, "ZZZZ2222", {"nik": VALID_NIK}).status_code == 404
    detail = lookup(client, code.lower(), {"nik": VALID_NIK})
    assert detail.status_code == 200
    assert detail.json()["nik_masked"] == "6408********0001"
    assert "Siti" not in detail.content.decode()
    wrong = client.post(
        f"/api/v1/bookings/{code}/cancel", {"nik": OTHER_NIK}, content_type="application/json"
    )
    assert wrong.status_code == 404
    cancel = client.post(
        f"/api/v1/bookings/{code}/cancel", {"nik": VALID_NIK}, content_type="application/json"
    )
    assert cancel.status_code == 200 and cancel.json()["status"] == "cancelled"
    again = client.post(
        f"/api/v1/bookings/{code}/cancel", {"nik": VALID_NIK}, content_type="application/json"
    )
    assert again.status_code == 409


def test_a_nik_is_never_a_parameter_of_a_url(client):
    """Query strings and paths end up in every proxy's and load balancer's log."""
    schema = client.get("/api/v1/openapi.json").json()
    in_urls = [
        (path, parameter["name"])
        for path, operations in schema["paths"].items()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
        if parameter["in"] in ("query", "path")
    ]
    assert in_urls and not [(path, name) for path, name in in_urls if "nik" in name.lower()]


def test_a_nik_in_the_query_string_finds_nothing(client, open_schedule):
    code = post(client, payload(open_schedule)).json()["code"]
    answer = client.get(f"/api/v1/bookings/{code}", {"nik": VALID_NIK})
    assert answer.status_code in (404, 405)
    assert "Siti" not in answer.content.decode() and "nik_masked" not in answer.content.decode()
