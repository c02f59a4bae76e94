"""The mall admin at /admin/: who gets in and what they can do there."""

import pytest
from django.contrib.auth.models import Group
from django_scopes import scopes_disabled

from services.models import Agency, Membership
from tests.factories import ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_agency_staff_cannot_enter_the_mall_admin(client, admin_a):
    admin_a.is_staff = True  # even if someone sets the flag by mistake
    admin_a.save()
    client.force_login(admin_a)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_member_of_the_mall_group_enters_the_mall_admin(client):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.create(name="pengelola-mpp"))
    client.force_login(user)
    assert client.get("/admin/").status_code == 200


def test_mall_admin_sees_every_agencys_services(client, mall_admin, agency_a, agency_b):
    ServiceFactory(agency=agency_a, name="Layanan Milik A")
    ServiceFactory(agency=agency_b, name="Layanan Milik B")
    client.force_login(mall_admin)
    body = client.get("/admin/services/service/").content.decode()
    assert "Layanan Milik A" in body and "Layanan Milik B" in body


def test_mall_admin_gives_staff_their_membership(client, mall_admin, agency_a):
    staff = UserFactory(username="petugas-samsat")
    client.force_login(mall_admin)
    data = {
        "name": agency_a.name,
        "short_name": agency_a.short_name,
        "slug": agency_a.slug,
        "order": 1,
        "is_active": "on",
        "memberships-TOTAL_FORMS": 1,
        "memberships-INITIAL_FORMS": 0,
        "memberships-0-user": staff.pk,
        "memberships-0-role": "operator",
    }
    response = client.post(f"/admin/services/agency/{agency_a.pk}/change/", data)
    assert response.status_code == 302
    with scopes_disabled():
        assert Membership.objects.get(user=staff).agency == agency_a


def test_mall_admin_deactivates_an_agency(client, mall_admin, agency_a):
    client.force_login(mall_admin)
    response = client.post(
        "/admin/services/agency/",
        {
            "action": "",
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": 1,
            "form-0-id": agency_a.pk,
            "form-0-order": 3,
            "_save": "Simpan",
        },
    )
    assert response.status_code == 302
    assert Agency.objects.get(pk=agency_a.pk).is_active is False
