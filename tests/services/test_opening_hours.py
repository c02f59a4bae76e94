"""Agency and service pages show the agency's own serving hours, from the schedule that the
kiosk and the queue keep, and an hours change in the agency admin shows there at once."""

from datetime import time

import pytest
from django_scopes import scopes_disabled

from counters.models import AgencySchedule
from tests.factories import AgencyScheduleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def weekday_hours(agency_a, location):
    with scopes_disabled():
        for weekday in range(4):
            AgencyScheduleFactory(
                agency=agency_a,
                location=location,
                weekday=weekday,
                opens_at=time(8),
                closes_at=time(15),
            )
        return AgencyScheduleFactory(
            agency=agency_a,
            location=location,
            weekday=4,
            opens_at=time(8),
            closes_at=time(11, 30),
        )


def test_the_agency_page_shows_its_hours_per_location(client, agency_a, location, weekday_hours):
    location.opening_hours = "Senin–Jumat 07.30–16.00"
    location.save()
    page = client.get(f"/layanan/{agency_a.slug}/").content.decode()
    # The building's own hours stay in the footer; the agency's part says the agency's.
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    assert "Senin–Kamis: 08.00–15.00 WITA" in main
    assert "Jumat: 08.00–11.30 WITA" in main
    assert "07.30–16.00" not in main


def test_the_service_page_shows_the_agency_hours_and_an_admin_change_at_once(
    client, service_a, admin_a, location, weekday_hours
):
    url = f"/layanan/{service_a.agency.slug}/{service_a.slug}/"
    assert "Jumat: 08.00–11.30 WITA" in client.get(url).content.decode()

    client.force_login(admin_a)
    answer = client.post(
        f"/instansi/{service_a.agency.slug}/admin/counters/agencyschedule/{weekday_hours.pk}/change/",
        {
            "agency": service_a.agency.pk,
            "location": location.pk,
            "weekday": 4,
            "opens_at": "13:00",
            "closes_at": "16:00",
        },
    )
    assert answer.status_code == 302
    client.logout()
    assert "Jumat: 13.00–16.00 WITA" in client.get(url).content.decode()


def test_every_day_the_same_hours_reads_as_every_day(client, agency_a, location):
    with scopes_disabled():
        for weekday in AgencySchedule.Weekday.values:
            AgencyScheduleFactory(agency=agency_a, location=location, weekday=weekday)
    page = client.get(f"/layanan/{agency_a.slug}/").content.decode()
    assert "Setiap hari: 00.00–23.59 WITA" in page


def test_an_agency_without_hours_at_a_location_says_so(client, agency_a):
    page = client.get(f"/layanan/{agency_a.slug}/").content.decode()
    assert "Jam layanan belum diumumkan." in page
