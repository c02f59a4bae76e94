"""A walk-in who left a number hears "3 more" and the call on their phone, and the survey
link after the visit; nobody else does, nothing twice."""

from datetime import timedelta

import pytest
from django.test import Client
from django_scopes import scope, scopes_disabled

from common import clock
from common.errors import DomainError
from counters.models import Ticket
from counters.queue import services as queue
from counters.queue.messages import (
    ticket_messages_allow,
    ticket_messages_allowed,
    ticket_phones_forget,
)
from notifications.models import Consent, Message
from tests.jobs import run_jobs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("phone_channels")]

PHONE = "+6281234567890"


def issue_line(service, location, count: int) -> list[Ticket]:
    return [queue.ticket_issue(service=service, location=location) for _ in range(count)]


def subscribe(ticket: Ticket, phone: str = PHONE, survey: bool = False) -> Ticket:
    return ticket_messages_allow(
        ticket=ticket, phone=phone, channels=["whatsapp"], survey=survey, language="id"
    )


def sent(template: str) -> list[Message]:
    return list(Message.objects.filter(template=template).order_by("id"))


def test_three_ahead_tells_the_ticket_once_and_the_call_names_the_counter(
    service_a, location, counter_a, operator_a
):
    line = issue_line(service_a, location, 6)
    fifth = subscribe(line[4])
    with scope(agency=service_a.agency):
        queue.ticket_call_next(counter=counter_a, operator=operator_a)  # 3 ahead of it now
    (almost,) = sent("queue_almost")
    assert almost.context == {
        "number": fifth.display_number,
        "service": "KTP-el",
        "link": f"https://mpp.kutaitimurkab.go.id/antrian/tiket/{fifth.code}/",
    }
    with scope(agency=service_a.agency):
        queue.ticket_start(ticket=line[0], operator=operator_a)
        queue.ticket_finish(ticket=line[0], operator=operator_a)
        for _served in line[1:4]:
            ticket = queue.ticket_call_next(counter=counter_a, operator=operator_a)
            queue.ticket_start(ticket=ticket, operator=operator_a)
            queue.ticket_finish(ticket=ticket, operator=operator_a)
    assert len(sent("queue_almost")) == 1  # 2, 1 and 0 ahead: no second "3 more"
    with scope(agency=service_a.agency):
        called = queue.ticket_call_next(counter=counter_a, operator=operator_a)
    assert called.pk == fifth.pk
    (call,) = sent("queue_called")
    assert call.context == {"number": fifth.display_number, "counter": counter_a.number}
    with scope(agency=service_a.agency):
        queue.ticket_recall(ticket=called, operator=operator_a)
    assert len(sent("queue_called")) == 2  # a recall is a new call
    # Nobody without a number was told anything.
    assert {m.recipient for m in Message.objects.all()} == {PHONE}


def test_a_cancellation_ahead_also_moves_the_line(service_a, location, operator_a):
    line = issue_line(service_a, location, 5)
    subscribe(line[4])
    with scope(agency=service_a.agency):
        queue.ticket_cancel(ticket=line[0], actor=operator_a)
    assert len(sent("queue_almost")) == 1


def test_the_survey_link_goes_after_the_visit_only_with_its_own_yes(
    service_a, location, counter_a, operator_a
):
    first, second = issue_line(service_a, location, 2)
    subscribe(first, survey=True)
    subscribe(second, phone="+6281311112222")
    for ticket in (first, second):
        with scope(agency=service_a.agency):
            queue.ticket_call(ticket=ticket, counter=counter_a, operator=operator_a, reason="uji")
            queue.ticket_start(ticket=ticket, operator=operator_a)
            queue.ticket_finish(ticket=ticket, operator=operator_a)
    (survey,) = sent("survey_invitation")
    assert survey.recipient == PHONE
    assert survey.context["link"].endswith(f"/antrian/tiket/{first.code}/survei/")


def test_the_called_message_reaches_whatsapp_from_the_worker(
    service_a, location, counter_a, operator_a, gateways
):
    whatsapp, _sms = gateways
    (ticket,) = issue_line(service_a, location, 1)
    subscribe(ticket)
    with scope(agency=service_a.agency):
        queue.ticket_call_next(counter=counter_a, operator=operator_a)
    assert whatsapp.requests == []
    run_jobs()
    (accepted,) = whatsapp.accepted
    assert accepted["template"]["name"] == "mpp_antrian_dipanggil"


def test_a_ticket_over_refuses_a_number(service_a, location, counter_a, operator_a):
    (ticket,) = issue_line(service_a, location, 1)
    with scope(agency=service_a.agency):
        queue.ticket_call_next(counter=counter_a, operator=operator_a)
        queue.ticket_start(ticket=ticket, operator=operator_a)
    with pytest.raises(DomainError):
        subscribe(ticket)
    assert not Consent.objects.exists()


def test_a_booking_s_ticket_carries_its_number(service_a, location):
    ticket = queue.ticket_issue(
        service=service_a,
        location=location,
        source=Ticket.Source.BOOKING,
        booked_slot_start=clock.now(),
        phone=PHONE,
        language="en",
    )
    assert (ticket.phone, ticket.language) == (PHONE, "en")
    assert ticket_messages_allowed(ticket) == []  # no yes given with the booking


def test_numbers_of_past_days_are_forgotten_at_night(service_a, location):
    (ticket,) = issue_line(service_a, location, 1)
    subscribe(ticket)
    assert ticket_phones_forget(before=clock.today()) == 0
    assert ticket_phones_forget(before=clock.today() + timedelta(days=1)) == 1
    with scopes_disabled():
        assert Ticket.objects.get(pk=ticket.pk).phone == ""


def test_the_ticket_page_offers_messages_and_one_tap_stops_them(service_a, location):
    (ticket,) = issue_line(service_a, location, 1)
    client = Client()
    page = client.get(f"/antrian/tiket/{ticket.code}/").content.decode()
    assert f"/antrian/tiket/{ticket.code}/pemberitahuan/" in page
    url = f"/antrian/tiket/{ticket.code}/pemberitahuan/"
    bad = client.post(url, {"phone": "12345", "notify": ["whatsapp"]})
    assert bad.status_code == 422 and "Nomor ponsel harus" in bad.content.decode()
    none = client.post(url, {"phone": "0812 3456 7890"})
    assert none.status_code == 422 and "paling sedikit satu kanal" in none.content.decode()
    assert not Consent.objects.exists()
    done = client.post(url, {"phone": "0812 3456 7890", "notify": ["sms"]}, follow=True)
    assert "+62812****7890" in done.content.decode()
    assert set(Consent.objects.values_list("channel", "purpose")) == {("sms", "queue")}
    client.post(url, {"berhenti": "1"})
    assert not Consent.objects.filter(withdrawn_at=None).exists()
    assert Client().get("/antrian/tiket/TIDAKADA/pemberitahuan/").status_code == 404
