"""The survey's demo: the history's suggestions in the inboxes, and the last two quarters'
SKM reports with a plan whose progress the newer report shows."""

import pytest
from django_scopes import scopes_disabled

from common import clock
from counters.queue import demo as queue_demo
from counters.survey import demo
from counters.survey.models import SurveyResponse
from counters.survey.periods import SkmPeriod
from counters.survey.report_models import SkmFollowUp, SkmReport
from counters.survey.suggestions.models import Suggestion
from services import demo as services_demo

pytestmark = pytest.mark.django_db


def test_suggestions_wait_in_the_inboxes_and_two_quarters_are_reported_once(no_scope):
    services_demo.seed()
    queue_demo.seed()
    assert demo.seed()["skm_reports"] > 0
    latest = SkmPeriod.last_ended_quarter(clock.today())
    older = latest.previous
    with scopes_disabled():
        written = SurveyResponse.objects.exclude(suggestion="").count()
        assert written and Suggestion.objects.filter(status="open").count() == written
        reports = SkmReport.objects.select_related("agency")
        older_reports = reports.filter(year=older.year, period=older.code)
        assert older_reports and all(report.is_published for report in older_reports)
        latest_reports = {
            report.agency.slug: report
            for report in reports.filter(year=latest.year, period=latest.code)
        }
        assert not latest_reports[demo.DRAFT_AGENCY].is_published
        assert any(report.is_published for report in latest_reports.values())
        carried = SkmFollowUp.objects.filter(report__in=older_reports)
        assert carried and not carried.filter(status=SkmFollowUp.Status.PLANNED).exists()
        rows = (Suggestion.objects.count(), SkmReport.objects.count(), SkmFollowUp.objects.count())

    assert demo.seed() == {"skm_reports": 0}
    with scopes_disabled():
        assert rows == (
            Suggestion.objects.count(),
            SkmReport.objects.count(),
            SkmFollowUp.objects.count(),
        )
