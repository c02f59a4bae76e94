"""Today's number from a phone: its share of the quota, one live ticket per NIK, the check-in
at the kiosk, and the lapse of a ticket whose turn came before it checked in."""

import re
from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django_scopes import scope, scopes_disabled

from common import clock
from common.errors import DomainError
from counters.models import DailyQuota, Ticket, TicketEvent
from counters.queue import services as queue
from counters.queue.errors import QuotaFull, ServiceClosed
from counters.queue.messages import ticket_phones_forget
from tests.counters.queue.test_concurrency import run_parallel
from tests.factories import LocationFactory, kiosk_token
from tests.qr_reader import read_qr

pytestmark = pytest.mark.django_db

NIKS = ["6408011505900001", "6408015505920002", "6408011505900003", "6408011505900004"]
KIOSK_PC = {"REMOTE_ADDR": "10.20.3.4"}


@pytest.fixture
def online_quota(service_a, location):
    return DailyQuota.objects.create(
        agency=service_a.agency, service=service_a, location=location, limit=4, online_limit=2
    )


def take(service, location, nik=NIKS[0], **extra) -> Ticket:
    return queue.ticket_take_online(
        service=service, location=location, nik=nik, phone="0812 3456 7890", **extra
    )


def test_no_online_ticket_where_the_agency_set_no_share(service_a, location):
    with pytest.raises(ServiceClosed):
        take(service_a, location)
    assert not Ticket.objects.exists()


def test_the_phones_take_their_share_and_the_kiosk_keeps_the_rest(
    service_a, location, online_quota
):
    first, second = take(service_a, location), take(service_a, location, NIKS[1])
    assert (first.source, first.nik, first.checked_in_at) == ("online", NIKS[0], None)
    assert first.awaits_check_in and second.number == first.number + 1
    with pytest.raises(QuotaFull):
        take(service_a, location, NIKS[2])
    # The kiosk still has its two of the day's four.
    for _ in range(2):
        queue.ticket_issue(service=service_a, location=location)
    with pytest.raises(QuotaFull):
        queue.ticket_issue(service=service_a, location=location)


def test_one_live_ticket_per_nik_and_service_and_a_few_a_day(
    service_a, service_a2, location, online_quota, operator_a
):
    DailyQuota.objects.create(
        agency=service_a.agency, service=service_a2, location=location, limit=9, online_limit=9
    )
    first = take(service_a, location)
    with pytest.raises(DomainError) as twice:
        take(service_a, location)
    assert twice.value.code == "duplicate_ticket" and "masih punya tiket" in twice.value.message
    with scope(agency=service_a.agency):
        queue.ticket_cancel(ticket=first, actor=operator_a)
    take(service_a, location)  # the first is no longer live
    take(service_a2, location)
    with pytest.raises(DomainError) as fourth:
        take(service_a2, location)
    assert fourth.value.status == 429


def test_invalid_nik_or_phone_changes_nothing(service_a, location, online_quota):
    with pytest.raises(DomainError) as bad_nik:
        take(service_a, location, nik="1234")
    with pytest.raises(DomainError) as bad_phone:
        queue.ticket_take_online(service=service_a, location=location, nik=NIKS[0], phone="12345")
    assert bad_nik.value.status == bad_phone.value.status == 422
    assert not Ticket.objects.exists()


def test_a_ticket_whose_turn_comes_before_check_in_lapses_and_the_line_goes_on(
    service_a, location, online_quota, counter_a, operator_a
):
    absent = take(service_a, location)
    present = take(service_a, location, NIKS[1])
    queue.ticket_check_in(ticket=present, location=location)
    walk_in = queue.ticket_issue(service=service_a, location=location)
    with scope(agency=service_a.agency):
        called = queue.ticket_call_next(counter=counter_a, operator=operator_a)
    assert called.pk == present.pk
    with scopes_disabled():
        absent.refresh_from_db()
        assert absent.status == Ticket.Status.NO_SHOW
        assert TicketEvent.objects.filter(ticket=absent, action="lapsed").count() == 1
        assert Ticket.objects.get(pk=walk_in.pk).status == Ticket.Status.WAITING


def test_check_in_only_at_its_location_and_only_once(service_a, location, online_quota):
    ticket = take(service_a, location)
    with pytest.raises(DomainError) as elsewhere:
        queue.ticket_check_in(ticket=ticket, location=LocationFactory())
    assert elsewhere.value.code == "wrong_location"
    first = queue.ticket_check_in(ticket=ticket, location=location)
    again = queue.ticket_check_in(ticket=ticket, location=location)
    assert first.checked_in_at == again.checked_in_at is not None
    kiosk_ticket = queue.ticket_issue(service=service_a, location=location)
    with pytest.raises(DomainError):
        queue.ticket_check_in(ticket=kiosk_ticket, location=location)
    with scopes_disabled():
        assert TicketEvent.objects.filter(action="checked_in").count() == 1


def test_the_nik_is_forgotten_at_night(service_a, location, online_quota):
    ticket = take(service_a, location)
    ticket_phones_forget(before=clock.today())
    with scopes_disabled():
        assert Ticket.objects.get(pk=ticket.pk).nik == NIKS[0]
    ticket_phones_forget(before=clock.today() + timedelta(days=1))
    with scopes_disabled():
        assert Ticket.objects.get(pk=ticket.pk).nik == ""


@override_settings(KIOSK_ALLOWED_NETWORKS=["10.20.0.0/16"])
def test_from_the_phone_page_to_the_kiosk_check_in(client, service_a, location, online_quota):
    listing = client.get("/antrian/ambil/online/").content.decode()
    form_url = f"/antrian/ambil/online/{location.slug}/{service_a.agency.slug}/{service_a.slug}/"
    assert form_url in listing and "sisa 2" in listing
    refused = client.post(form_url, {"nik": NIKS[0], "phone": "0812 3456 7890"})
    assert refused.status_code == 422  # no consent to the use of the data
    response = client.post(form_url, {"nik": NIKS[0], "phone": "0812 3456 7890", "consent": "on"})
    with scopes_disabled():
        ticket = Ticket.objects.get()
    assert response["Location"] == f"/antrian/tiket/{ticket.code}/"
    page = client.get(response["Location"]).content.decode()
    assert "Belum check-in" in page
    qr = re.search(r'class="ticket-check-in-qr">(<svg.*?</svg>)', page, re.DOTALL).group(1)
    assert read_qr(qr) == ticket.code

    check_in = f"/antrian/check-in/{location.slug}/"
    outside = Client().post(check_in, {"code": ticket.code}, REMOTE_ADDR="203.0.113.7")
    assert outside.status_code == 403
    unknown = Client().post(check_in, {"code": "tidak-ada"}, **KIOSK_PC)
    assert unknown.status_code == 404
    done = Client().post(check_in, {"code": ticket.code}, **KIOSK_PC)
    assert done["Location"] == f"/antrian/ambil/tiket/{ticket.code}/"
    with scopes_disabled():
        assert Ticket.objects.get().checked_in_at is not None


def test_the_api_takes_a_number_and_the_kiosk_token_checks_it_in(
    client, service_a, location, online_quota
):
    body = {
        "service": f"{service_a.agency.slug}/{service_a.slug}",
        "location": location.slug,
        "nik": NIKS[0],
        "phone": "081234567890",
    }
    created = client.post("/api/v1/tickets/online", body, content_type="application/json")
    assert created.status_code == 201, created.content
    code = created.json()["code"]
    again = client.post("/api/v1/tickets/online", body, content_type="application/json")
    assert again.status_code == 409 and again.json()["code"] == "duplicate_ticket"
    anonymous = client.post(f"/api/v1/tickets/{code}/check-in")
    assert anonymous.status_code in (401, 403)
    checked = client.post(
        f"/api/v1/tickets/{code}/check-in", HTTP_AUTHORIZATION=f"Bearer {kiosk_token(location)}"
    )
    assert checked.status_code == 200, checked.content


@pytest.mark.django_db(transaction=True)
def test_parallel_takes_of_one_nik_give_one_ticket(service_a, location):
    DailyQuota.objects.create(
        agency=service_a.agency, service=service_a, location=location, limit=50, online_limit=50
    )
    results = run_parallel(6, lambda _i: take(service_a, location).code)
    assert sum(isinstance(result, str) for result in results) == 1
    assert all(
        getattr(result, "code", "") == "duplicate_ticket"
        for result in results
        if not isinstance(result, str)
    )


@pytest.mark.django_db(transaction=True)
def test_parallel_takes_never_pass_the_phones_share(service_a, location):
    DailyQuota.objects.create(
        agency=service_a.agency, service=service_a, location=location, limit=50, online_limit=3
    )
    results = run_parallel(
        8, lambda index: take(service_a, location, f"640801150590{index + 1:04d}")
    )
    assert sum(isinstance(result, Ticket) for result in results) == 3
    assert sum(isinstance(result, QuotaFull) for result in results) == 5
