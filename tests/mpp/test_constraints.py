"""Every constraint and index the models declare exists in the migrated database: a
migration that drops one by mistake (altering a field can) fails here."""

from django.apps import apps
from django.db import connection

from counters.queue.models import TicketEvent

OUR_APPS = ("services", "counters", "umkm", "cases", "complaints", "oversight")


def test_every_declared_constraint_and_index_is_in_the_database(db):
    missing = []
    with connection.cursor() as cursor:
        for model in (m for name in OUR_APPS for m in apps.get_app_config(name).get_models()):
            present = connection.introspection.get_constraints(cursor, model._meta.db_table)
            declared = [*model._meta.constraints, *model._meta.indexes]
            missing += [
                f"{model.__name__}.{item.name}" for item in declared if item.name not in present
            ]
    assert missing == []


def test_the_boards_index_of_calls_holds_exactly_the_call_actions():
    """The partial index is declared in TicketEvent's Meta, where TicketEvent.CALLS cannot
    be named: it must still be the calls the board asks for, or the board scans history."""
    index = next(i for i in TicketEvent._meta.indexes if i.name == "ticket_event_calls_by_time")
    (lookup, actions), *others = index.condition.children
    assert lookup == "action__in" and not others
    assert sorted(actions) == sorted(TicketEvent.CALLS)
