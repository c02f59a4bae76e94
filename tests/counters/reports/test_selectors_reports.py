"""Report figures on a handmade day: counts, exact median and 90th percentile, IKM, heatmap."""

from decimal import Decimal

import pytest

from counters.reports.selectors import agency_ikm, agency_report, mall_overview
from tests.counters.reports.conftest import DAY

pytestmark = pytest.mark.django_db


def test_agency_report_counts_tickets_by_outcome_and_source(handmade_day, agency_a):
    totals = agency_report(agency=agency_a, start=DAY, end=DAY).totals
    assert totals["issued"] == 6
    assert totals["served"] == 4
    assert (totals["no_show"], totals["cancelled"], totals["transferred"]) == (1, 1, 0)
    assert (totals["booked"], totals["walk_in"]) == (1, 5)


def test_wait_and_service_time_median_and_p90_are_exact(handmade_day, agency_a):
    totals = agency_report(agency=agency_a, start=DAY, end=DAY).totals
    # Waits of called tickets: 10, 20, 30, 40, 50 min -> median 30, p90 = 40 + 0.6 * 10 = 46.
    assert totals["wait_median"] == 30 * 60
    assert totals["wait_p90"] == pytest.approx(46 * 60)
    # Service times 5, 10, 15, 20 -> median 12.5, p90 = 15 + 0.7 * 5 = 18.5.
    assert totals["service_median"] == pytest.approx(12.5 * 60)
    assert totals["service_p90"] == pytest.approx(18.5 * 60)


def test_report_ikm_matches_the_hand_computed_example(handmade_day, agency_a):
    report = agency_report(agency=agency_a, start=DAY, end=DAY)
    assert report.ikm.index == Decimal("84.03")
    assert report.ikm.grade == "B"
    assert agency_ikm(agency=agency_a, start=DAY, end=DAY).respondents == 4


def test_heatmap_counts_arrivals_per_local_weekday_and_hour(handmade_day, agency_a):
    heatmap = agency_report(agency=agency_a, start=DAY, end=DAY).heatmap
    assert heatmap[0][9] == 4  # Monday 09:xx WITA
    assert heatmap[0][14] == 2
    assert sum(map(sum, heatmap)) == 6


def test_report_of_agency_a_holds_nothing_of_agency_b(handmade_day, agency_a, agency_b):
    report_b = agency_report(agency=agency_b, start=DAY, end=DAY)
    assert report_b.totals["issued"] == 1
    assert report_b.ikm.respondents == 0
    assert [row["service__name"] for row in report_b.by_service] == ["SKCK"]


def test_operator_report_holds_only_their_tickets(handmade_day, agency_a, operator_a, admin_a):
    assert (
        agency_report(agency=agency_a, start=DAY, end=DAY, operator=operator_a).totals["issued"]
        == 4
    )
    assert (
        agency_report(agency=agency_a, start=DAY, end=DAY, operator=admin_a).totals["issued"] == 0
    )


def test_report_query_count_does_not_grow_with_data(
    handmade_day, agency_a, django_assert_max_num_queries
):
    # One query per figure group: totals, three ticket groups, heatmap, IKM and its three groups.
    with django_assert_max_num_queries(9):
        agency_report(agency=agency_a, start=DAY, end=DAY)


def test_mall_overview_puts_agencies_side_by_side(handmade_day, agency_a, agency_b):
    rows = {row["agency"].id: row for row in mall_overview(start=DAY, end=DAY)}
    assert rows[agency_a.id]["figures"]["issued"] == 6
    assert rows[agency_b.id]["figures"]["issued"] == 1
    assert rows[agency_a.id]["ikm"].grade == "B"
