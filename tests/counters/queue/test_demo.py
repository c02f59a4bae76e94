"""Demo counters, hours and the last year's queue derived from whatever services exist."""

from datetime import time

import pytest
from django.core.management import call_command
from django.db.models import Avg, Count, F
from django.db.models.functions import ExtractHour
from django_scopes import scopes_disabled

from common import clock
from counters.booking.models import Booking, BookingSlot
from counters.models import AgencySchedule, Counter, SurveyResponse, Ticket, TicketEvent
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


def test_history_is_a_year_of_finished_days_with_events_and_is_seeded_once(demo_catalog):
    demo.seed(always_open=True)
    history = Ticket.objects.filter(location__slug="expo-sangatta")
    count = history.count()
    demo.seed(always_open=True)
    assert history.count() == count
    today = clock.today()
    months = {(day.year, day.month) for day in history.values_list("day", flat=True)}
    assert len(months) >= 12
    assert not history.filter(day__gte=today).exists()
    assert set(history.values_list("status", flat=True)) == {"done", "no_show"}
    done = history.filter(status="done").first()
    assert done.called_at > done.issued_at and done.finished_at > done.started_at
    assert list(done.events.values_list("action", flat=True)) == [
        "issued",
        "called",
        "started",
        "finished",
    ]
    day = history.latest("day").day
    numbers = history.filter(day=day, prefix="A").order_by("issued_at")
    assert list(numbers.values_list("number", flat=True)) == list(range(1, numbers.count() + 1))
    assert TicketEvent.objects.filter(action="called").count() == count


def test_history_waits_follow_the_morning_peak(demo_catalog):
    demo.seed(always_open=True)
    dukcapil = Ticket.objects.filter(agency__slug="dukcapil").annotate(
        hour=ExtractHour("issued_at"), wait=F("called_at") - F("issued_at")
    )
    by_hour = dict(
        dukcapil.values("hour").annotate(n=Count("id")).values_list("hour", "n").order_by()
    )
    assert by_hour[8] > by_hour[13] * 2
    morning = dukcapil.filter(hour__in=[9, 10]).aggregate(w=Avg("wait"))["w"]
    afternoon = dukcapil.filter(hour=13).aggregate(w=Avg("wait"))["w"]
    assert morning > afternoon


def test_history_has_bookings_their_no_shows_and_surveys_with_a_few_suggestions(demo_catalog):
    demo.seed(always_open=True)
    bookings = Booking.objects.filter(local_date__lt=clock.today())
    checked_in = bookings.filter(status="checked_in")
    assert checked_in.count() > 100
    assert 0 < bookings.filter(status="no_show").count() < checked_in.count()
    assert all(b.ticket.source == "booking" for b in checked_in.select_related("ticket")[:20])
    assert not bookings.exclude(name="(dihapus)").exists()
    assert not BookingSlot.objects.filter(booked__gt=F("capacity")).exists()
    surveys = SurveyResponse.objects.all()
    done = Ticket.objects.filter(status="done").count()
    assert 0.3 * done < surveys.count() < 0.5 * done
    assert 0 < surveys.exclude(suggestion="").count() < surveys.count() / 10


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
