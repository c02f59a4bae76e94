"""The app's connections: statements prepared when direct, never behind a transaction pooler."""

import pytest
from django.db import connection
from django_scopes import scopes_disabled

from services.models import Location

pytestmark = [pytest.mark.django_db(transaction=True)]


def prepared() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [statement for (statement,) in cursor.fetchall()]


def test_a_statement_run_again_and_again_is_prepared_unless_behind_a_pooler(database_route):
    with scopes_disabled():
        for slug in ["a", "b", "c", "d", "e", "f"]:
            assert not Location.objects.filter(slug=slug).exists()
    read = [statement for statement in prepared() if '"services_location"' in statement]
    if database_route == "direct":
        # One prepared statement, whatever the value: the value is not in its SQL.
        assert len(read) == 1 and "$1" in read[0]
    else:
        assert read == []
