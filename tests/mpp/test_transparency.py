"""The public transparency page: a chosen month, quarter or year beside twelve months of
trend per agency, the same figures as CSV and JSON, bounded queries, never a 500."""

import csv
import io
import json
from datetime import date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from common import clock
from tests.cases.test_report_views import nu_check
from tests.counters.conftest import counter_a, service_a, service_b
from tests.counters.reports.conftest import WITA, handmade_day, make_survey, make_ticket

pytestmark = pytest.mark.django_db
# The reports' handmade day and what it stands on, shared with this composition's tests.
__all__ = ["counter_a", "handmade_day", "service_a", "service_b"]


@pytest.fixture
def february(monkeypatch):
    """Three months after the handmade day (2 November 2026): December and January are
    empty, so the last complete month with visits is November."""
    monkeypatch.setattr(clock, "now", lambda: datetime(2027, 2, 10, 10, 0, tzinfo=WITA))


def agency_row(page: str, agency) -> str:
    return page.split(f'<th scope="row">{agency.name}</th>')[1].split("</tr>")[0]


def test_without_a_period_it_shows_the_last_complete_month_that_has_visits(
    client, handmade_day, agency_a, february
):
    page = client.get("/transparansi/").content.decode()
    assert "Kinerja November 2026" in page
    # The picker names the period shown, not the newest one it offers.
    assert '<option value="2026-11" selected>' in page
    row = agency_row(page, agency_a)
    assert "<td>6</td>" in row and "<td>30,0</td>" in row and "B — Baik" in row


def test_a_quarter_and_a_year_count_their_days_and_an_empty_quarter_shows_none(
    client, handmade_day, agency_a, service_a, location, february
):
    make_ticket(
        service=service_a, location=location, number=9, status="done", wait_min=5,
        serve_min=5, day=date(2026, 1, 5),
    )  # fmt: skip
    year = agency_row(client.get("/transparansi/?periode=2026").content.decode(), agency_a)
    assert "<td>7</td>" in year
    quarter = client.get("/transparansi/?periode=2026-tw4").content.decode()
    assert "Kinerja Triwulan 4 2026" in quarter and "<td>6</td>" in agency_row(quarter, agency_a)
    empty = agency_row(client.get("/transparansi/?periode=2026-tw3").content.decode(), agency_a)
    assert "<td>0</td>" in empty and "Belum ada survei" in empty


@pytest.mark.parametrize("value", ["2026-13", "2026-tw5", "x" * 300, "2031", "'; DROP"])
def test_an_invalid_period_is_explained_and_the_data_refused_never_an_error(
    client, handmade_day, february, value
):
    page = client.get("/transparansi/", {"periode": value})
    assert page.status_code == 200
    assert "Periode itu tidak dikenal" in page.content.decode()
    assert "Kinerja November 2026" in page.content.decode()
    data = client.get("/transparansi/data.json", {"periode": value})
    assert data.status_code == 400 and data.json()["code"] == "invalid_period"
    assert client.get("/transparansi/kinerja.csv", {"periode": value}).status_code == 400


def test_the_trend_has_twelve_months_per_agency_as_charts_and_tables(
    client, handmade_day, agency_a, february
):
    page = client.get("/transparansi/").content.decode()
    section = page.split(f'id="tren-{agency_a.slug}"')[1].split("</section>")[0]
    assert section.count('class="trend-chart"') == 3
    assert section.count('class="chart-bar"') == 36
    assert "<title>November 2026: 6</title>" in section
    assert section.count('<th scope="row">') == 12
    assert '<th scope="row">Februari 2026</th>' in section
    assert '<th scope="row">Januari 2027</th>' in section


def test_csv_and_json_carry_the_figures_of_the_page(client, handmade_day, agency_a, february):
    document = client.get("/transparansi/data.json?periode=2026-11").json()
    assert document["period"] == {"key": "2026-11", "start": "2026-11-01", "end": "2026-11-30"}
    a = next(row for row in document["agencies"] if row["agency"] == agency_a.slug)
    assert (a["issued"], a["no_show"], a["booked"], a["wait_median_minutes"]) == (6, 1, 1, 30.0)
    assert a["ikm"]["respondents"] == 4 and a["ikm"]["grade"] == "B"
    assert len(a["trend"]) == 12
    assert a["trend"][9] == {
        "month": "2026-11", "issued": 6, "wait_median_minutes": 30.0, "ikm": a["ikm"]["index"],
    }  # fmt: skip
    assert "nik" not in json.dumps(document).lower()
    response = client.get("/transparansi/kinerja.csv?periode=2026-11")
    assert response["Content-Disposition"].endswith('transparansi-kinerja-2026-11.csv"')
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    mine = next(row for row in rows if row["instansi"] == agency_a.slug)
    assert (mine["antrian"], mine["median_tunggu_menit"], mine["mutu"]) == ("6", "30.0", "B")
    trend = list(csv.reader(io.StringIO(client.get("/transparansi/tren.csv").content.decode())))
    assert [agency_a.slug, agency_a.name, "2026-11", "6", "30.0", str(a["ikm"]["index"])] in [
        [cell for cell in row] for row in trend
    ]
    assert client.get("/transparansi/lain.csv").status_code == 404


def test_the_page_costs_the_same_queries_with_a_year_of_data(
    client, handmade_day, service_a, service_b, location, february
):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/transparansi/?periode=2026").status_code == 200
        return len(captured)

    queries()  # the layout's shared reads (catalog version) are cached from here on
    small = queries()
    for month in range(1, 13):
        for number, service in enumerate((service_a, service_b), start=1):
            ticket = make_ticket(
                service=service, location=location, number=number, status="done",
                wait_min=month, serve_min=5, day=date(2026, month, 3),
            )  # fmt: skip
            make_survey(ticket, [3] * 9)
    assert queries() == small <= 9


def test_english_page_and_valid_html(client, handmade_day, february, tmp_path):
    pages = {
        "default": client.get("/transparansi/").content,
        "invalid": client.get("/transparansi/?periode=zz").content,
    }
    client.cookies["django_language"] = "en"
    english = client.get("/transparansi/?periode=2026-tw4").content
    assert "Trend of the last twelve months" in english.decode()
    assert "Quarter 4 2026" in english.decode()
    pages["english"] = english
    for name, content in pages.items():
        (tmp_path / f"{name}.html").write_bytes(content)
    errors = nu_check([tmp_path / f"{name}.html" for name in pages])
    assert not any(errors.values()), errors
