"""Booth applications, the allocation rule, decisions with notes, messages and reminders,
and the pages that show them."""

from datetime import timedelta

import pytest
from procrastinate.contrib.django import app

from common import clock
from common.errors import DomainError
from notifications.models import Message
from tests.factories import BusinessFactory, UserFactory
from tests.umkm.booths import make_booths, make_period
from umkm.booth_messages import booth_send_reminders
from umkm.booth_selectors import allocation_order
from umkm.booth_services import (
    booth_allocate,
    booth_allocation_run,
    booth_application_submit,
    booth_decline,
)
from umkm.models import BoothApplication, Business

pytestmark = pytest.mark.django_db


@pytest.fixture
def booths(location):
    return make_booths(location)


@pytest.fixture
def bazaar(location, booths):
    return make_period(location, booths)


@pytest.fixture
def mall_admin(db):
    return UserFactory(username="pengelola", is_staff=True, is_superuser=True)


def apply(business, period, booths, **extra):
    return booth_application_submit(
        business=business, period=period, booths=booths, products="Amplang 250 g", **extra
    )


def test_an_application_keeps_the_booths_in_order_of_preference(business_a, bazaar, booths):
    application = apply(business_a, bazaar, [booths[2], booths[0]])
    assert [(c.rank, c.booth.code) for c in application.choices.all()] == [(1, "A-03"), (2, "A-01")]
    assert application.status == BoothApplication.Status.PENDING


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("pending_business", "not_approved"),
        ("closed_window", "window_closed"),
        ("same_booth_twice", "bad_choices"),
        ("not_offered", "booth_not_offered"),
        ("twice", "already_applied"),
    ],
)
def test_an_application_that_breaks_a_rule_is_refused_and_changes_nothing(
    case, code, business_a, bazaar, booths, location
):
    business, period, chosen = business_a, bazaar, [booths[0]]
    if case == "pending_business":
        business = BusinessFactory(status=Business.Status.PENDING)
    elif case == "closed_window":
        period = make_period(
            location, booths, slug="tutup", starts_in=40, open_on=clock.today() + timedelta(days=5)
        )
    elif case == "same_booth_twice":
        chosen = [booths[0], booths[0]]
    elif case == "not_offered":
        chosen = make_booths(location, 1, prefix="Z", row=2)
    elif case == "twice":
        apply(business_a, bazaar, [booths[1]])
    before = BoothApplication.objects.count()
    with pytest.raises(DomainError) as refused:
        apply(business, period, chosen)
    assert refused.value.code == code
    assert BoothApplication.objects.count() == before


def test_the_rule_puts_the_dekranasda_quota_first_then_fewer_recent_booths_then_first_come(
    location, booths, mall_admin
):
    earlier = make_period(
        location,
        booths,
        slug="lalu",
        starts_in=-30,
        open_on=clock.today() - timedelta(days=60),
        close_on=clock.today() - timedelta(days=31),
    )
    bazaar = make_period(location, booths, slug="bazar", quota=1)
    regular, craft_one, craft_two, frequent = (
        BusinessFactory(name="Pertama"),
        BusinessFactory(name="Perajin 1", is_dekranasda_member=True),
        BusinessFactory(name="Perajin 2", is_dekranasda_member=True),
        BusinessFactory(name="Sering"),
    )
    # Held a booth last month: waits behind everybody who did not.
    last_month = BoothApplication.objects.create(
        period=earlier, business=frequent, products="x", submitted_at=clock.now()
    )
    booth_allocate(application=last_month, booth=booths[0], by=mall_admin)
    for business in (frequent, regular, craft_one, craft_two):
        apply(business, bazaar, [booths[0], booths[1]])
    order = [a.business.name for a in allocation_order(bazaar)]
    assert order == ["Perajin 1", "Pertama", "Perajin 2", "Sering"]

    assert booth_allocation_run(period=bazaar, by=mall_admin) == {"allocated": 2, "declined": 2}
    decided = {a.business.name: a for a in bazaar.applications.all()}
    assert decided["Perajin 1"].booth == booths[0]
    assert "kuota Dekranasda" in decided["Perajin 1"].note
    assert decided["Pertama"].booth == booths[1]
    assert "pilihan ke-2" in decided["Pertama"].note
    assert decided["Sering"].status == BoothApplication.Status.DECLINED
    assert "sudah diberikan" in decided["Sering"].note


def test_a_booth_is_never_given_twice_for_overlapping_dates_even_across_periods(
    business_a, business_b, location, booths, mall_admin
):
    rotation = make_period(location, booths, slug="rotasi", starts_in=5, days=28)
    bazaar = make_period(location, booths, slug="bazar", starts_in=12, days=3)
    after = make_period(location, booths, slug="sesudah", starts_in=33, days=3)
    booth_allocate(
        application=apply(business_a, rotation, [booths[0]]), booth=booths[0], by=mall_admin
    )
    clash = apply(business_b, bazaar, [booths[0]])
    with pytest.raises(DomainError) as refused:
        booth_allocate(application=clash, booth=booths[0], by=mall_admin)
    assert refused.value.code == "booth_taken"
    clash.refresh_from_db()
    assert clash.status == BoothApplication.Status.PENDING
    later = apply(business_b, after, [booths[0]])  # the day after the rotation ends
    assert booth_allocate(application=later, booth=booths[0], by=mall_admin).booth == booths[0]


def test_a_refusal_needs_a_reason_and_the_owner_reads_it(
    client, business_a, bazaar, booths, mall_admin
):
    application = apply(business_a, bazaar, [booths[0]])
    with pytest.raises(DomainError):
        booth_decline(application=application, by=mall_admin, note=" ")
    booth_decline(application=application, by=mall_admin, note="Produk sama dengan stan lain.")
    with pytest.raises(DomainError) as twice:
        booth_allocate(application=application, booth=booths[0], by=mall_admin)
    assert twice.value.code == "already_decided"
    client.force_login(business_a.owner)
    body = client.get("/umkm/akun/stan/").content.decode()
    assert "Tidak mendapat stan" in body and "Produk sama dengan stan lain." in body


def test_the_owner_is_told_of_the_allocation_and_reminded_the_day_before_once(
    business_a, bazaar, booths, mall_admin, phone_channels
):
    application = apply(business_a, bazaar, [booths[0]], notify=True)
    booth_allocate(application=application, booth=booths[0], by=mall_admin, note="Bawa meja lipat.")
    (told,) = Message.objects.filter(template="umkm_booth_allocated")
    assert told.channel == "whatsapp" and told.context["booth"] == "A-01"
    assert told.context["link"].endswith("/umkm/akun/stan/")
    day_before = bazaar.starts_on - timedelta(days=1)
    assert booth_send_reminders(today=day_before - timedelta(days=1)) == 0
    assert booth_send_reminders(today=day_before) == 1
    booth_send_reminders(today=day_before)
    assert Message.objects.filter(template="umkm_booth_reminder").count() == 1


def test_no_message_without_the_owners_yes(business_a, bazaar, booths, mall_admin, phone_channels):
    booth_allocate(
        application=apply(business_a, bazaar, [booths[0]]), booth=booths[0], by=mall_admin
    )
    assert not Message.objects.exists()


def test_the_owner_applies_from_the_portal_and_bad_input_explains_itself(
    client, business_a, bazaar, booths
):
    client.force_login(business_a.owner)
    listing = client.get("/umkm/akun/stan/").content.decode()
    assert f"/umkm/akun/stan/{bazaar.slug}/" in listing
    url = f"/umkm/akun/stan/{bazaar.slug}/"
    form = client.get(url).content.decode()
    assert "<svg" in form and "A-02" in form
    bad = client.post(url, {"first": booths[0].pk, "second": booths[0].pk, "products": ""})
    assert bad.status_code == 422
    assert "stan yang berbeda" in bad.content.decode()
    assert not BoothApplication.objects.exists()
    response = client.post(
        url, {"first": booths[1].pk, "second": booths[0].pk, "products": "Amplang"}
    )
    assert response["Location"] == "/umkm/akun/stan/"
    assert [c.booth for c in BoothApplication.objects.get().choices.all()] == [booths[1], booths[0]]


def test_a_closed_or_unknown_period_is_a_404_in_the_portal(client, business_a, location, booths):
    past = make_period(
        location,
        booths,
        slug="lewat",
        starts_in=-10,
        open_on=clock.today() - timedelta(days=30),
        close_on=clock.today() - timedelta(days=11),
    )
    client.force_login(business_a.owner)
    assert client.get(f"/umkm/akun/stan/{past.slug}/").status_code == 404
    assert client.get("/umkm/akun/stan/tidak-ada/").status_code == 404


def test_visitors_see_this_weeks_sellers_and_upcoming_events_and_the_business_its_next_date(
    client, business_a, business_b, location, booths, mall_admin
):
    now = make_period(
        location,
        booths,
        slug="kini",
        starts_in=-1,
        days=3,
        open_on=clock.today() - timedelta(days=10),
        close_on=clock.today() - timedelta(days=2),
    )
    hall = make_booths(location, 2, prefix="H", row=2)
    event = make_period(
        location, hall, slug="bazar-ramadhan", starts_in=20, name="Bazar Ramadhan Uji"
    )
    BoothApplication.objects.create(
        period=now, business=business_a, products="x", submitted_at=clock.now()
    )
    booth_allocate(application=now.applications.get(), booth=booths[1], by=mall_admin)
    booth_allocate(application=apply(business_b, event, [hall[1]]), booth=hall[1], by=mall_admin)
    body = client.get("/umkm/di-mpp/").content.decode()
    assert business_a.name in body and "A-02" in body
    assert "Bazar Ramadhan Uji" in body and business_b.name in body and "H-02" in body
    page = client.get(f"/umkm/{business_b.slug}/").content.decode()
    assert "Berikutnya di MPP" in page and "stan H-02" in page


def test_a_suspended_business_leaves_the_plan(
    client, business_a, location, booths, mall_admin, bazaar
):
    booth_allocate(
        application=apply(business_a, bazaar, [booths[0]]), booth=booths[0], by=mall_admin
    )
    Business.objects.filter(pk=business_a.pk).update(status=Business.Status.SUSPENDED)
    assert business_a.name not in client.get("/umkm/di-mpp/").content.decode()


def test_the_reminders_are_a_daily_periodic_task_of_the_worker():
    crons = {p.task.name: p.cron for p in app.periodic_registry.periodic_tasks.values()}
    assert crons["umkm.send_booth_reminders"] == "0 9 * * *"
