"""SQL expressions the figures of several apps are computed with (reports, complaints)."""

from django.db.models import Aggregate, FloatField, Func


class Seconds(Func):
    """Seconds between two timestamps (the first minus the second)."""

    template = "EXTRACT(EPOCH FROM (%(expressions)s))"
    arg_joiner = " - "
    output_field = FloatField()


class Percentile(Aggregate):
    """PostgreSQL's ordered-set percentile_cont over one expression."""

    function = "percentile_cont"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression, *, fraction: float, **extra):
        super().__init__(expression, fraction=float(fraction), **extra)
