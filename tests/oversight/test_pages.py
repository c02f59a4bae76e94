"""The incidents on the report pages: every agency's open ones flagged in words (not colour
alone) on the mall dashboard with the monthly summary; an agency's own on its report, for
those who manage it only."""

from datetime import timedelta

import pytest
from django_scopes import scopes_disabled

from oversight.models import Incident, OversightSetting
from oversight.services import incidents_detect
from tests.oversight.conftest import NOW, waiting

pytestmark = pytest.mark.django_db
Kind = Incident.Kind


@pytest.fixture
def incidents(now, service_a, service_b, location, agency_b):
    """Agency A's line is unattended now; agency B had late cases last week, over now."""
    waiting(service_a, location, minutes_ago=[51, 30, 2])
    incidents_detect()
    with scopes_disabled():
        Incident.objects.create(
            agency=agency_b,
            kind=Kind.LATE_CASES,
            opened_at=NOW - timedelta(days=7),
            closed_at=NOW - timedelta(days=5),
            details={"count": 3},
        )


def test_the_mall_dashboard_flags_open_incidents_in_words_and_sums_each_month(
    client, mall_admin, incidents
):
    client.force_login(mall_admin)
    page = client.get("/laporan/mpp/").content.decode()
    alert = page[page.index('role="alert"') :]
    assert "Perlu keputusan — A: Antrian tanpa loket buka" in alert
    assert "3 menunggu, 51 menit, 0 loket buka" in alert
    assert "list-group-item-danger" in alert
    assert "Kejadian per bulan" in page
    # October 2026: agency B's late cases lasted two days (48 hours, in Indonesian figures).
    summary = page[page.index("Kejadian per bulan, instansi dan jenis") :]
    assert "<td>B</td>" in summary and "<td>48,0</td>" in summary


def test_a_calm_dashboard_says_so_as_a_status(client, mall_admin, now):
    client.force_login(mall_admin)
    page = client.get("/laporan/mpp/").content.decode()
    assert 'role="status"' in page and "Tidak ada yang perlu keputusan saat ini." in page
    assert 'role="alert"' not in page


def test_an_agency_admin_sees_only_their_agencys_incidents(client, admin_a, admin_b, incidents):
    client.force_login(admin_a)
    page = client.get("/instansi/instansi-a/laporan/").content.decode()
    assert "3 menunggu, 51 menit, 0 loket buka" in page
    assert "3 berkas melewati batas waktu" not in page
    client.force_login(admin_b)
    page = client.get("/instansi/instansi-b/laporan/").content.decode()
    assert "3 berkas melewati batas waktu" in page
    assert "Tidak ada yang perlu keputusan saat ini." in page
    assert "0 loket buka" not in page
    assert client.get("/instansi/instansi-a/laporan/").status_code == 404


def test_an_operator_does_not_get_the_incidents(client, operator_a, incidents):
    client.force_login(operator_a)
    page = client.get("/instansi/instansi-a/laporan/").content.decode()
    assert "Kejadian yang perlu keputusan" not in page


def test_only_mall_admins_reach_the_dashboard(client, admin_a, incidents):
    client.force_login(admin_a)
    assert client.get("/laporan/mpp/").status_code == 403


def test_an_agency_admin_sets_their_wait_limit_on_their_site(client, admin_a, agency_a, agency_b):
    client.force_login(admin_a)
    url = "/instansi/instansi-a/admin/oversight/oversightsetting/add/"
    refused = client.post(url, {"wait_limit_minutes": 2, "idle_limit_minutes": 15})
    assert refused.status_code == 200  # below the five minutes a limit may be
    response = client.post(
        url, {"agency": agency_b.pk, "wait_limit_minutes": 30, "idle_limit_minutes": 10}
    )
    assert response.status_code == 302
    with scopes_disabled():
        setting = OversightSetting.objects.get()
    assert (setting.agency, setting.wait_limit_minutes) == (agency_a, 30)
