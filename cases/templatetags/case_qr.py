"""The case's tracking QR code in any template (the tracking page, a printed slip)."""

from django import template
from django.utils.safestring import mark_safe

from cases.documents import case_qr_svg

register = template.Library()


@register.simple_tag
def case_qr(case, scale: int = 5) -> str:
    return mark_safe(case_qr_svg(case, scale=scale))  # noqa: S308 — segno's own SVG markup
