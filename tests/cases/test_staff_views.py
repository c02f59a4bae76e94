"""The back office of cases: lists and their filters, bulk changes, one case's page and its
forms, opening a case without a counter, and two-agency isolation."""

from datetime import timedelta

import pytest
from django_scopes import scope, scopes_disabled

from cases import selectors
from cases.models import Case, CaseEvent
from cases.services import case_change_status
from cases.views import staff
from counters.booking.services import booking_create
from tests.cases.conftest import open_case, wita
from tests.counters.booking.conftest import VALID_NIK, next_slot
from tests.factories import BookingScheduleFactory, ServiceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_scope")]
LIST = "/instansi/instansi-a/berkas/"
STAFF = CaseEvent.Source.STAFF


def page_of(client, query=""):
    return client.get(LIST + query).content.decode()


def change(case, status, **extra):
    with scopes_disabled():
        return case_change_status(case=case, status=status, source=STAFF, **extra)[0]


def fresh(case) -> Case:
    with scopes_disabled():
        return Case.objects.get(pk=case.pk)


@pytest.fixture
def office(client, operator_a):
    client.force_login(operator_a)
    return client


@pytest.fixture
def b_service(agency_b, location):
    return ServiceFactory(agency=agency_b, slug="skck", name="SKCK", locations=[location])


def test_the_list_shows_the_agencys_open_cases_with_masked_contacts(
    office, service, b_service, phone_channels
):
    mine = open_case(service, phone="081234567890")
    theirs = open_case(b_service)
    page = page_of(office)
    assert mine.code in page and theirs.code not in page
    assert "+62812****7890" in page and "081234567890" not in page and "+6281234567890" not in page
    assert "…0001" in page


def test_the_lists_filters_each_name_their_cases(office, service, operator_a, at):
    at(wita(2026, 12, 1, 9, 0))
    late = open_case(service)  # due Tue 8 December
    at(wita(2026, 12, 3, 9, 0))
    due_today = open_case(service)  # due Thu 10 December
    mine = open_case(service)
    with scopes_disabled():
        Case.objects.filter(pk=mine.pk).update(assignee=operator_a, due_at=None)
    incomplete = change(open_case(service), "incomplete", missing_note="Pas foto")
    ready_long = change(open_case(service), "ready")
    at(wita(2026, 12, 10, 11, 0))
    ready_now = change(open_case(service), "ready")
    refused = change(open_case(service), "refused", reason="x", basis="y")

    def shown(query):
        page = page_of(office, query)
        return {case.code for case in Case.objects.all() if case.code in page}

    with scopes_disabled():
        assert shown("?lihat=terlambat") == {late.code}
        assert shown("?lihat=jatuh-tempo") == {due_today.code}
        assert shown("?lihat=kurang") == {incomplete.code}
        assert shown("?lihat=belum-diambil") == {ready_long.code}
        assert shown("?lihat=saya") == {mine.code}
        assert shown("?status=refused") == {refused.code}
        assert refused.code not in page_of(office)
        assert shown("?status=semua") >= {refused.code, ready_now.code, late.code}
        assert shown(f"?q={due_today.code.lower()}&status=semua") == {due_today.code}
    assert "Terlambat — batas 8 Des 2026" in page_of(office, "?lihat=terlambat")


def test_the_late_filter_agrees_with_each_cases_own_late_rule(service, at):
    at(wita(2026, 12, 1, 9, 0))
    cases = [open_case(service) for _ in range(5)]
    at(wita(2026, 12, 4, 9, 0))
    change(cases[1], "ready")  # done in time
    change(cases[2], "incomplete", missing_note="KK")  # paused in time
    at(wita(2026, 12, 15, 9, 0))
    change(cases[3], "ready")  # done late
    with scopes_disabled():
        Case.objects.filter(pk=cases[4].pk).update(due_at=None)
        every = list(Case.objects.all())
        by_rule = {case.pk for case in every if case.is_late}
        assert {case.pk for case in Case.objects.late()} == by_rule == {cases[0].pk, cases[3].pk}
        flagged = {case.pk for case in Case.objects.with_late() if case.late}
        assert flagged == by_rule


def test_the_list_is_paginated(office, service, monkeypatch):
    monkeypatch.setattr(staff, "PER_PAGE", 2)
    for _ in range(3):
        open_case(service)
    first, second = page_of(office), page_of(office, "?halaman=2")
    assert "Halaman 1 dari 2" in first and "3 berkas." in first
    assert "Halaman 2 dari 2" in second
    assert page_of(office, "?halaman=abc").count("pilih-") == 2


def test_a_bulk_change_reports_each_case_changed_or_refused(office, service):
    ready = [open_case(service), open_case(service)]
    refused = change(open_case(service), "refused", reason="x", basis="y")
    response = office.post(
        LIST + "ubah-status/",
        {
            "massal-cases": [c.code for c in (*ready, refused)],
            "massal-status": "ready",
            "massal-note": "Sudah dicetak",
            "kembali": LIST + "?status=semua",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == LIST + "?status=semua"
    page = response.content.decode()
    codes = ", ".join(sorted(c.code for c in ready))
    assert f"Berubah menjadi Siap diambil: {codes}." in page
    assert f"{refused.code} tidak diubah: Berkas berstatus Ditolak tidak bisa menjadi" in page
    assert [fresh(c).status for c in ready] == ["ready", "ready"]
    with scopes_disabled():
        assert CaseEvent.objects.filter(note="Sudah dicetak").count() == 2


def test_a_bulk_change_without_a_selection_changes_nothing(office, service):
    case = open_case(service)
    response = office.post(LIST + "ubah-status/", {"massal-status": "ready"}, follow=True)
    assert "Pilih berkas yang akan diubah." in response.content.decode()
    assert fresh(case).status == "in_process"


def test_the_case_page_shows_the_full_audit_trail(office, service, operator_a, admin_a):
    case = open_case(service, actor=operator_a, name="Siti Rahma", phone="")
    url = f"{LIST}{case.code}/"
    office.post(url + "tugaskan/", {"tugas-assignee": admin_a.pk})
    office.post(url + "catatan/", {"catatan-note": "Menunggu blanko"})
    office.post(
        url + "status/",
        {"status-status": "ready", "status-pickup_note": "Loket 3, pukul 08.00–12.00"},
    )
    page = office.get(url).content.decode()
    for text in ("Dibuka", "Ditugaskan", "admin-a", "Menunggu blanko", "internal"):
        assert text in page
    assert "Diproses → Siap diambil" in page and "S*** R****" in page and "Siti" not in page
    case = fresh(case)
    assert (case.status, case.assignee, case.pickup_note) == (
        "ready",
        admin_a,
        "Loket 3, pukul 08.00–12.00",
    )
    assert case.pickup_location == case.location


def test_a_status_that_needs_more_is_refused_with_the_reason(office, service, requirements):
    case = open_case(service)
    url = f"{LIST}{case.code}/"
    response = office.post(url + "status/", {"status-status": "refused", "status-reason": "x"})
    assert response.status_code == 302
    assert "dasar hukumnya" in office.get(url).content.decode()
    assert fresh(case).status == "in_process"
    bad = office.post(url + "status/", {"status-status": "sent-away"})
    assert bad.status_code == 422 and "pilihan yang valid" in bad.content.decode()
    office.post(
        url + "status/", {"status-status": "incomplete", "status-missing": [requirements[0].pk]}
    )
    case = fresh(case)
    assert case.status == "incomplete"
    with scopes_disabled():
        assert list(case.missing_requirements.all()) == [requirements[0]]


def test_only_the_agencys_staff_can_be_assigned(office, service, operator_b):
    case = open_case(service)
    response = office.post(f"{LIST}{case.code}/tugaskan/", {"tugas-assignee": operator_b.pk})
    assert response.status_code == 422
    assert fresh(case).assignee is None


def test_holder_unit_and_reference_are_set_once_per_agency(office, service):
    first, second = open_case(service), open_case(service)
    data = {"rincian-holder_unit": "Bidang Dafduk", "rincian-reference": "SIAK-1"}
    office.post(f"{LIST}{first.code}/rincian/", data)
    assert (fresh(first).holder_unit, fresh(first).reference) == ("Bidang Dafduk", "SIAK-1")
    refused = office.post(f"{LIST}{second.code}/rincian/", data, follow=True)
    assert "sudah dipakai berkas lain" in refused.content.decode()
    assert fresh(second).reference == ""


def test_a_transfer_hands_the_case_to_the_other_agency(office, service, b_service):
    case = open_case(service)
    url = f"{LIST}{case.code}/"
    refused = office.post(url + "alihkan/", {"alih-service": b_service.pk})
    assert refused.status_code == 422 and fresh(case).agency_id == service.agency_id
    response = office.post(
        url + "alihkan/", {"alih-service": b_service.pk, "alih-note": "Salah loket"}
    )
    assert response["Location"] == LIST
    assert fresh(case).agency_id == b_service.agency_id
    assert office.get(url).status_code == 404


def test_staff_open_a_case_from_a_booking_or_with_no_visit(office, service, agency_a, location):
    picker = office.get(LIST + "buka/").content.decode()
    assert '<option value="ktp-el">' in picker
    url = LIST + "buka/?layanan=ktp-el"
    response = office.post(url, {"status": "in_process", "nik_last4": "4321", "note": "Surat"})
    with scopes_disabled():
        case = Case.objects.get()
    assert response["Location"] == f"{LIST}{case.code}/tanda-terima/"
    assert (case.booking, case.ticket, case.nik_last4) == (None, None, "4321")
    with scopes_disabled():
        assert case.events.get().source == "staff"
        schedule = BookingScheduleFactory(
            service=service, agency=agency_a, location=location, weekdays=list(range(7))
        )
        booking = booking_create(
            schedule=schedule,
            starts_at=next_slot(schedule).starts_at,
            name="Siti",
            nik=VALID_NIK,
            phone="081234567890",
        )
    unknown = office.post(url, {"status": "in_process", "nik_last4": "0001", "booking": "ZZZZZZZZ"})
    assert unknown.status_code == 422 and "tidak ditemukan" in unknown.content.decode()
    office.post(url, {"status": "in_process", "nik_last4": "0001", "booking": booking.code})
    with scopes_disabled():
        assert Case.objects.get(booking=booking).location == location


def test_another_agencys_staff_and_cases_are_not_found(client, service, b_service, operator_b):
    mine = open_case(service)
    theirs = open_case(b_service)
    client.force_login(operator_b)
    for path in (LIST, f"{LIST}{mine.code}/", f"{LIST}{mine.code}/tanda-terima/", LIST + "buka/"):
        assert client.get(path).status_code == 404, path
    assert client.post(f"{LIST}{mine.code}/catatan/", {"catatan-note": "x"}).status_code == 404
    # Agency B's own office does not see A's case under B's slug, nor A's under A's.
    assert client.get(f"/instansi/instansi-b/berkas/{mine.code}/").status_code == 404
    assert client.get(f"/instansi/instansi-b/berkas/{theirs.code}/").status_code == 200
    response = client.post(
        "/instansi/instansi-b/berkas/ubah-status/",
        {"massal-cases": [mine.code], "massal-status": "ready"},
        follow=True,
    )
    assert "Pilih berkas yang akan diubah." in response.content.decode()
    assert fresh(mine).status == "in_process"


def test_the_mall_admin_reads_every_agencys_office(client, service, mall_admin):
    case = open_case(service)
    client.force_login(mall_admin)
    assert case.code in page_of(client)
    assert client.get(f"{LIST}{case.code}/").status_code == 200


def test_the_selector_searches_by_the_agencys_reference(service, agency_a):
    case = open_case(service, reference="SIAK/2026/77")
    with scope(agency=agency_a):
        assert list(selectors.agency_cases(query="siak/2026/77")) == [case]
        assert selectors.agency_cases(query="SIAK/2026/7").count() == 0


def test_a_case_ready_for_a_week_is_uncollected_from_the_eighth_day(service, at):
    at(wita(2026, 12, 1, 9, 0))
    case = change(open_case(service), "ready")
    with scopes_disabled():
        at(case.completed_at + timedelta(days=7))
        assert not Case.objects.uncollected().exists()
        at(case.completed_at + timedelta(days=7, seconds=1))
        assert list(Case.objects.uncollected()) == [case]
