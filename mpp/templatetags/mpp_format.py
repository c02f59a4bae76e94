"""Formatting helpers for templates: amounts in Rupiah, schema.org data blocks."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The same escapes as Django's json_script: hostile text can't close the element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


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


@register.filter
def json_ld(value) -> str:
    """A <script type="application/ld+json"> data block (data, never executed)."""
    data = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(data.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 — escaped above
    )
