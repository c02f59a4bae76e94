"""Template helpers of the service catalog: search highlights."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from services.search import HIGHLIGHT_START, HIGHLIGHT_STOP

register = template.Library()


@register.filter
def highlight(text: str) -> str:
    """Escape a search headline, then turn its match markers into <mark> elements."""
    marked = escape(text or "")
    marked = marked.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    return mark_safe(marked)  # noqa: S308 — escaped above; only our own tags are added
