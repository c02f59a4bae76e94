"""Refused writes are told apart by the name of the constraint they broke, as declared on
the model, never by the wording of PostgreSQL's message."""

import pytest
from django.db import IntegrityError, transaction
from django_scopes import scopes_disabled

from common.db import broke
from counters.booking.models import ONE_ACTIVE_PER_NIK_SERVICE_DAY, UNIQUE_CODE
from counters.models import Booking
from tests.counters.booking.conftest import NINE, OTHER_NIK, VALID_NIK, book

pytestmark = pytest.mark.django_db


def refusal(booking: Booking, **changes) -> IntegrityError:
    copy = Booking.objects.get(pk=booking.pk)
    copy.pk = None
    for field, value in changes.items():
        setattr(copy, field, value)
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        copy.save()
    return error.value


def test_each_refusal_names_the_constraint_it_broke(schedule, monday_morning):
    booking = book(schedule, monday_morning)
    with scopes_disabled():
        same_code = refusal(booking, nik=OTHER_NIK)
        same_day = refusal(booking, code="ZZZZZZZZ")
    assert broke(same_code, UNIQUE_CODE) and not broke(same_code, ONE_ACTIVE_PER_NIK_SERVICE_DAY)
    assert broke(same_day, ONE_ACTIVE_PER_NIK_SERVICE_DAY) and not broke(same_day, UNIQUE_CODE)


def test_a_clash_of_codes_is_retried_with_a_new_code(schedule, monday_morning, monkeypatch):
    first = book(schedule, monday_morning)
    code_field = Booking._meta.get_field("code")
    monkeypatch.setattr(code_field, "default", lambda: first.code)
    second = book(schedule, monday_morning, nik=OTHER_NIK)
    assert second.code != first.code
    with scopes_disabled():
        assert Booking.objects.get(pk=second.pk).code == second.code
        assert Booking.objects.filter(starts_at=NINE).count() == 2
    assert first.nik == VALID_NIK
