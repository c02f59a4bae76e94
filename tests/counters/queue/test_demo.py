"""Demo counters, hours and yesterday's queue derived from whatever services exist."""

from datetime import time

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from counters.models import AgencySchedule, Counter, Ticket, TicketEvent
from counters.queue import demo
from counters.queue import services as queue
from counters.queue.models import QueueSetting
from counters.queue.selectors.online import online_offers
from services import demo as services_demo
from services.models import Location

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_catalog(no_scope):
    """The catalog's demo: locations, agencies, accounts and their real services."""
    return services_demo.seed()


def test_every_agency_with_services_gets_counters_serving_all_of_them(demo_catalog):
    demo.seed(always_open=True)
    for slug in ("dukcapil", "samsat"):
        counters = Counter.objects.filter(agency__slug=slug, location__slug="expo-sangatta")
        assert counters.count() >= 2
        services = set(demo_catalog["agencies"][slug].services.all())
        assert all(set(counter.services.all()) == services for counter in counters)


def test_always_open_opens_every_day_around_the_clock(demo_catalog):
    demo.seed(always_open=True)
    schedules = AgencySchedule.objects.filter(agency__slug="imigrasi")
    assert sorted(schedules.values_list("weekday", flat=True)) == list(range(7))
    assert {(s.opens_at, s.closes_at) for s in schedules} == {(time(0), time(23, 59, 59))}
    expo = Location.objects.get(slug="expo-sangatta")
    ticket = queue.ticket_issue(
        service=demo_catalog["agencies"]["dukcapil"].services.first(), location=expo
    )
    assert ticket.number == 1


def test_realistic_hours_without_the_flag(demo_catalog):
    demo.seed(always_open=True)
    demo.seed(always_open=False)
    dukcapil = dict(
        AgencySchedule.objects.filter(agency__slug="dukcapil").values_list("weekday", "closes_at")
    )
    assert dukcapil == {0: time(15), 1: time(15), 2: time(15), 3: time(15), 4: time(11, 30)}
    imigrasi = AgencySchedule.objects.filter(agency__slug="imigrasi")
    assert sorted(imigrasi.values_list("weekday", flat=True)) == [1, 3]


def test_history_is_a_finished_day_with_events_and_is_seeded_once(demo_catalog):
    demo.seed(always_open=True)
    demo.seed(always_open=True)
    history = Ticket.objects.filter(location__slug="expo-sangatta")
    assert history.count() > 50
    assert set(history.values_list("status", flat=True)) <= {"done", "no_show"}
    done = history.filter(status="done").first()
    assert done.called_at > done.issued_at and done.finished_at > done.started_at
    assert list(done.events.values_list("action", flat=True)) == [
        "issued",
        "called",
        "started",
        "finished",
    ]
    numbers = history.filter(service__slug="ktp-el").values_list("number", flat=True)
    assert sorted(numbers) == list(range(1, len(numbers) + 1))
    assert TicketEvent.objects.filter(action="called").count() == history.count()


def test_seed_demo_command_runs_twice(demo_catalog):
    call_command("seed_demo", "--always-open", "--force")
    call_command("seed_demo", "--always-open", "--force")
    with scopes_disabled():
        assert Counter.objects.filter(agency__slug="dukcapil").count() == 4
    # KTP-el takes part of its numbers from phones; Dukcapil lets a regular visitor in
    # after three priority calls.
    offers = {offer.quota.service.slug: offer.left for offer in online_offers()}
    assert offers == {"ktp-el": 30, "paspor-baru": 10}
    assert QueueSetting.objects.get(agency__slug="dukcapil").priority_run == 3
