"""A statement built once runs again with new values and reads what its queryset reads."""

import pytest
from django.db.models import BooleanField, CharField
from django_scopes import scope, scopes_disabled

from common.statements import IDS, Param, Statement, scope_shape
from services.models import Location, Membership

pytestmark = pytest.mark.django_db


def _locations(ids, *, active, prefix):
    return (
        Location.objects.filter(pk__any=ids, is_active=active, slug__startswith=prefix)
        .order_by("slug")
        .values_list("slug", "is_active")
    )


@pytest.fixture
def places(db):
    return [
        Location.objects.create(name=f"Tempat {n}", slug=f"{prefix}-{n}", is_active=n % 3 != 0)
        for prefix in ("gedung", "pasar")
        for n in range(6)
    ]


def test_each_run_reads_what_the_queryset_of_its_values_reads(places, django_assert_num_queries):
    builds = []

    def build(active: bool):
        builds.append(active)
        return _locations(
            Param("ids", IDS),
            active=Param("active", BooleanField()),
            prefix=Param("prefix", CharField()),
        )

    statement = Statement(build)
    ids = [place.pk for place in places]
    for values in (
        {"ids": ids, "active": True, "prefix": "gedung"},
        {"ids": ids[::2], "active": False, "prefix": "pasar"},
        {"ids": ids[3:5], "active": True, "prefix": "g"},
        {"ids": [], "active": True, "prefix": ""},
    ):
        expected = list(_locations(**values))
        with django_assert_num_queries(1):
            assert statement.rows(True, **values) == expected
    # Built once for its shape, however many values it ran with.
    assert builds == [True]
    statement.rows(False, ids=ids, active=True, prefix="")
    assert builds == [True, False]


def test_a_page_of_rows_is_read_in_the_querysets_order(places):
    statement = Statement(
        lambda: _locations(Param("ids", IDS), active=True, prefix=Param("prefix", CharField()))
    )
    ids = [place.pk for place in places]
    every = list(_locations(ids, active=True, prefix=""))
    assert statement.rows(ids=ids, prefix="") == every
    assert statement.rows(limit=3, offset=2, ids=ids, prefix="") == every[2:5]
    assert statement.rows(limit=3, offset=len(every), ids=ids, prefix="") == []


def test_a_list_of_ids_is_one_parameter_whatever_its_length(places):
    ids = [place.pk for place in places]
    assert Location.objects.filter(pk__any=ids[:3]).count() == 3
    assert Location.objects.filter(pk__any=[]).count() == 0
    few, many = (str(Location.objects.filter(pk__any=ids[:n]).query) for n in (1, 12))
    assert few.count("ANY") == many.count("ANY") == 1


def test_a_statement_built_in_a_tenant_scope_reads_that_scope_only(
    agency_a, agency_b, operator_a, operator_b
):
    statement = Statement(
        lambda _scope: (
            Membership.objects.filter(user_id__any=Param("users", IDS))
            .order_by()
            .values_list("user__username")
        )
    )
    users = [operator_a.pk, operator_b.pk]
    seen = {}
    for agency in (agency_a, agency_b, agency_a):
        with scope(agency=agency):
            seen[agency.slug] = statement.rows(scope_shape(), users=users)
    with scopes_disabled():
        everyone = statement.rows(scope_shape(), users=users)
    assert seen == {
        agency_a.slug: [(operator_a.username,)],
        agency_b.slug: [(operator_b.username,)],
    }
    assert sorted(everyone) == sorted([(operator_a.username,), (operator_b.username,)])
