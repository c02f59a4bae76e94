"""Counters, schedules and quotas in the agency admin sites, the queue history read-only."""

import pytest
from django_scopes import scopes_disabled

from counters.models import Counter, QueueSetting
from counters.queue import services as queue
from counters.queue.caching import queue_version
from tests.factories import CounterFactory

pytestmark = pytest.mark.django_db
BASE = "/instansi/{slug}/admin/counters/{model}/"


def url(agency, model, suffix=""):
    return BASE.format(slug=agency.slug, model=model) + suffix


@pytest.mark.parametrize(
    ("who", "model", "suffix", "expected"),
    [
        ("admin_a", "counter", "", 200),
        ("admin_a", "counter", "add/", 200),
        ("operator_a", "counter", "", 200),
        ("operator_a", "counter", "add/", 403),
        ("operator_a", "agencyschedule", "add/", 403),
        ("operator_a", "dailyquota", "add/", 403),
        ("admin_a", "agencyschedule", "add/", 200),
        ("admin_a", "dailyquota", "add/", 200),
        ("admin_a", "ticket", "", 200),
        ("admin_a", "ticket", "add/", 403),
        ("operator_b", "counter", "", 403),
    ],
)
def test_agency_admin_permission_matrix(client, request, agency_a, who, model, suffix, expected):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url(agency_a, model, suffix)).status_code == expected


def test_an_agency_admin_adds_a_counter_with_their_services_only(
    client, admin_a, agency_a, location, service_a, service_b
):
    client.force_login(admin_a)
    form = client.get(url(agency_a, "counter", "add/")).content.decode()
    assert service_a.name in form and service_b.name not in form
    response = client.post(
        url(agency_a, "counter", "add/"),
        {
            "agency": agency_a.pk,
            "location": location.pk,
            "number": 4,
            "name": "KTP-el",
            "services": [service_a.pk],
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        counter = Counter.objects.get(number=4)
        assert counter.agency == agency_a and list(counter.services.all()) == [service_a]


def test_an_agency_admin_cannot_reach_another_agencys_counter(
    client, admin_a, agency_a, agency_b, location
):
    counter_b = CounterFactory(agency=agency_b, location=location, number=7)
    client.force_login(admin_a)
    assert client.get(url(agency_a, "counter", f"{counter_b.pk}/change/")).status_code == 404
    listing = client.get(url(agency_a, "counter")).content.decode()
    assert f"/{counter_b.pk}/change/" not in listing


def test_the_ticket_history_shows_every_event_read_only(
    client, admin_a, agency_a, service_a, location
):
    ticket = queue.ticket_issue(service=service_a, location=location)
    client.force_login(admin_a)
    page = client.get(url(agency_a, "ticket", f"{ticket.pk}/change/")).content.decode()
    assert "Diambil" in page
    assert 'name="_save"' not in page


def test_mall_admin_sets_the_boards_running_text(client, mall_admin, location):
    client.force_login(mall_admin)
    response = client.post(
        "/admin/counters/boardsetting/add/",
        {
            "location": location.pk,
            "running_text": "Pelayanan KTP-el tutup pukul 15.00 WITA.",
            "kiosk_paper": "58",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert location.board_setting.kiosk_paper == "58"
    assert client.get("/admin/counters/ticket/").status_code == 200


def test_a_counter_number_taken_by_another_agency_at_the_location_is_a_form_error(
    client, admin_a, agency_a, agency_b, location, service_a
):
    """The hall has one set of counter numbers on its boards, shared by every agency: the
    admin is told the number is taken there, and not whose counter has it."""
    CounterFactory(agency=agency_b, location=location, number=7, name="Loket Rahasia B")
    client.force_login(admin_a)
    data = {"location": location.pk, "number": 7, "name": "", "services": [service_a.pk]}
    response = client.post(url(agency_a, "counter", "add/"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nomor loket 7 sudah dipakai loket lain di lokasi ini" in body
    assert agency_b.name not in body and "Loket Rahasia B" not in body
    with scopes_disabled():
        assert not Counter.objects.filter(agency=agency_a).exists()
    data["number"] = 8
    assert client.post(url(agency_a, "counter", "add/"), data).status_code == 302


def test_an_agency_admin_sets_the_priority_run_on_their_site(
    client, admin_a, agency_a, agency_b, location
):
    client.force_login(admin_a)
    form = client.get(url(agency_a, "queuesetting", "add/")).content.decode()
    assert "Panggilan prioritas berturut-turut" in form
    assert "satu pengunjung reguler" in form  # the help text says what the number does
    before = queue_version(location.pk)
    response = client.post(
        url(agency_a, "queuesetting", "add/"), {"agency": agency_b.pk, "priority_run": 3}
    )
    assert response.status_code == 302
    with scopes_disabled():
        setting = QueueSetting.objects.get()
    assert (setting.agency, setting.priority_run) == (agency_a, 3)
    # Places in line change with it: ticket pages cached under the old version are stale.
    assert queue_version(location.pk) != before


def test_a_blank_priority_run_is_accepted(client, admin_a, agency_a):
    client.force_login(admin_a)
    response = client.post(url(agency_a, "queuesetting", "add/"), {"priority_run": ""})
    assert response.status_code == 302
    with scopes_disabled():
        assert QueueSetting.objects.get(agency=agency_a).priority_run is None
