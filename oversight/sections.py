"""The watch's parts of the report pages, registered by mpp.apps in counters.reports'
sections: the open incidents and the monthly summary on the mall dashboard, an agency's
incidents on its report for those who manage it."""

from datetime import date

from oversight.models import Incident
from oversight.selectors import agency_incidents, monthly_summary, open_incidents
from services.models import Agency
from services.permissions import can_manage_agency

# An agency's report lists this many of the period's incidents, the latest first.
AGENCY_LIST_LIMIT = 100


def mall_section(*, request, start: date, end: date) -> dict:
    return {
        "template": "oversight/_mall.html",
        "open": open_incidents(),
        "summary": monthly_summary(start=start, end=end),
        "kinds": Incident.Kind.labels,
        "start": start,
        "end": end,
    }


def agency_section(*, request, agency: Agency, start: date, end: date) -> dict | None:
    """None for an operator: the incidents are their head's to act on."""
    if not can_manage_agency(request.user, agency):
        return None
    return {
        "template": "oversight/_agency.html",
        "open": open_incidents(agency=agency),
        "incidents": list(
            agency_incidents(agency=agency, start=start, end=end, limit=AGENCY_LIST_LIMIT)
        ),
        "limit": AGENCY_LIST_LIMIT,
        "summary": monthly_summary(start=start, end=end, agency=agency),
        "kinds": Incident.Kind.labels,
    }
