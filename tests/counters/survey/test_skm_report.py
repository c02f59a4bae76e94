"""The periodic SKM report: its arithmetic against a worked example by hand, its periods,
the follow-up plan and its progress, publication, and who sees what."""

from datetime import date
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from django_scopes import scopes_disabled

from common import clock
from common.errors import DomainError
from counters.survey.periods import SkmPeriod
from counters.survey.report import agency_skm_figures, mall_skm_figures
from counters.survey.report_models import SkmFollowUp, SkmReport
from counters.survey.report_services import (
    SkmReportRefused,
    skm_follow_up_add,
    skm_follow_up_progress,
    skm_follow_up_remove,
    skm_report_publish,
)
from tests.counters.survey.skm_data import Q3, answer_period

pytestmark = pytest.mark.django_db
Q2 = SkmPeriod(year=2026, code="q2")


@pytest.fixture
def answered_q3(service_a, location):
    answer_period(service=service_a, location=location)


def page_url(agency, period=Q3, name="counters:skm_agency", *extra):
    return reverse(name, args=[agency.slug, period.year, period.code, *extra])


def public_url(agency, period=Q3):
    return reverse("counters:skm_public", args=[agency.slug, period.year, period.code])


def add_plan(agency, admin, period=Q3, element="u8_complaints", action="Kotak saran di loket"):
    return skm_follow_up_add(
        agency=agency,
        period=period,
        element=element,
        action=action,
        owner="Sekretariat",
        target_date=period.end,
        actor=admin,
    )


# --- Arithmetic ----------------------------------------------------------------------------


def test_figures_match_the_worked_example_computed_by_hand(answered_q3, agency_a):
    # Sums per element over 32 respondents (8 x the four rows of skm_data):
    #   112 104 88 128 104 120 120 80 112
    # NRR = sum / 32:            3.50  3.25  2.75  4.00  3.25  3.75  3.75  2.50  3.50
    # NRR x 1/9 (weight 0.111):  0.389 0.361 0.306 0.444 0.361 0.417 0.417 0.278 0.389
    # NRR x 25:                  87.50 81.25 68.75 100   81.25 93.75 93.75 62.50 87.50
    # grade of each:             B     B     C     A     B     A     A     D     B
    # IKM = mean of NRR x 25 = 121/36 x 25 = 84.027… -> 84.03, B (Baik)
    figures = agency_skm_figures(agency=agency_a, period=Q3)
    assert figures.enough and figures.respondents == 32
    assert [e.total for e in figures.elements] == [112, 104, 88, 128, 104, 120, 120, 80, 112]
    assert [str(e.nrr) for e in figures.elements] == [
        "3.50", "3.25", "2.75", "4.00", "3.25", "3.75", "3.75", "2.50", "3.50",
    ]  # fmt: skip
    assert [str(e.weighted) for e in figures.elements] == [
        "0.389", "0.361", "0.306", "0.444", "0.361", "0.417", "0.417", "0.278", "0.389",
    ]  # fmt: skip
    assert [str(e.converted) for e in figures.elements] == [
        "87.50", "81.25", "68.75", "100.00", "81.25", "93.75", "93.75", "62.50", "87.50",
    ]  # fmt: skip
    assert "".join(e.grade for e in figures.elements) == "BBCABAADB"
    assert figures.ikm.index == Decimal("84.03")
    assert (figures.ikm.grade, figures.ikm.grade_label) == ("B", "Baik")
    # The lowest: U8 2.50, U3 2.75, then U2 and U5 tie at 3.25: the regulation's order.
    assert [e.number for e in figures.weakest] == [8, 3, 2]


def test_respondents_are_counted_by_sex_age_education_and_occupation(answered_q3, agency_a):
    profile = {
        title: {share.label: (share.count, share.percent) for share in shares}
        for title, shares in agency_skm_figures(agency=agency_a, period=Q3).profile
    }
    assert profile["Jenis kelamin"] == {
        "Laki-laki": (16, Decimal("50.0")),
        "Perempuan": (16, Decimal("50.0")),
    }
    assert profile["Umur"]["Di bawah 20 tahun"] == (8, Decimal("25.0"))
    assert profile["Umur"]["20–29 tahun"] == (8, Decimal("25.0"))
    assert profile["Umur"]["30–39 tahun"] == (0, Decimal("0.0"))
    assert profile["Umur"]["60 tahun ke atas"] == (8, Decimal("25.0"))
    assert profile["Pendidikan"]["SMA"] == (16, Decimal("50.0"))
    assert profile["Pendidikan"]["D4/S1"] == (8, Decimal("25.0"))
    assert profile["Pekerjaan"]["Pegawai swasta"] == (24, Decimal("75.0"))
    assert profile["Pekerjaan"]["Lainnya"] == (8, Decimal("25.0"))


def test_answers_outside_the_period_or_of_another_agency_do_not_count(
    answered_q3, agency_a, service_b, location
):
    answer_period(service=service_b, location=location)
    assert agency_skm_figures(agency=agency_a, period=Q3).respondents == 32
    assert agency_skm_figures(agency=agency_a, period=Q2).respondents == 0
    assert mall_skm_figures(period=Q3).respondents == 64
    assert mall_skm_figures(period=SkmPeriod(year=2026, code="s2")).ikm.index == Decimal("84.03")


def test_a_period_with_too_few_answers_shows_a_note_instead_of_figures(
    client, service_a, location, agency_a, admin_a
):
    answer_period(service=service_a, location=location, count=settings.SKM_MIN_RESPONSES - 1)
    figures = agency_skm_figures(agency=agency_a, period=Q3)
    assert not figures.enough and figures.elements == [] and figures.ikm.index is None
    client.force_login(admin_a)
    page = client.get(page_url(agency_a)).content.decode()
    assert f"Baru {settings.SKM_MIN_RESPONSES - 1} responden" in page
    assert "NRR tertimbang" not in page


# --- Periods -------------------------------------------------------------------------------


def test_periods_cover_quarters_and_semesters_and_know_their_neighbours():
    assert (Q3.start, Q3.end) == (date(2026, 7, 1), date(2026, 9, 30))
    s2 = SkmPeriod.parse(2026, "S2")
    assert (s2.start, s2.end) == (date(2026, 7, 1), date(2026, 12, 31))
    assert SkmPeriod(year=2026, code="q1").previous == SkmPeriod(year=2025, code="q4")
    assert SkmPeriod(year=2026, code="s1").previous == SkmPeriod(year=2025, code="s2")
    assert SkmPeriod(year=2025, code="q4").following == SkmPeriod(year=2026, code="q1")
    assert Q3.label == "Triwulan III 2026"
    assert SkmPeriod.parse(2026, "q5") is None and SkmPeriod.parse(10**30, "q1") is None
    assert SkmPeriod.last_ended_quarter(date(2026, 2, 1)) == SkmPeriod(year=2025, code="q4")


# --- Plan, progress and publication ----------------------------------------------------------


def test_the_plan_is_frozen_at_publication(answered_q3, agency_a, admin_a):
    item = add_plan(agency_a, admin_a)
    report = skm_report_publish(agency=agency_a, period=Q3, actor=admin_a)
    assert report.published_by == admin_a and report.published_at is not None
    with pytest.raises(SkmReportRefused):
        add_plan(agency_a, admin_a, action="Lagi")
    with pytest.raises(SkmReportRefused):
        skm_follow_up_remove(follow_up=item)
    with pytest.raises(SkmReportRefused):
        skm_report_publish(agency=agency_a, period=Q3, actor=admin_a)
    with scopes_disabled():
        assert SkmFollowUp.objects.filter(report=report).count() == 1


def test_publication_waits_for_the_end_of_the_period_and_enough_answers(
    service_a, location, agency_a, admin_a
):
    today = clock.today()
    current = SkmPeriod(year=today.year, code=f"q{(today.month - 1) // 3 + 1}")
    answer_period(service=service_a, location=location, day=today)
    with pytest.raises(SkmReportRefused, match="berakhir"):
        skm_report_publish(agency=agency_a, period=current, actor=admin_a)
    with pytest.raises(SkmReportRefused, match="terlalu sedikit"):
        skm_report_publish(agency=agency_a, period=Q3, actor=admin_a)
    with scopes_disabled():
        assert not SkmReport.objects.filter(published_at__isnull=False).exists()


def test_bad_plan_input_is_refused_and_changes_nothing(agency_a, admin_a):
    for element, action, target in (
        ("u99", "Aksi", Q3.end),
        ("u1_requirements", "   ", Q3.end),
        ("u1_requirements", "Aksi", date(2026, 6, 30)),
    ):
        with pytest.raises(DomainError):
            skm_follow_up_add(
                agency=agency_a,
                period=Q3,
                element=element,
                action=action,
                owner="Seksi",
                target_date=target,
                actor=admin_a,
            )
    with scopes_disabled():
        assert not SkmFollowUp.objects.exists()


def test_progress_is_written_until_the_next_report_is_published(
    service_a, location, agency_a, admin_a
):
    item = add_plan(agency_a, admin_a, period=Q2)
    updated = skm_follow_up_progress(
        follow_up=item, status="done", note="Kotak saran terpasang", actor=admin_a
    )
    assert (updated.status, updated.progress_by) == ("done", admin_a)
    answer_period(service=service_a, location=location)
    skm_report_publish(agency=agency_a, period=Q3, actor=admin_a)
    with pytest.raises(SkmReportRefused):
        skm_follow_up_progress(follow_up=item, status="not_done", note="", actor=admin_a)
    with scopes_disabled():
        assert SkmFollowUp.objects.get(pk=item.pk).status == "done"


# --- Pages and who sees them -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("user", "status"),
    [
        ("admin_a", 200),
        ("operator_a", 200),
        ("mall_admin", 200),
        ("admin_b", 404),
        ("operator_b", 404),
    ],
)
def test_agency_report_access(client, request, answered_q3, agency_a, user, status):
    client.force_login(request.getfixturevalue(user))
    assert client.get(page_url(agency_a)).status_code == status


def test_only_the_agency_admin_writes_the_plan(client, answered_q3, agency_a, operator_a, admin_b):
    data = {"unsur": "u8_complaints", "rencana": "Aksi", "penanggung_jawab": "Seksi"}
    data["target"] = "30/09/2026"
    url = page_url(agency_a, Q3, "counters:skm_plan_add")
    client.force_login(operator_a)
    assert client.post(url, data).status_code == 403
    client.force_login(admin_b)
    assert client.post(url, data).status_code == 404
    assert client.post(page_url(agency_a, Q3, "counters:skm_publish")).status_code == 404
    with scopes_disabled():
        assert not SkmFollowUp.objects.exists() and not SkmReport.objects.exists()


def test_another_agencys_plan_action_is_a_404(client, agency_a, agency_b, admin_a, admin_b):
    item = add_plan(agency_b, admin_b)
    client.force_login(admin_a)
    url = page_url(agency_a, Q3, "counters:skm_plan_remove", item.pk)
    assert client.post(url).status_code == 404
    with scopes_disabled():
        assert SkmFollowUp.objects.filter(pk=item.pk).exists()


def test_a_bad_form_says_why_and_changes_nothing(client, agency_a, admin_a):
    client.force_login(admin_a)
    url = page_url(agency_a, Q3, "counters:skm_plan_add")
    response = client.post(url, {"unsur": "u1_requirements", "target": "31/02/2026"}, follow=True)
    page = response.content.decode()
    assert "Tulis tanggal sebagai hh/bb/tttt" in page
    with scopes_disabled():
        assert not SkmFollowUp.objects.exists()


def test_a_citizen_cannot_see_an_unpublished_report(client, answered_q3, agency_a, admin_a):
    add_plan(agency_a, admin_a)
    assert client.get(public_url(agency_a)).status_code == 404
    assert "Triwulan III" not in client.get(reverse("counters:skm_public_index")).content.decode()
    skm_report_publish(agency=agency_a, period=Q3, actor=admin_a)
    assert client.get(public_url(agency_a)).status_code == 200
    index = client.get(reverse("counters:skm_public_index")).content.decode()
    assert public_url(agency_a) in index
    assert client.get(public_url(agency_a, Q2)).status_code == 404


def test_not_a_period_is_a_404(client, agency_a, admin_a):
    client.force_login(admin_a)
    assert client.get(f"/instansi/{agency_a.slug}/laporan/skm/2026/q9/").status_code == 404
    assert client.get(f"/instansi/{agency_a.slug}/laporan/skm/{'9' * 30}/q1/").status_code == 404


def test_the_chooser_leads_to_the_asked_period(client, agency_a, admin_a, mall_admin):
    client.force_login(admin_a)
    url = reverse("counters:skm_agency_choose", args=[agency_a.slug])
    assert client.get(url, {"tahun": 2026, "periode": "s1"})["Location"] == page_url(
        agency_a, SkmPeriod(year=2026, code="s1")
    )
    refused = client.get(url, {"tahun": "x", "periode": "q7"}, follow=True)
    assert "Pilih tahun dan periode laporan yang ada." in refused.content.decode()
    client.force_login(mall_admin)
    mall = client.get(reverse("counters:skm_mall_choose"), {"tahun": 2026, "periode": "q3"})
    assert mall["Location"] == reverse("counters:skm_mall", args=[2026, "q3"])


def test_the_mall_report_shows_every_agency(client, answered_q3, agency_a, agency_b, mall_admin):
    client.force_login(mall_admin)
    page = client.get(reverse("counters:skm_mall", args=[2026, "q3"])).content.decode()
    assert agency_a.name in page and agency_b.name in page and "84,03" in page


def test_the_quarterly_report_prints_with_the_follow_up_plan(
    client, answered_q3, agency_a, admin_a
):
    """Done when: the quarterly SKM report prints with the follow-up plan. The admin writes
    Q2's plan, reports its progress on Q3's page, writes Q3's plan, publishes; the printed
    page (staff and public) holds the figures, both plans, and a print stylesheet."""
    q2_item = add_plan(agency_a, admin_a, period=Q2, action="Papan persyaratan di loket")
    client.force_login(admin_a)
    progress = page_url(agency_a, Q3, "counters:skm_plan_progress", q2_item.pk)
    client.post(progress, {"status": "done", "catatan": "Terpasang Juli"})
    client.post(
        page_url(agency_a, Q3, "counters:skm_plan_add"),
        {
            "unsur": "u8_complaints",
            "rencana": "Kotak saran dan QR pengaduan di setiap loket",
            "penanggung_jawab": "Seksi Pelayanan",
            "target": "31/12/2026",
        },
    )
    published = client.post(page_url(agency_a, Q3, "counters:skm_publish"), follow=True)
    assert "Laporan SKM diterbitkan" in published.content.decode()
    staff_page = client.get(page_url(agency_a)).content.decode()
    client.logout()
    for page in (staff_page, client.get(public_url(agency_a)).content.decode()):
        assert "css/skm_report.css" in page and "data-print" in page
        assert "84,03" in page and "Triwulan III 2026" in page
        assert "Kotak saran dan QR pengaduan di setiap loket" in page
        assert "Seksi Pelayanan" in page and "31 Desember 2026" in page
        assert "Papan persyaratan di loket" in page and "Terpasang Juli" in page
        assert "Selesai" in page
    stylesheet = (settings.BASE_DIR / "static/css/skm_report.css").read_text()
    assert "@media print" in stylesheet
