"""The complaints' part of the public /transparansi/ page (composed in mpp.views)."""

from datetime import date

from complaints.selectors.staff import complaint_figures

MONTHS_SHOWN = 6


def first_of_month_before(today: date, months: int) -> date:
    month_index = today.year * 12 + today.month - 1 - months
    return date(month_index // 12, month_index % 12 + 1, 1)


def complaints_section(*, today: date) -> dict:
    """Per agency and month, this month and the five before it."""
    start = first_of_month_before(today, MONTHS_SHOWN - 1)
    return {
        "template": "complaints/_transparency.html",
        "complaint_rows": complaint_figures(start=start, end=today),
        "complaint_start": start,
    }
