"""The counter's outcome of a visit: finished and its case opened in one transaction, the
receipt with its tracking QR, and every refusal leaving the visit being served."""

import pytest
from django_scopes import scope, scopes_disabled

from cases.errors import CaseRefused
from cases.models import Case
from cases.services import case_open_at_counter
from counters.queue.models import Ticket
from notifications.models import Consent, Message
from services.models import LegalBasis
from tests.qr_reader import read_qr, svg_in_page

pytestmark = pytest.mark.django_db


def outcome(client, counter, ticket, **data):
    return client.post(
        f"/loket/{counter.pk}/berkas/", {"ticket": ticket.code, "nik_last4": "0001", **data}
    )


def the_case() -> Case:
    with scopes_disabled():
        return Case.objects.select_related("ticket").get()


def ticket_status(ticket) -> str:
    with scopes_disabled():
        return Ticket.objects.get(pk=ticket.pk).status


def test_the_console_offers_the_outcomes_while_a_visit_is_served(client, serving, counter):
    client.force_login(serving.operator)
    page = client.get(f"/loket/{counter.pk}/").content.decode()
    assert "Selesai di tempat" in page and f'href="/loket/{counter.pk}/berkas/"' in page
    assert 'href="/instansi/instansi-a/berkas/"' in page
    form = client.get(f"/loket/{counter.pk}/berkas/").content.decode()
    assert serving.code in form and "Diproses" in form and "Berkas kurang" in form


def test_finishing_as_in_process_opens_the_case_and_shows_a_receipt_with_its_qr(
    client, serving, counter, phone_channels
):
    client.force_login(serving.operator)
    response = outcome(client, counter, serving, status="in_process", name="Siti Rahma")
    case = the_case()
    assert response["Location"] == f"/instansi/instansi-a/berkas/{case.code}/tanda-terima/"
    assert ticket_status(serving) == "done"
    assert (case.status, case.ticket, case.nik_last4) == ("in_process", serving, "0001")
    with scopes_disabled():
        assert list(case.events.values_list("action", "source")) == [("opened", "counter")]
    receipt = client.get(response["Location"]).content.decode()
    assert case.code in receipt and "KTP-el" in receipt and "@media print" not in receipt
    assert (
        "Simpan tanda terima ini; lacak berkas di https://mpp.kutaitimurkab.go.id/lacak/ "
        "dengan kode dan 4 digit terakhir NIK." in receipt
    )
    assert read_qr(svg_in_page(receipt)) == (f"https://mpp.kutaitimurkab.go.id/lacak/{case.code}/")


def test_an_incomplete_file_names_the_services_own_missing_requirements(
    client, serving, counter, requirements
):
    client.force_login(serving.operator)
    response = outcome(
        client,
        counter,
        serving,
        status="incomplete",
        missing=[requirements[1].pk],
        missing_note="Pas foto 3x4",
    )
    case = the_case()
    assert case.status == "incomplete" and case.paused_at is not None
    with scopes_disabled():
        assert list(case.missing_requirements.all()) == [requirements[1]]
    receipt = client.get(response["Location"]).content.decode()
    assert "Surat pengantar RT" in receipt and "Pas foto 3x4" in receipt


def test_a_refusal_offers_the_services_legal_bases_and_keeps_the_article(
    client, serving, counter, service
):
    with scopes_disabled():
        LegalBasis.objects.create(service=service, title="Permendagri 72/2022")
    client.force_login(serving.operator)
    form = client.get(f"/loket/{counter.pk}/berkas/").content.decode()
    assert '<option value="Permendagri 72/2022">' in form
    outcome(
        client,
        counter,
        serving,
        status="refused",
        reason="Belum berusia 17 tahun",
        basis_choice="Permendagri 72/2022",
        basis="pasal 3",
    )
    case = the_case()
    assert (case.refusal_reason, case.refusal_basis) == (
        "Belum berusia 17 tahun",
        "Permendagri 72/2022; pasal 3",
    )
    assert case.closed_at is not None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"status": "refused", "reason": "Tidak lengkap"}, "alasan dan dasar hukumnya"),
        ({"status": "incomplete"}, "Sebutkan persyaratan yang kurang"),
        ({"status": "in_process", "nik_last4": "12a4"}, "Isi 4 angka terakhir NIK"),
        ({"status": "in_process", "phone": "081234567890"}, "hanya disimpan bila pemohon setuju"),
        ({"status": "in_process", "phone": "12345", "notify": ["sms"]}, "nomor"),
        ({"status": "handed_over"}, "pilihan yang valid"),
    ],
)
def test_a_refused_case_leaves_the_visit_being_served_and_says_why(
    client, serving, counter, phone_channels, data, message
):
    client.force_login(serving.operator)
    response = client.post(
        f"/loket/{counter.pk}/berkas/", {"ticket": serving.code, "nik_last4": "0001", **data}
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert ticket_status(serving) == "serving"
    with scopes_disabled():
        assert not Case.objects.exists() and not Consent.objects.exists()


def test_a_number_given_with_consent_is_kept_and_told_of_the_case(
    client, serving, counter, phone_channels
):
    client.force_login(serving.operator)
    outcome(
        client, counter, serving, status="in_process", phone="0812-3456-7890", notify=["whatsapp"]
    )
    case = the_case()
    assert case.phone == "+6281234567890"
    with scopes_disabled():
        consent = Consent.objects.get()
        message = Message.objects.get()
    assert (consent.channel, consent.purpose) == ("whatsapp", "case")
    assert message.context["code"] == case.code


def test_the_finish_and_the_case_are_one_transaction(serving, counter, operator_a):
    with scope(agency=counter.agency), pytest.raises(CaseRefused):
        case_open_at_counter(
            ticket=serving, operator=operator_a, status="refused", nik_last4="0001", reason="x"
        )
    assert ticket_status(serving) == "serving"


def test_a_visit_no_longer_served_here_goes_back_to_the_console(client, serving, counter):
    client.force_login(serving.operator)
    outcome(client, counter, serving, status="in_process")
    again = outcome(client, counter, serving, status="in_process")
    assert again["Location"] == f"/loket/{counter.pk}/"
    with scopes_disabled():
        assert Case.objects.count() == 1


def test_another_agencys_operator_cannot_reach_the_counter(client, serving, counter, operator_b):
    client.force_login(operator_b)
    assert client.get(f"/loket/{counter.pk}/berkas/").status_code == 404
    assert outcome(client, counter, serving, status="in_process").status_code == 404
    assert ticket_status(serving) == "serving"
