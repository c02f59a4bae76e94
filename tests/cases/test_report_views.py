"""The case figures' pages: an agency's own (page and late CSV), the mall's, the public one."""

import csv
import io
import re

import pytest
from django.test import Client

from cases import services as cases
from cases.reports import views as report_views
from tests.cases.conftest import open_case, wita
from tests.factories import ServiceFactory
from tests.security.test_html_validity import nu_check

pytestmark = pytest.mark.django_db

NOW = wita(2026, 4, 10, 9, 0)


@pytest.fixture
def two_agencies(at, agency_a, agency_b, no_scope):
    """Agency A: one case done on time in March, one late and unfinished; agency B: one late."""
    a = ServiceFactory(
        agency=agency_a,
        name="Legalisir Akta",
        processing_unit="hours",
        processing_amount=24,
        processing_time="24 jam",
    )
    b = ServiceFactory(
        agency=agency_b,
        name="Izin Rahasia B",
        processing_unit="hours",
        processing_amount=24,
        processing_time="24 jam",
    )
    at(wita(2026, 3, 2, 8, 0))
    done = open_case(a, name="Siti Rahmawati", phone="081234567890")
    late_a = open_case(a, name="Budi Santoso")
    late_b = open_case(b)
    at(wita(2026, 3, 2, 12, 0))
    cases.case_change_status(case=done, status="ready", source="staff")
    at(NOW)
    return {"done": done, "late_a": late_a, "late_b": late_b}


def test_agency_page_shows_its_figures_and_its_late_cases_only(client, admin_a, two_agencies):
    client.force_login(admin_a)
    page = client.get("/instansi/instansi-a/laporan/berkas/?dari=01/03/2026&sampai=31/03/2026")
    html = page.content.decode()
    assert page.status_code == 200
    assert two_agencies["late_a"].code in html
    assert two_agencies["late_b"].code not in html and "Izin Rahasia B" not in html
    assert "Legalisir Akta" in html and re.search(r"100(,0)?&nbsp;%", html)
    assert "Siti" not in html and "Budi" not in html and "0812" not in html
    assert "38 hari" in html


def test_late_csv_lists_the_agencys_late_cases_without_personal_data(
    client, operator_a, two_agencies
):
    client.force_login(operator_a)
    response = client.get("/instansi/instansi-a/laporan/berkas/terlambat.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert [row[0] for row in rows[1:]] == [two_agencies["late_a"].code]
    assert rows[1][2] == "Legalisir Akta" and rows[1][6] == "38"
    assert "Budi" not in response.content.decode()


def test_another_agencys_staff_get_a_404(client, admin_b, two_agencies):
    client.force_login(admin_b)
    assert client.get("/instansi/instansi-a/laporan/berkas/").status_code == 404
    assert client.get("/instansi/instansi-a/laporan/berkas/terlambat.csv").status_code == 404


def test_a_bad_period_is_told_and_the_page_still_answers(client, admin_a, two_agencies):
    client.force_login(admin_a)
    page = client.get("/instansi/instansi-a/laporan/berkas/?dari=31/03/2026&sampai=01/03/2026")
    assert page.status_code == 200
    assert "Tanggal awal harus sebelum tanggal akhir." in page.content.decode()


def test_mall_page_shows_every_agency(client, mall_admin, two_agencies):
    client.force_login(mall_admin)
    html = client.get("/laporan/mpp/berkas/?dari=01/03/2026&sampai=31/03/2026").content.decode()
    assert "Legalisir Akta" in html and "Izin Rahasia B" in html
    assert (
        "/instansi/instansi-a/laporan/berkas/" in html
        and "/instansi/instansi-b/laporan/berkas/" in html
    )


def test_transparency_shows_last_months_on_time_rate_per_agency_and_service(client, two_agencies):
    html = client.get("/transparansi/").content.decode()
    assert "Ketepatan waktu per layanan" in html
    assert "Legalisir Akta" in html and re.search(r"100(,0)?&nbsp;%", html)
    # Agency B finished nothing in March: its rate is unknown, not zero.
    assert "Izin Rahasia B" not in html
    assert "tidak terukur" in html
    assert two_agencies["late_a"].code not in html


def test_transparency_in_english(client, two_agencies):
    client.cookies["django_language"] = "en"
    html = client.get("/transparansi/").content.decode()
    assert "On-time processing per service" in html


def test_case_report_pages_are_valid_html(admin_a, mall_admin, two_agencies, tmp_path):
    client = Client()
    pages = {}
    client.force_login(admin_a)
    pages["agency"] = client.get("/instansi/instansi-a/laporan/berkas/?dari=01/03/2026").content
    client.force_login(mall_admin)
    pages["mall"] = client.get("/laporan/mpp/berkas/?dari=01/03/2026").content
    client.logout()
    pages["transparency"] = client.get("/transparansi/").content
    for name, content in pages.items():
        (tmp_path / f"{name}.html").write_bytes(content)
    errors = nu_check([tmp_path / f"{name}.html" for name in pages])
    assert not any(errors.values()), errors


def test_the_late_list_pages_keep_the_period(client, at, admin_a, two_agencies, monkeypatch):
    monkeypatch.setattr(report_views, "LATE_PER_PAGE", 1)
    at(wita(2026, 3, 5, 8, 0))
    extra = open_case(two_agencies["late_a"].service)
    at(NOW)
    client.force_login(admin_a)
    first = client.get("/instansi/instansi-a/laporan/berkas/?dari=01/03/2026").content.decode()
    assert "?dari=01%2F03%2F2026&amp;hal=2" in first
    second = client.get("/instansi/instansi-a/laporan/berkas/?dari=01/03/2026&hal=2")
    assert extra.code in second.content.decode()
    assert two_agencies["late_a"].code not in second.content.decode()
