"""Demo data of the counters app (used by `manage.py seed_demo`)."""

from counters import demo_booking


def seed(*, always_open: bool = False) -> dict:
    return {**demo_booking.seed(always_open=always_open)}
