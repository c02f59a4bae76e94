"""Two admins giving the same booth to two businesses at the same instant, for periods
that share days: the exclusion constraint lets exactly one of them have it."""

import threading

import pytest
from django.db import connection

from common import clock
from common.errors import DomainError
from tests.factories import BusinessFactory, LocationFactory, UserFactory
from tests.umkm.booths import make_booths, make_period
from umkm.booth_services import booth_allocate
from umkm.models import BoothApplication


@pytest.mark.django_db(transaction=True)
def test_the_same_booth_allocated_at_once_in_overlapping_periods_goes_to_one_business():
    location = LocationFactory(slug="expo-paralel")
    (booth,) = make_booths(location, 1)
    rotation = make_period(location, [booth], slug="rotasi-paralel", days=28)
    bazaar = make_period(location, [booth], slug="bazar-paralel", starts_in=15, days=3)
    admin = UserFactory(username="pengelola-paralel", is_superuser=True, is_staff=True)
    applications = [
        BoothApplication.objects.create(
            period=period, business=BusinessFactory(), products="x", submitted_at=clock.now()
        )
        for period in (rotation, bazaar)
    ]
    barrier = threading.Barrier(2)
    outcomes = []

    def allocate(application):
        try:
            barrier.wait(timeout=30)
            booth_allocate(application=application, booth=booth, by=admin)
            outcomes.append("allocated")
        except DomainError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=allocate, args=(a,)) for a in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["allocated", "booth_taken"]
    assert BoothApplication.objects.allocated().filter(booth=booth).count() == 1
