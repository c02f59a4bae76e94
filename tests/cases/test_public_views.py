"""The citizen's case pages: the lookup behind the NIK's last four digits, the session that
remembers it, what the page shows in each status, and the messages about the case."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from cases.errors import CaseRefused
from cases.models import Case
from cases.selectors import case_for_citizen
from cases.services import case_change_status, case_messages_allow, case_transfer
from notifications.consent import consent_grant
from notifications.models import Consent, Message
from tests.cases.conftest import open_case, wita
from tests.factories import AgencyFactory, BookingScheduleFactory, ServiceFactory
from tests.qr_reader import read_qr, svg_in_page

pytestmark = pytest.mark.django_db

STAFF = "staff"
NO_MATCH = "Kode atau 4 digit NIK tidak cocok"
CITIZEN = {"name": "Siti Rahmawati", "nik_last4": "7305", "phone": "0813 5555 2468"}


def make_case(service, **extra) -> Case:
    # Set-up as the counter would (its own scope); the pages under test choose theirs.
    with scopes_disabled():
        return open_case(service, **extra)


def change(**kwargs) -> Case:
    with scopes_disabled():
        case, _event = case_change_status(**kwargs)
    return case


def proven(client, case, digits="7305"):
    response = client.post(f"/lacak/{case.code}/", {"nik_last4": digits})
    assert response.status_code == 302, response.content
    return client.get(f"/lacak/{case.code}/")


def spaced(code: str) -> str:
    """The code as a citizen might type it from the slip."""
    return f"{code[:4].lower()}-{code[4:]} "


def test_the_lookup_opens_the_case_with_the_right_digits_and_the_session_remembers_it(
    client, service
):
    case = make_case(service, **CITIZEN)
    response = client.post("/lacak/", {"code": spaced(case.code), "nik_last4": "73 05"})
    assert response.status_code == 302
    assert response["Location"] == f"/lacak/{case.code}/"
    page = client.get(f"/lacak/{case.code}/")
    assert page.status_code == 200
    assert "Diproses" in page.content.decode()
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    assert "Cookie" in page["Vary"]
    # A reload and a language switch still show it, without the digits again.
    switched = client.get(f"/bahasa/en/?next=/lacak/{case.code}/", follow=True)
    assert switched.status_code == 200
    assert 'lang="en"' in switched.content.decode()
    assert "In process" in switched.content.decode()
    assert client.session["case_access"] == [case.pk]


def test_wrong_digits_and_an_unknown_code_get_the_same_answer(client, service):
    case = make_case(service, **CITIZEN)
    wrong = client.post("/lacak/", {"code": case.code, "nik_last4": "7306"})
    unknown = client.post("/lacak/", {"code": "ZZZZZZZZZZ", "nik_last4": "7305"})
    on_page = client.post(f"/lacak/{case.code}/", {"nik_last4": "7306"})
    unknown_page = client.post("/lacak/ZZZZZZZZZZ/", {"nik_last4": "7305"})
    for response in (wrong, unknown, on_page, unknown_page):
        assert response.status_code == 404
        assert NO_MATCH in response.content.decode()
        assert "Diproses" not in response.content.decode()
    assert "case_access" not in client.session


def test_the_qr_address_asks_the_digits_in_a_form_and_shows_nothing_before(client, service):
    case = make_case(service, **CITIZEN)
    page = client.get(f"/lacak/{case.code}/")
    body = page.content.decode()
    assert page.status_code == 200
    assert re.search(r'<form method="post"', body)
    assert 'name="nik_last4"' in body
    assert "Diproses" not in body and "/layanan/" + service.agency.slug not in body
    # The same page for a code that does not exist.
    assert client.get("/lacak/ZZZZZZZZZZ/").status_code == 200


def test_a_code_typed_in_the_address_in_lower_case_leads_to_its_page(client, service):
    case = make_case(service, **CITIZEN)
    response = client.get(f"/lacak/{case.code.lower()}/")
    assert response.status_code == 302
    assert response["Location"] == f"/lacak/{case.code}/"


def test_badly_formed_digits_are_told_and_count_nothing(client, service):
    case = make_case(service, **CITIZEN)
    response = client.post(f"/lacak/{case.code}/", {"nik_last4": "73a"})
    assert response.status_code == 422
    assert "Isi tepat 4 angka terakhir NIK." in response.content.decode()


def test_the_page_names_the_holder_the_due_date_the_timeline_and_the_qr_of_its_address(
    client, service, at, phone_channels
):
    at(wita(2026, 3, 2, 9, 14))
    case = make_case(service, holder_unit="Bidang Pelayanan Pendaftaran Penduduk", **CITIZEN)
    at(wita(2026, 3, 3, 10, 0))
    body = proven(client, case).content.decode()
    assert "Bidang Pelayanan Pendaftaran Penduduk" in body
    assert "Senin, 9 Maret 2026" in body  # five working days from Monday 2 March
    assert "2 Maret 2026, 09.14 WITA" in body
    assert 'datetime="2026-03-02T09:14:00+0800"' in body
    assert "Terlambat" not in body
    assert f'href="/layanan/{service.agency.slug}/ktp-el/"' in body
    assert read_qr(svg_in_page(body)) == f"{settings.PUBLIC_BASE_URL}/lacak/{case.code}/"


def test_an_incomplete_case_lists_what_to_bring_and_that_its_clock_stands_still(
    client, service, requirements, at
):
    requirements[0].bring_original, requirements[0].copies = True, 2
    requirements[0].note = "Yang terbaru"
    requirements[0].save()
    at(wita(2026, 3, 2, 9))
    case = make_case(
        service,
        status=Case.Status.INCOMPLETE,
        missing=[requirements[0].pk],
        missing_note="Pas foto latar merah",
        **CITIZEN,
    )
    body = proven(client, case).content.decode()
    assert "Berkas kurang" in body
    assert "Fotokopi Kartu Keluarga" in body and "Surat pengantar RT" not in body
    assert "bawa asli" in body and "fotokopi 2 lembar" in body and "Yang terbaru" in body
    assert "Pas foto latar merah" in body
    assert "Jeda sejak 2 Maret 2026" in body


def test_a_refused_case_gives_the_reason_and_the_legal_basis(client, service):
    case = make_case(
        service,
        status=Case.Status.REFUSED,
        reason="Pemohon belum berusia 17 tahun.",
        basis="UU No. 24 Tahun 2013 Pasal 63 ayat (1)",
        **CITIZEN,
    )
    body = proven(client, case).content.decode()
    assert "Ditolak" in body
    assert "Pemohon belum berusia 17 tahun." in body
    assert "UU No. 24 Tahun 2013 Pasal 63 ayat (1)" in body


def test_a_ready_case_says_where_and_when_to_pick_up_and_links_to_book_the_visit(
    client, service, location
):
    location.address, location.opening_hours = "Jl. Soekarno-Hatta, Sangatta", "Senin–Jumat"
    location.map_url = "https://maps.example.id/expo"
    location.save()
    service.is_bookable = True
    service.save()
    BookingScheduleFactory(service=service, agency=service.agency, location=location)
    case = make_case(service, location=location, **CITIZEN)
    change(case=case, status=Case.Status.READY, source=STAFF, pickup_note="Bawa tanda terima.")
    body = proven(client, case).content.decode()
    assert "Siap diambil" in body
    assert "Jl. Soekarno-Hatta, Sangatta" in body and "Senin–Jumat" in body
    assert 'href="https://maps.example.id/expo"' in body
    assert "Bawa tanda terima." in body
    link = f"/reservasi/{service.agency.slug}/ktp-el/?lokasi={location.slug}"
    assert f'href="{link}"' in body
    assert client.get(link).status_code == 200


def test_a_ready_case_of_a_service_without_booking_offers_no_booking_link(
    client, service, location
):
    case = make_case(service, location=location, **CITIZEN)
    change(case=case, status=Case.Status.READY, source=STAFF)
    body = proven(client, case).content.decode()
    assert "?lokasi=" not in body


def test_a_late_case_says_terlambat_in_words(client, service, at):
    at(wita(2026, 3, 2, 9))
    case = make_case(service, **CITIZEN)
    at(wita(2026, 3, 20, 9))
    body = proven(client, case).content.decode()
    assert "Terlambat" in body


def test_the_page_and_its_messages_never_show_the_name_the_nik_digits_or_the_phone(
    client, service, phone_channels
):
    case = make_case(service, **CITIZEN)
    consent_grant(recipient="+6281355552468", channel="whatsapp", purpose="case", source="uji")
    body = proven(client, case).content.decode()
    assert "Siti" not in body and "Rahmawati" not in body
    assert "7305" not in body
    assert "81355552468" not in body and "0813 5555 2468" not in body
    assert "+62813****2468" in body  # masked, so that the citizen recognises it


def test_the_page_takes_a_fixed_number_of_queries_however_long_the_timeline(
    client, service, django_assert_num_queries
):
    case = make_case(service, **CITIZEN)
    proven(client, case)
    with django_assert_num_queries(3):
        case_for_citizen(case.code)

    def page_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/lacak/{case.code}/").status_code == 200
        return len(queries)

    before = page_queries()
    other = ServiceFactory(agency=AgencyFactory(), processing_unit="days", processing_amount=3)
    with scopes_disabled():
        case_transfer(case=case, service=other, actor=None, note="Kewenangan instansi lain")
    case = case_for_citizen(case.code)
    change(case=case, status=Case.Status.READY, source=STAFF)
    assert page_queries() == before


def test_a_citizen_leaves_a_number_and_is_told_of_the_next_change(client, service, phone_channels):
    case = make_case(service, nik_last4="7305")
    proven(client, case)
    response = client.post(
        f"/lacak/{case.code}/pemberitahuan/", {"phone": "0812-3456-7890", "notify": ["whatsapp"]}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.phone == "+6281234567890"
    consent = Consent.objects.get(recipient="+6281234567890", withdrawn_at__isnull=True)
    assert (consent.channel, consent.purpose) == ("whatsapp", "case")
    assert "+62812****7890" in client.get(f"/lacak/{case.code}/").content.decode()
    change(case=case, status=Case.Status.READY, source=STAFF)
    with scopes_disabled():
        message = Message.objects.get()
    assert (message.template, message.recipient) == ("case_status", "+6281234567890")

    stopped = client.post(f"/lacak/{case.code}/pemberitahuan/", {"berhenti": "1"})
    assert stopped.status_code == 302
    case.refresh_from_db()
    assert case.phone == ""
    assert not Consent.objects.filter(withdrawn_at__isnull=True).exists()
    change(case=case, status=Case.Status.HANDED_OVER, source=STAFF)
    with scopes_disabled():
        assert Message.objects.count() == 1


def test_a_bad_number_is_told_in_indonesian_and_changes_nothing(client, service, phone_channels):
    case = make_case(service, nik_last4="7305")
    proven(client, case)
    response = client.post(
        f"/lacak/{case.code}/pemberitahuan/", {"phone": "021 555 1234", "notify": ["sms"]}
    )
    assert response.status_code == 422
    assert "Nomor ponsel harus nomor seluler Indonesia" in response.content.decode()
    case.refresh_from_db()
    assert case.phone == "" and not Consent.objects.exists()


def test_messages_of_a_closed_case_are_refused(client, service, phone_channels):
    case = make_case(
        service, status=Case.Status.REFUSED, reason="Tidak berwenang", basis="Perbup 1/2024"
    )
    page = proven(client, case, digits="0001").content.decode()
    assert 'name="phone"' not in page
    response = client.post(
        f"/lacak/{case.code}/pemberitahuan/", {"phone": "081234567890", "notify": ["sms"]}
    )
    assert response.status_code == 409
    assert "sudah selesai" in response.content.decode()
    assert not Consent.objects.exists()


def test_messages_need_the_digits_proven_first(service, phone_channels):
    case = make_case(service, nik_last4="7305")
    response = Client().post(
        f"/lacak/{case.code}/pemberitahuan/", {"phone": "081234567890", "notify": ["sms"]}
    )
    assert response.status_code == 404
    case.refresh_from_db()
    assert case.phone == ""


def test_the_english_page_renders(client, service, requirements):
    case = make_case(
        service, status=Case.Status.INCOMPLETE, missing=[requirements[1].pk], **CITIZEN
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    lookup = client.get("/lacak/").content.decode()
    assert "Track an application" in lookup
    body = proven(client, case).content.decode()
    assert 'lang="en"' in body
    assert "Incomplete" in body and "What to bring to complete the file" in body


def test_leaving_a_number_needs_a_mobile_number_and_a_phone_channel(service):
    case = make_case(service, nik_last4="7305")
    for phone, channels in (("", ["sms"]), ("081355552468", []), ("081355552468", ["email"])):
        with pytest.raises(CaseRefused):
            case_messages_allow(case=case, phone=phone, channels=channels, language="id")
    case.refresh_from_db()
    assert case.phone == "" and not Consent.objects.exists()
