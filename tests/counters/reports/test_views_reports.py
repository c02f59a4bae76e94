"""Report pages: who sees which agency's figures, CSV content, the mall and public pages."""

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from common import clock
from counters.models import SurveyResponse
from tests.counters.reports.conftest import DAY
from tests.factories import AgencyFactory

WITA = ZoneInfo("Asia/Makassar")

pytestmark = pytest.mark.django_db
PERIOD = {"dari": DAY.isoformat(), "sampai": DAY.isoformat()}


def report_url(agency):
    return reverse("counters:agency_report", args=[agency.slug])


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.mark.parametrize(
    ("user", "agency", "status"),
    [
        ("admin_a", "agency_a", 200),
        ("operator_a", "agency_a", 200),
        ("mall_admin", "agency_a", 200),
        ("admin_a", "agency_b", 404),
        ("operator_b", "agency_a", 404),
    ],
)
def test_report_access_matrix(client, request, handmade_day, user, agency, status):
    client.force_login(request.getfixturevalue(user))
    response = client.get(report_url(request.getfixturevalue(agency)), PERIOD)
    assert response.status_code == status


def test_anonymous_visitor_is_sent_to_login(client, agency_a):
    assert client.get(report_url(agency_a)).status_code == 302


def test_admin_report_shows_figures_and_svg_charts(client, handmade_day, admin_a, agency_a):
    client.force_login(admin_a)
    page = client.get(report_url(agency_a), PERIOD).content.decode()
    assert "<svg" in page and "heat-" in page
    assert "84,03" in page
    assert "SKCK" not in page


def test_operator_sees_only_own_figures(client, handmade_day, agency_a, admin_a, operator_a):
    client.force_login(admin_a)
    url = reverse("counters:agency_report_csv", args=[agency_a.slug, "layanan"])
    assert csv_rows(client.get(url, PERIOD))[1][1] == "6"
    client.force_login(operator_a)
    assert csv_rows(client.get(url, PERIOD))[1][1] == "4"


def test_csv_export_holds_the_table_without_personal_data(client, handmade_day, admin_a, agency_a):
    client.force_login(admin_a)
    url = reverse("counters:agency_report_csv", args=[agency_a.slug, "layanan"])
    response = client.get(url, PERIOD)
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert rows[0][:3] == ["Layanan", "Diambil", "Selesai"]
    assert rows[1][:8] == ["KTP-el", "6", "4", "1", "1", "0", "1", "5"]
    assert rows[1][8:12] == ["30.0", "46.0", "12.5", "18.5"]
    ikm = csv_rows(
        client.get(reverse("counters:agency_report_csv", args=[agency_a.slug, "ikm"]), PERIOD)
    )
    assert ikm[1] == ["Semua layanan", "4", "84.03", "B"]
    assert (
        client.get(reverse("counters:agency_report_csv", args=[agency_a.slug, "nik"])).status_code
        == 404
    )


def test_report_page_query_count_is_constant(
    client, handmade_day, admin_a, agency_a, django_assert_max_num_queries
):
    client.force_login(admin_a)
    # The head's page: the figures, IKM per service, counter and officer, the open
    # suggestions, and the incidents the mall flagged (open, the period's, per month).
    with django_assert_max_num_queries(22):
        client.get(report_url(agency_a), PERIOD)


def test_reversed_period_is_explained_not_an_error(client, handmade_day, admin_a, agency_a):
    client.force_login(admin_a)
    response = client.get(report_url(agency_a), {"dari": "2026-11-05", "sampai": "2026-11-01"})
    assert response.status_code == 200
    assert "Tanggal awal harus sebelum" in response.content.decode()


def test_mall_dashboard_is_for_mall_admins_only(client, handmade_day, mall_admin, admin_a):
    url = reverse("counters:mall_dashboard")
    client.force_login(admin_a)
    assert client.get(url).status_code == 403
    client.force_login(mall_admin)
    page = client.get(url, PERIOD).content.decode()
    assert "84,03" in page


def test_transparency_page_shows_last_month_volume_median_wait_and_grade(
    client, handmade_day, agency_a, monkeypatch
):
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 12, 15, 10, 0, tzinfo=WITA))
    page = client.get(reverse("transparency")).content.decode()
    row = page.split(agency_a.name)[1].split("</tr>")[0]
    assert "<td>6</td>" in row
    assert "<td>30,0</td>" in row
    assert "B — Baik" in row


def test_an_agency_without_visits_shows_a_dash_with_words_not_none(
    client, handmade_day, mall_admin, location
):
    AgencyFactory(short_name="Sepi", locations=[location])
    client.force_login(mall_admin)
    page = client.get(reverse("counters:mall_dashboard"), PERIOD).content.decode()
    row = page.split('<th scope="row">Sepi</th>')[2].split("</tr>")[0]
    assert "None" not in page
    assert (
        '<span aria-hidden="true">–</span><span class="visually-hidden">belum ada data</span>'
        in row
    )


def test_report_dates_are_read_as_day_month_year_and_shown_in_indonesian(
    client, handmade_day, mall_admin
):
    client.force_login(mall_admin)
    url = reverse("counters:mall_dashboard")
    day = DAY.strftime("%d/%m/%Y")
    page = client.get(url, {"dari": day, "sampai": day}).content.decode()
    assert "84,03" in page
    assert "2 November 2026 – 2 November 2026" in page  # DAY
    assert 'type="date"' not in page
    assert 'placeholder="hh/bb/tttt"' in page
    # Links made before, with ISO dates, still work.
    assert "84,03" in client.get(url, PERIOD).content.decode()


def test_a_date_that_is_not_a_date_is_explained(client, handmade_day, admin_a, agency_a):
    client.force_login(admin_a)
    response = client.get(report_url(agency_a), {"dari": "13/31/2026"})
    assert response.status_code == 200
    assert "Tulis tanggal sebagai hh/bb/tttt" in response.content.decode()


def test_ikm_per_service_counter_and_officer_from_the_minimum_of_respondents(
    client, handmade_day, admin_a, operator_a, agency_a, settings
):
    with scopes_disabled():
        SurveyResponse.objects.update(counter=handmade_day[0].counter)
    client.force_login(admin_a)

    def table(name):
        url = reverse("counters:agency_report_csv", args=[agency_a.slug, name])
        return csv_rows(client.get(url, PERIOD))[1:]

    settings.SKM_MIN_RESPONSES = 4
    assert table("ikm")[1] == ["KTP-el", "4", "84.03", "B"]
    assert table("ikm_loket") == [["1", "4", "84.03", "B"]]
    officer = operator_a.get_full_name() or operator_a.username
    assert table("ikm_petugas") == [[officer, "4", "84.03", "B"]]
    settings.SKM_MIN_RESPONSES = 5
    assert table("ikm_loket") == [["1", "4", "belum cukup responden", ""]]
    assert table("ikm")[0] == ["Semua layanan", "4", "84.03", "B"]
    # An operator's own report has no IKM of any group, least of all per officer.
    client.force_login(operator_a)
    assert table("ikm_petugas") == []
    assert "IKM per petugas" not in client.get(report_url(agency_a), PERIOD).content.decode()
