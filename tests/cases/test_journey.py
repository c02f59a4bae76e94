"""The whole way of a file, as the issue tells it: a clerk finishes a KTP-el visit as "in
process", the citizen follows it from the slip's QR, the agency's system marks it ready and
the citizen hears it on WhatsApp, books the pickup, and the handover closes it; a late case
shows as late to the citizen, the agency, the mall admin and on the transparency page."""

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from cases.models import Case
from cases.services import case_change_status
from tests.cases.conftest import open_case, wita
from tests.cases.test_staff_api import push, system_account
from tests.factories import BookingScheduleFactory
from tests.jobs import run_jobs
from tests.qr_reader import read_qr, svg_in_page

pytestmark = pytest.mark.django_db


def test_a_ktp_el_file_from_the_counter_to_its_handover(
    client, serving, counter, service, location, gateways, settings
):
    whatsapp, _sms = gateways
    settings.PUBLIC_BASE_URL = "https://mpp.kutaitimurkab.go.id"
    service.is_bookable = True
    service.save(update_fields=["is_bookable"])
    BookingScheduleFactory(service=service, agency=service.agency, location=location)
    client.force_login(serving.operator)
    finished = client.post(
        f"/loket/{counter.pk}/berkas/",
        {
            "ticket": serving.code,
            "status": "in_process",
            "nik_last4": "0001",
            "phone": "0812 3456 7890",
            "notify": ["whatsapp"],
        },
    )
    receipt = client.get(finished["Location"]).content.decode()
    tracking = read_qr(svg_in_page(receipt))
    with scopes_disabled():
        case = Case.objects.get()
    assert tracking == f"https://mpp.kutaitimurkab.go.id/lacak/{case.code}/"

    citizen = Client()
    path = tracking.removeprefix(settings.PUBLIC_BASE_URL)
    citizen.post(path, {"nik_last4": "0001"})
    assert "Diproses" in citizen.get(path).content.decode()

    siak = system_account(service.agency, "siak-kutim")
    assert push(client, siak, case.code, status="ready", reference="SIAK-77").status_code == 200
    run_jobs()
    templates = [request["json"]["template"] for request in whatsapp.requests]
    (ready_message,) = [t for t in templates if t["name"] == "mpp_berkas_status"][1:]
    assert case.code in str(ready_message) and "Siap diambil" in str(ready_message)

    ready = citizen.get(path).content.decode()
    assert "Siap diambil" in ready and f"/reservasi/{service.agency.slug}/{service.slug}/" in ready

    handed = client.post(
        f"/instansi/{service.agency.slug}/berkas/{case.code}/status/",
        {"status-status": "handed_over"},
    )
    assert handed.status_code == 302
    case.refresh_from_db()
    assert case.status == "handed_over" and case.closed_at is not None
    assert "Diserahkan" in citizen.get(path).content.decode()


def test_a_late_case_is_late_for_everyone_who_looks(client, service, operator_a, mall_admin, at):
    at(wita(2026, 11, 2, 10, 0))  # due Monday 9 November, five working days later
    with scopes_disabled():
        late = open_case(service)
        at(wita(2026, 11, 20, 10, 0))
        case_change_status(case=late, status="ready", source="staff")
    citizen = Client()
    citizen.post(f"/lacak/{late.code}/", {"nik_last4": "0001"})
    assert "Terlambat" in citizen.get(f"/lacak/{late.code}/").content.decode()

    client.force_login(operator_a)
    office = client.get(f"/instansi/{service.agency.slug}/berkas/?lihat=terlambat&status=semua")
    assert late.code in office.content.decode()

    at(wita(2026, 12, 3, 10, 0))  # the transparency page shows last month: November
    client.force_login(mall_admin)
    mall = client.get("/laporan/mpp/berkas/?dari=01/11/2026&sampai=30/11/2026")
    assert service.name in mall.content.decode()
    public = Client().get("/transparansi/").content.decode()
    assert "0&nbsp;%" in public and service.name in public
