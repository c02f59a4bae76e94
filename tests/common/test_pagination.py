"""A counted page is the page Paginator would give, in one query instead of two."""

import pytest
from django.core.paginator import Paginator

from common.pagination import counted_page
from services.models import Location
from tests.factories import LocationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows():
    for n in range(7):
        LocationFactory(slug=f"gedung-{n}", name=f"Gedung {n}", order=n)
    return Location.objects.order_by("order")


@pytest.mark.parametrize(
    "number", [None, "1", "2", "3", "4", "0", "-1", "abc", "2.5", " 2", "99999999999999999999"]
)
def test_a_counted_page_is_the_page_paginator_gives(rows, number):
    expected = Paginator(rows, 3).get_page(number)
    page = counted_page(rows, number=number, per_page=3)
    assert page.number == expected.number
    assert page.paginator.count == expected.paginator.count == 7
    assert page.paginator.num_pages == 3
    assert [row.slug for row in page] == [row.slug for row in expected]


@pytest.mark.parametrize("number", [None, "1", "3"])
def test_a_page_within_the_list_costs_one_query(rows, number, django_assert_num_queries):
    with django_assert_num_queries(1):
        page = counted_page(rows, number=number, per_page=3)
        assert page.object_list and page.paginator.count == 7


def test_an_empty_list_is_one_empty_first_page_in_one_query(db, django_assert_num_queries):
    with django_assert_num_queries(1):
        page = counted_page(Location.objects.all(), number=None, per_page=3)
    assert (page.number, page.paginator.count, page.paginator.num_pages) == (1, 0, 1)
    assert list(page) == []
