"""The complaints' part of the public /transparansi/ page (composed in mpp.transparency)."""

from datetime import date

from complaints.selectors.staff import complaint_figures


def first_of_month_before(today: date, months: int) -> date:
    month_index = today.year * 12 + today.month - 1 - months
    return date(month_index // 12, month_index % 12 + 1, 1)


def complaints_section(*, start: date, end: date) -> dict:
    """Per agency and month, over the complaints received from `start` to `end`."""
    return {
        "template": "complaints/_transparency.html",
        "complaint_rows": complaint_figures(start=start, end=end),
        "complaint_start": start,
    }
