"""Every change list with a date hierarchy, on the mall's and an agency's admin site,
answers a date no calendar holds with the unfiltered list instead of a server error."""

import pytest
from django.contrib import admin
from django.urls import reverse

from mpp.agency_site import agency_admin_site
from mpp.tenancy import agency_admin_reverse

pytestmark = pytest.mark.django_db

FAR_DATES = [
    {"year": "9999"},
    {"year": "9999", "month": "12"},
    {"year": "9999", "month": "12", "day": "31"},
    {"year": "99999999999999999999"},
    {"year": "0"},
]


def with_hierarchy(site):
    return sorted(
        (
            (model._meta.app_label, model._meta.model_name, model_admin.date_hierarchy)
            for model, model_admin in site._registry.items()
            if model_admin.date_hierarchy
        ),
        key=str,
    )


def query(field, parts):
    return {f"{field}__{part}": value for part, value in parts.items()}


def assert_refused_as_a_bad_filter(client, url, field):
    for parts in FAR_DATES:
        response = client.get(url, query(field, parts))
        assert response.status_code == 302, (url, parts)
        assert response["Location"].endswith("?e=1")


def test_both_sites_have_lists_with_a_date_hierarchy():
    fields = {field for *_model, field in with_hierarchy(agency_admin_site)}
    assert {"issued_at", "local_date"} <= fields
    assert with_hierarchy(admin.site)


@pytest.mark.parametrize(("app", "model", "field"), with_hierarchy(admin.site))
def test_the_mall_admin_lists_refuse_far_dates(client, mall_admin, app, model, field):
    client.force_login(mall_admin)
    url = reverse(f"admin:{app}_{model}_changelist")
    assert client.get(url).status_code == 200
    assert_refused_as_a_bad_filter(client, url, field)


@pytest.mark.parametrize(("app", "model", "field"), with_hierarchy(agency_admin_site))
def test_the_agency_admin_lists_refuse_far_dates(client, admin_a, agency_a, app, model, field):
    client.force_login(admin_a)
    url = agency_admin_reverse(agency_a.slug, f"agency_admin:{app}_{model}_changelist")
    assert client.get(url).status_code == 200
    assert_refused_as_a_bad_filter(client, url, field)
