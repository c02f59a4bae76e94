"""Cases measured against the promise: exact figures of a known small set, and the one
rule of lateness that lists, figures and Case.is_late share."""

from datetime import date, timedelta

import pytest

from cases import services as cases
from cases.models import Case, CaseEvent
from cases.reports.selectors import (
    Period,
    case_figures,
    case_figures_by_agency,
    case_figures_by_service,
    late_cases,
)
from tests.cases.conftest import open_case, wita
from tests.factories import ServiceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_scope")]

MARCH = Period(start=date(2026, 3, 1), end=date(2026, 3, 31))
NOW = wita(2026, 4, 10, 9, 0)
OPENED = wita(2026, 3, 2, 8, 0)


def case_story(at, service, opened, *changes, **extra):
    """A case of `service` opened at `opened`, then each (status, moment, fields) in turn."""
    at(opened)
    case = open_case(service, **extra)
    for status, moment, *fields in changes:
        at(moment)
        case, _event = cases.case_change_status(
            case=case, status=status, source=CaseEvent.Source.STAFF, **(fields[0] if fields else {})
        )
    return case


@pytest.fixture
def day_service(agency_a):
    """Due 24 hours after the opening: lateness in plain hours."""
    return ServiceFactory(
        agency=agency_a,
        name="Legalisir",
        processing_time="24 jam",
        processing_unit="hours",
        processing_amount=24,
    )


@pytest.fixture
def unmeasured(agency_a):
    return ServiceFactory(agency=agency_a, name="Kredit", processing_time="Sesuai penilaian")


@pytest.fixture
def known_set(at, day_service, unmeasured, agency_b):
    """Five completed after 12, 24, 36, 48 and 96 hours (two of them on time: 24 hours is
    the due moment itself), one with no measurable promise, one late and unfinished, one
    still in time, and another agency's late case."""
    for hours in (12, 24, 36, 48, 96):
        case_story(at, day_service, OPENED, ("ready", OPENED + timedelta(hours=hours)))
    case_story(at, unmeasured, OPENED, ("ready", OPENED + timedelta(hours=6)))
    late = case_story(at, day_service, wita(2026, 3, 20, 8, 0))
    fresh = case_story(at, day_service, NOW - timedelta(hours=1))
    other = ServiceFactory(agency=agency_b, processing_unit="hours", processing_amount=1)
    case_story(at, other, OPENED)
    at(NOW)
    return {"late": late, "fresh": fresh}


def test_agency_figures_of_a_known_set_are_exact(known_set, agency_a):
    figures = case_figures(period=MARCH, now=NOW, agency=agency_a)
    assert {key: figures[key] for key in ("opened", "completed", "measured", "on_time")} == {
        "opened": 7,
        "completed": 6,
        "measured": 5,
        "on_time": 2,
    }
    assert figures["on_time_rate"] == 40.0
    assert figures["late_now"] == 1


def test_median_and_p90_are_percentile_cont_of_opening_to_completion(known_set, agency_a):
    rows = {
        row["service__name"]: row
        for row in case_figures_by_service(period=MARCH, now=NOW, agency=agency_a)
    }
    timed = rows["Legalisir"]
    # 12, 24, 36, 48, 96 hours: median 36 h = 1.5 days; P90 48 + 0.6 x 48 = 76.8 h = 3.2 days.
    assert (timed["duration_median"], timed["duration_p90"]) == (1.5, 3.2)
    assert (timed["on_time"], timed["measured"], timed["on_time_rate"]) == (2, 5, 40.0)
    assert timed["opened"] == 6 and timed["late_now"] == 1
    unmeasured = rows["Kredit"]
    assert (unmeasured["completed"], unmeasured["measured"]) == (1, 0)
    assert unmeasured["on_time_rate"] is None
    assert unmeasured["duration_median"] == 0.2


def test_the_mall_sees_every_agency_and_each_agency_only_its_own(known_set, agency_a, agency_b):
    rows = {row["agency"]: row for row in case_figures_by_agency(period=MARCH, now=NOW)}
    assert rows[agency_a]["completed"] == 6 and rows[agency_a]["late_now"] == 1
    assert rows[agency_b]["opened"] == 1 and rows[agency_b]["late_now"] == 1
    assert rows[agency_b]["on_time_rate"] is None
    assert case_figures(period=MARCH, now=NOW)["late_now"] == 2
    assert list(late_cases(agency=agency_a, now=NOW)) == [known_set["late"]]


def test_the_late_list_says_how_long_each_case_is_late(known_set, agency_a):
    (late,) = late_cases(agency=agency_a, now=NOW)
    assert late.late_by == NOW - late.due_at
    assert late.late_by.days == 20


def test_a_period_with_no_case_has_zeros_and_no_rate(known_set, agency_a):
    figures = case_figures(
        period=Period(start=date(2025, 1, 1), end=date(2025, 1, 31)), now=NOW, agency=agency_a
    )
    assert (figures["opened"], figures["completed"], figures["on_time_rate"]) == (0, 0, None)
    assert figures["duration_median"] is None


def test_a_pause_for_the_citizen_moves_the_due_date_the_rate_counts(at, day_service, agency_a):
    """Ready 30 hours after the opening, of which 10 waiting for the citizen: on time."""
    case = case_story(
        at,
        day_service,
        OPENED,
        ("incomplete", OPENED + timedelta(hours=2), {"missing_note": "Fotokopi KK"}),
        ("in_process", OPENED + timedelta(hours=12)),
        ("ready", OPENED + timedelta(hours=30)),
    )
    assert case.due_at == OPENED + timedelta(hours=34)
    figures = case_figures(period=MARCH, now=NOW, agency=agency_a)
    assert (figures["on_time"], figures["measured"]) == (1, 1)
    assert figures["duration_median"] == 1.2  # 30 hours: the citizen's wait included


def every_state(at, service, unmeasured):
    """One case in each state the clock knows: running, paused, stopped; before and after
    its due date; and one with no due date."""
    due_in = timedelta(hours=24)
    start = NOW - timedelta(days=5)
    note = {"missing_note": "KK asli"}
    refusal = {"reason": "Data ganda", "basis": "Perpres 96/2018"}
    return [
        case_story(at, service, NOW - timedelta(hours=2)),
        case_story(at, service, start),
        case_story(
            at, service, NOW - timedelta(hours=3), ("incomplete", NOW - timedelta(hours=2), note)
        ),
        case_story(at, service, start, ("incomplete", start + timedelta(hours=2), note)),
        case_story(at, service, start, ("incomplete", start + due_in + timedelta(hours=2), note)),
        case_story(at, service, start, ("ready", start + timedelta(hours=3))),
        case_story(at, service, start, ("ready", start + due_in)),
        case_story(at, service, start, ("ready", start + due_in + timedelta(seconds=1))),
        case_story(at, service, start, ("refused", start + timedelta(days=2), refusal)),
        case_story(at, service, start, ("ready", start + timedelta(hours=1)), ("handed_over", NOW)),
        case_story(at, service, start, ("ready", start + timedelta(days=3)), ("sent", NOW)),
        case_story(at, unmeasured, start),
        case_story(at, unmeasured, start, ("ready", NOW - timedelta(hours=1))),
    ]


@pytest.mark.parametrize("moment", [NOW, NOW + timedelta(days=30)])
def test_the_late_filter_and_case_is_late_agree_on_every_state(at, day_service, unmeasured, moment):
    every = every_state(at, day_service, unmeasured)
    at(moment)
    late_in_sql = set(Case.objects.late(moment).values_list("pk", flat=True))
    assert {case.pk for case in every if case.is_late} == late_in_sql
    assert late_in_sql and late_in_sql != {case.pk for case in every}
