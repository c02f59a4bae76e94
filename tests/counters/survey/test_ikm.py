"""The IKM computation against a worked example by hand and the regulation's grade bounds."""

from decimal import Decimal

import pytest

from counters.survey.ikm import ikm_compute, ikm_grade


def test_ikm_matches_worked_example_computed_by_hand():
    # Four respondents; answers per element (rows = respondents):
    #   r1: 4 4 3 4 3 4 4 3 4   r2: 3 3 3 4 3 3 4 2 3
    #   r3: 4 3 2 4 3 4 4 3 3   r4: 3 3 3 4 4 4 3 2 4
    # Sums per element: 14 13 11 16 13 15 15 10 14 (total 121)
    # Means: 3.50 3.25 2.75 4.00 3.25 3.75 3.75 2.50 3.50
    # Mean of means = 121 / 36 = 3.36111…; x 25 = 84.0277… -> 84.03 (B, Baik)
    result = ikm_compute(respondents=4, element_sums=[14, 13, 11, 16, 13, 15, 15, 10, 14])
    assert result.element_means[0] == Decimal("3.50")
    assert result.element_means[2] == Decimal("2.75")
    assert result.element_means[7] == Decimal("2.50")
    assert result.index == Decimal("84.03")
    assert (result.grade, result.grade_label) == ("B", "Baik")


def test_ikm_of_all_fours_is_one_hundred_and_all_ones_twenty_five():
    assert ikm_compute(respondents=2, element_sums=[8] * 9).index == Decimal("100.00")
    assert ikm_compute(respondents=2, element_sums=[2] * 9).index == Decimal("25.00")


def test_ikm_without_respondents_has_no_index_or_grade():
    result = ikm_compute(respondents=0, element_sums=[])
    assert result.index is None and result.grade == ""


@pytest.mark.parametrize(
    ("index", "grade"),
    [
        ("100.00", "A"),
        ("88.31", "A"),
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25.00", "D"),
    ],
)
def test_grade_boundaries_follow_the_regulation(index, grade):
    assert ikm_grade(Decimal(index))[0] == grade
