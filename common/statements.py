"""Statements that the ORM builds once per process and shape, run again with new values.

Building a queryset's SQL (resolving its lookups, joins, subqueries and expressions) costs
more Python than PostgreSQL takes to run the few statements that every call and every
ticket issued runs. What such a statement says depends on its shape only; its values are
parameters. A `Statement` calls its `build(*shape)` once per shape, with a `Param` where
each value goes, keeps the SQL and where each Param landed among its parameters, and runs
that SQL again with the values given. The queryset stays the one definition of what is
read; only its building is not repeated."""

from collections.abc import Callable

from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import BigIntegerField, Expression, Field, ForeignObject, Lookup, QuerySet
from django_scopes import get_scope


class Param(Expression):
    """A value given when the statement runs: `Statement.rows(..., name=value)`."""

    def __init__(self, name: str, output_field: Field):
        super().__init__(output_field=output_field)
        self.name = name

    def __repr__(self) -> str:
        return f"Param({self.name!r})"

    def as_sql(self, compiler, connection):
        return "%s", [self]


IDS = ArrayField(BigIntegerField())


class AnyOf(Lookup):
    """`filter(pk__any=ids)`: the field is one of `ids` (integers, or a Param of them),
    sent as one array, so that the statement is the same whatever their number."""

    lookup_name = "any"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return "%s", [list(value)]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", [*lhs_params, *rhs_params]


# On every field; a relation's lookups are its own, so on those too (service_id__any).
Field.register_lookup(AnyOf)
ForeignObject.register_lookup(AnyOf)


def scope_shape() -> tuple:
    """The current tenant scope (django-scopes) as a shape: a statement built in a scope
    reads only what its scoped managers let it, so each scope has its own."""
    return tuple(
        sorted(
            (name, tuple(value) if isinstance(value, list | tuple) else value)
            for name, value in get_scope().items()
        )
    )


class Statement:
    """`build(*shape)` returns the queryset (a values_list) with Params for its values;
    `rows(*shape, **values)` runs it with those values and returns its rows as tuples, as
    PostgreSQL gives them: no field's converter is applied, so a statement selects columns
    that need none (integers, dates, times, arrays of them), not JSON or decimals."""

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self._built: dict[tuple, tuple[str, tuple]] = {}

    def sql(self, *shape) -> tuple[str, tuple]:
        built = self._built.get(shape)
        if built is None:
            queryset = self.build(*shape)
            built = queryset.query.get_compiler(connection=connection).as_sql()
            self._built[shape] = built
        return built

    def rows(self, *shape, limit: int | None = None, offset: int = 0, **values) -> list[tuple]:
        """`limit` rows from `offset` on, in the queryset's order; all of them by default.
        Paged only when the queryset is not sliced itself (its SQL has no LIMIT of its own)."""
        sql, params = self.sql(*shape)
        bound = [values[param.name] if isinstance(param, Param) else param for param in params]
        if limit is not None:
            sql = f"{sql} LIMIT %s OFFSET %s"
            bound += [limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, bound)
            return cursor.fetchall()
