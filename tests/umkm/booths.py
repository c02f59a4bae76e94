"""Booths, periods and applications for the booth tests."""

from datetime import timedelta
from decimal import Decimal

from common import clock
from umkm.models import Booth, BoothPeriod


def make_booths(location, count: int = 3, prefix: str = "A", row: int = 1) -> list[Booth]:
    return [
        Booth.objects.create(
            location=location,
            code=f"{prefix}-{n:02d}",
            area="Area UMKM",
            row=row,
            column=n,
            width_m=Decimal(2),
            depth_m=Decimal(2),
            has_power=True,
        )
        for n in range(1, count + 1)
    ]


def make_period(location, booths, *, slug="bazar-uji", starts_in=10, days=5, quota=0, **extra):
    today = clock.today()
    starts_on = today + timedelta(days=starts_in)
    period = BoothPeriod.objects.create(
        location=location,
        kind=extra.pop("kind", BoothPeriod.Kind.BAZAAR),
        name=extra.pop("name", f"Bazar {slug}"),
        slug=slug,
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=days - 1),
        applications_open_on=extra.pop("open_on", today - timedelta(days=3)),
        applications_close_on=extra.pop("close_on", starts_on - timedelta(days=1)),
        dekranasda_quota=quota,
    )
    period.booths.set(booths)
    return period
