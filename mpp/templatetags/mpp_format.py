"""Formatting helpers for templates: amounts in Rupiah."""

from django import template

register = template.Library()


def format_rupiah(amount) -> str:
    """Whole Rupiah with dots between thousands: 15000 -> "Rp15.000"."""
    if amount is None or amount == "":
        return ""
    value = int(amount)
    sign = "-" if value < 0 else ""
    return f"{sign}Rp{abs(value):,}".replace(",", ".")


@register.filter
def rupiah(amount) -> str:
    try:
        return format_rupiah(amount)
    except (TypeError, ValueError, OverflowError):
        return ""
