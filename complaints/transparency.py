"""The complaints' part of the public /transparansi/ page (composed in mpp.transparency)."""

from datetime import date

MONTHS_SHOWN = 6


def first_of_month_before(today: date, months: int) -> date:
    month_index = today.year * 12 + today.month - 1 - months
    return date(month_index // 12, month_index % 12 + 1, 1)


def recent_start(today: date) -> date:
    """The first day of the months the complaints table shows: this month and the five
    before it, whatever period the page's other figures are about."""
    return first_of_month_before(today, MONTHS_SHOWN - 1)


def complaints_section(*, rows: list[dict], today: date) -> dict:
    """The table of complaint_figures rows, per agency and month, of the recent months."""
    start = recent_start(today)
    return {
        "template": "complaints/_transparency.html",
        "complaint_rows": [row for row in rows if row["month"] >= start],
        "complaint_start": start,
    }
