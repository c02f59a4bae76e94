"""Pages of a list whose rows carry the number of all rows: one query per page."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window

# Beyond this, a number is left to Paginator (no list here is that long; a huge number
# would not even fit an OFFSET).
MAX_COUNTED_PAGE = 100_000


def _page_number(number: str | None) -> int | None:
    """The page asked for, read as Paginator reads it; None when Paginator should answer."""
    if number is None:
        return 1
    try:
        value = int(number)
    except ValueError:
        return None
    return value if 1 <= value <= MAX_COUNTED_PAGE else None


def counted_page(rows: QuerySet, *, number: str | None, per_page: int) -> Page:
    """Paginator(rows, per_page).get_page(number) in one query where Paginator makes two:
    the page's rows carry the number of all rows (a window over the same scan). A page
    past the end, or a number that is not one, is left to Paginator."""
    paginator = Paginator(rows, per_page)
    page_number = _page_number(number)
    if page_number is None:
        return paginator.get_page(number)
    bottom = (page_number - 1) * per_page
    found = list(rows.annotate(total_rows=Window(Count("*")))[bottom : bottom + per_page])
    if found:
        paginator.count = found[0].total_rows
    elif page_number == 1:
        paginator.count = 0
    else:
        return paginator.get_page(number)
    return Page(found, page_number, paginator)
