"""The issue's "done when": an owner applies for the next bazaar from the portal, the mall
admin allocates a booth in the admin, the owner is told on WhatsApp (the fake Cloud API),
and a visitor finds the business on /umkm/di-mpp/ with its booth on the plan."""

from datetime import timedelta

import pytest
from django.test import Client

from common import clock
from tests.factories import UserFactory
from tests.jobs import run_jobs
from tests.umkm.booths import make_booths, make_period
from umkm.models import BoothApplication

pytestmark = pytest.mark.django_db


def test_owner_applies_admin_allocates_owner_is_told_and_visitors_see_the_booth(
    business_a, location, gateways, monkeypatch
):
    whatsapp, _sms = gateways
    hall = make_booths(location, 4, prefix="H")
    bazaar = make_period(location, hall, slug="bazar-ramadhan", name="Bazar Ramadhan MPP")

    owner = Client()
    owner.force_login(business_a.owner)
    portal = owner.get("/umkm/akun/stan/").content.decode()
    assert "/umkm/akun/stan/bazar-ramadhan/" in portal
    owner.post(
        "/umkm/akun/stan/bazar-ramadhan/",
        {"first": hall[2].pk, "second": hall[0].pk, "products": "Amplang udang", "notify": "on"},
    )
    application = BoothApplication.objects.get()

    admin = Client()
    admin.force_login(UserFactory(username="pengelola", is_staff=True, is_superuser=True))
    page = f"/admin/umkm/boothapplication/{application.pk}/change/"
    assert "Amplang udang" in admin.get(page).content.decode()
    admin.post(page, {"booth": hall[2].pk, "note": "Datang pukul 07.00.", "decision": "allocate"})

    run_jobs()
    (sent,) = whatsapp.accepted
    assert sent["template"]["name"] == "mpp_umkm_stan_dialokasikan"
    assert "H-03" in str(sent["template"]["components"])
    told = owner.get("/umkm/akun/stan/").content.decode()
    assert "Mendapat stan" in told and "Datang pukul 07.00." in told

    visitor = Client()
    upcoming = visitor.get("/umkm/di-mpp/").content.decode()
    assert "Bazar Ramadhan MPP" in upcoming and business_a.name in upcoming
    assert "H-03" in upcoming.split("<svg")[1].split("</svg>")[0]  # on the plan
    assert "stan H-03" in visitor.get(f"/umkm/{business_a.slug}/").content.decode()

    during = clock.now() + timedelta(days=bazaar.starts_on.toordinal() - clock.today().toordinal())
    monkeypatch.setattr(clock, "now", lambda: during)
    this_week = visitor.get("/umkm/di-mpp/").content.decode()
    section = this_week.split('id="judul-acara"')[0]  # this week's part, before the events
    assert business_a.name in section and "H-03" in section
