"""Every constraint and index the models declare exists in the migrated database: a
migration that drops one by mistake (altering a field can) fails here."""

from django.apps import apps
from django.db import connection

OUR_APPS = ("services", "counters", "umkm")


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
