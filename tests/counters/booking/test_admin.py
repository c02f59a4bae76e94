"""Agency side: schedules and closures per agency, the day's bookings with masked NIK, CSV."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from procrastinate.contrib.django.models import ProcrastinateJob

from counters.booking.services import booking_create
from counters.models import Booking, BookingSchedule
from mpp.tenancy import agency_admin_reverse
from tests.counters.booking.conftest import OTHER_NIK, VALID_NIK, next_slot
from tests.factories import BookingScheduleFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def admin_url(agency, name, *args):
    return agency_admin_reverse(agency.slug, f"agency_admin:counters_{name}", args=list(args))


@pytest.fixture
def two_agencies_bookings(open_schedule, agency_b, location):
    with scopes_disabled():
        service_b = ServiceFactory(agency=agency_b, slug="skck", name="SKCK", is_bookable=True)
    schedule_b = BookingScheduleFactory(
        service=service_b, agency=agency_b, location=location, weekdays=list(range(7))
    )
    own = booking_create(
        schedule=open_schedule,
        starts_at=next_slot(open_schedule).starts_at,
        name="Siti Rahmawati",
        nik=VALID_NIK,
        phone="081234567890",
    )
    other = booking_create(
        schedule=schedule_b,
        starts_at=next_slot(schedule_b).starts_at,
        name="Yohanes Lawing",
        nik=OTHER_NIK,
        phone="081298765432",
    )
    return own, other


def test_agency_admin_sees_own_bookings_with_masked_nik_and_phone_only(
    client, admin_a, agency_a, two_agencies_bookings
):
    own, other = two_agencies_bookings
    client.force_login(admin_a)
    response = client.get(admin_url(agency_a, "booking_changelist"))
    body = response.content.decode()
    assert response.status_code == 200
    assert own.code in body and "6408********0001" in body and VALID_NIK not in body
    assert "+62812****7890" in body and "+6281234567890" not in body
    assert other.code not in body and "Yohanes" not in body
    foreign = client.get(admin_url(agency_a, "booking_change", other.pk))
    assert foreign.status_code in (302, 404) and other.code not in foreign.content.decode()
    detail = client.get(admin_url(agency_a, "booking_change", own.pk))
    assert detail.status_code == 200 and VALID_NIK not in detail.content.decode()
    assert "+6281234567890" not in detail.content.decode()


def test_bookings_export_as_csv_with_masked_nik_and_phone(
    client, operator_a, agency_a, two_agencies_bookings
):
    own, other = two_agencies_bookings
    client.force_login(operator_a)
    response = client.post(
        admin_url(agency_a, "booking_changelist"),
        {"action": "export_csv", "_selected_action": [own.pk, other.pk]},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = response.content.decode().splitlines()
    assert rows[0].startswith("Kode,Tanggal,Jam,Layanan")
    assert len(rows) == 2
    assert own.code in rows[1] and "6408********0001" in rows[1] and VALID_NIK not in rows[1]
    assert "+62812****7890" in rows[1] and "+6281234567890" not in rows[1]


def test_bookings_cannot_be_added_or_edited_in_the_admin(
    client, admin_a, agency_a, two_agencies_bookings
):
    own, _other = two_agencies_bookings
    client.force_login(admin_a)
    assert client.get(admin_url(agency_a, "booking_add")).status_code == 403
    response = client.post(admin_url(agency_a, "booking_change", own.pk), {"name": "Lain"})
    assert response.status_code == 403


def test_agency_admin_sets_a_schedule_for_its_own_service(
    client, admin_a, agency_a, location, agency_b
):
    with scopes_disabled():
        own = ServiceFactory(agency=agency_a, name="Kartu Keluarga", is_bookable=True)
        foreign = ServiceFactory(agency=agency_b, name="Paspor", is_bookable=True)
    client.force_login(admin_a)
    data = {
        "agency": agency_a.pk,
        "location": location.pk,
        "weekdays": ["0", "2", "4"],
        "opens_at": "08:00",
        "closes_at": "11:30",
        "slot_minutes": "30",
        "capacity": "5",
        "days_ahead": "10",
        "min_notice_minutes": "120",
        "is_active": "on",
    }
    refused = client.post(
        admin_url(agency_a, "bookingschedule_add"), {**data, "service": foreign.pk}
    )
    assert refused.status_code == 200  # the form again: the other agency's service is no choice
    response = client.post(admin_url(agency_a, "bookingschedule_add"), {**data, "service": own.pk})
    assert response.status_code == 302
    with scopes_disabled():
        schedule = BookingSchedule.objects.get()
    assert schedule.service == own and schedule.weekdays == [0, 2, 4] and schedule.capacity == 5


def test_operator_sees_but_cannot_change_schedules(client, operator_a, agency_a, open_schedule):
    client.force_login(operator_a)
    assert client.get(admin_url(agency_a, "bookingschedule_changelist")).status_code == 200
    assert client.get(admin_url(agency_a, "bookingschedule_add")).status_code == 403


def test_another_agencys_staff_cannot_enter(client, admin_b, agency_a, open_schedule):
    client.force_login(admin_b)
    assert client.get(admin_url(agency_a, "bookingschedule_changelist")).status_code in (302, 403)
    assert client.get(
        admin_url(agency_a, "bookingschedule_change", open_schedule.pk)
    ).status_code in (302, 403)


def test_a_booked_visit_past_its_check_in_window_reads_as_no_show(
    client, admin_a, agency_a, two_agencies_bookings
):
    own, _other = two_agencies_bookings
    with scopes_disabled():
        Booking.objects.filter(pk=own.pk).update(
            starts_at=timezone.now() - timedelta(minutes=16), local_date=timezone.localdate()
        )
    client.force_login(admin_a)
    response = client.get(admin_url(agency_a, "booking_changelist"), {"hari": "hari-ini"})
    assert own.code in response.content.decode()
    assert "Tidak datang" in response.content.decode()


def test_switching_a_schedule_off_and_saving_a_closed_day_queue_their_notices(
    client, admin_a, agency_a, location, open_schedule
):
    client.force_login(admin_a)
    data = {
        "agency": agency_a.pk,
        "service": open_schedule.service_id,
        "location": location.pk,
        "weekdays": [str(day) for day in range(7)],
        "opens_at": "08:00",
        "closes_at": "12:00",
        "slot_minutes": "30",
        "capacity": "4",
        "days_ahead": "14",
        "min_notice_minutes": "60",
    }
    url = admin_url(agency_a, "bookingschedule_change", open_schedule.pk)
    assert client.post(url, data).status_code == 302  # "is_active" left out: switched off
    day = {"agency": agency_a.pk, "location": location.pk, "date": "2026-12-24", "reason": "Cuti"}
    assert client.post(admin_url(agency_a, "bookingclosure_add"), day).status_code == 302
    assert list(ProcrastinateJob.objects.order_by("id").values_list("task_name", flat=True)) == [
        "counters.announce_schedule_stopped",
        "counters.announce_closure",
    ]
