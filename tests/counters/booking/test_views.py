"""The public booking pages: choose, book, and see or change a booking only with its NIK."""

import re
from urllib.parse import unquote_plus, urlencode

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from counters.booking.services import booking_create
from counters.models import Booking
from notifications.models import Consent, Message
from tests.counters.booking.conftest import OTHER_NIK, VALID_NIK, next_slot

pytestmark = pytest.mark.django_db

PERSON = {
    "name": "Siti Rahmawati",
    "nik": VALID_NIK,
    "phone": "0812 3456 7890",
    "email": "",
    "consent": "on",
}


def create_url(schedule, slot):
    query = urlencode({"lokasi": schedule.location.slug, "mulai": slot.starts_at.isoformat()})
    args = [schedule.agency.slug, schedule.service.slug]
    return reverse("booking:create", args=args) + "?" + query


def make_booking(schedule, nik=VALID_NIK, skip=0):
    return booking_create(
        schedule=schedule,
        starts_at=next_slot(schedule, skip).starts_at,
        name="Budi Santoso",
        nik=nik,
        phone="081234567890",
    )


def test_start_page_lists_bookable_services_by_agency(client, open_schedule, agency_a):
    response = client.get("/reservasi/")
    assert response.status_code == 200
    body = response.content.decode()
    assert agency_a.name in body and "Perekaman KTP-el" in body
    assert reverse("booking:service", args=[agency_a.slug, "ktp-el"]) in body


def test_code_lookup_redirects_to_the_normalized_booking_page(client):
    response = client.get("/reservasi/", {"code": "abcd-2345"})
    assert response.status_code == 302
    assert response["Location"] == "/reservasi/ABCD2345/"


def test_a_malformed_code_is_told_on_the_start_page(client):
    response = client.get("/reservasi/", {"code": "abc"})
    assert response.status_code == 200
    assert "8 huruf dan angka" in response.content.decode()


def test_service_page_shows_the_calendar_and_remaining_seats(client, open_schedule):
    slot = next_slot(open_schedule)
    url = reverse("booking:service", args=[open_schedule.agency.slug, "ktp-el"])
    response = client.get(url, {"tanggal": slot.starts_at.date().isoformat()})
    assert response.status_code == 200
    body = response.content.decode()
    assert "sisa 3 kursi" in body
    assert 'aria-current="date"' in body
    partial = client.get(
        url, {"tanggal": slot.starts_at.date().isoformat()}, headers={"HX-Request": "true"}
    )
    assert partial.status_code == 200
    assert "<html" not in partial.content.decode() and "pilih-jadwal" in partial.content.decode()


def test_a_service_without_schedule_is_404(client, agency_a):
    assert client.get(f"/reservasi/{agency_a.slug}/tidak-ada/").status_code == 404


def test_booking_through_the_form_shows_code_qr_and_masked_nik(client, open_schedule):
    slot = next_slot(open_schedule)
    response = client.post(create_url(open_schedule, slot), PERSON)
    assert response.status_code == 302
    with scopes_disabled():
        booking = Booking.objects.get()
    assert response["Location"] == f"/reservasi/{booking.code}/"
    page = client.get(response["Location"])
    body = page.content.decode()
    assert booking.code in body and "<svg" in body
    assert "6408********0001" in body and VALID_NIK not in body
    ics = client.get(f"/reservasi/{booking.code}/kalender.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    assert f"UID:{booking.code}@mpp-kutim" in ics.content.decode()


def test_invalid_data_is_refused_with_indonesian_messages_and_nothing_stored(client, open_schedule):
    data = {**PERSON, "nik": "6408013202900001", "phone": "12345", "consent": ""}
    response = client.post(create_url(open_schedule, next_slot(open_schedule)), data)
    assert response.status_code == 422
    body = response.content.decode()
    assert "Tanggal lahir pada NIK" in body
    assert "Nomor ponsel harus nomor seluler Indonesia" in body
    assert "Persetujuan penggunaan data pribadi diperlukan" in body
    with scopes_disabled():
        assert not Booking.objects.exists()


def test_a_full_slot_is_told_with_409(client, open_schedule):
    for serial in (1, 2, 3):
        make_booking(open_schedule, nik=f"640801150590000{serial}")
    response = client.post(
        create_url(open_schedule, next_slot(open_schedule)), {**PERSON, "nik": OTHER_NIK}
    )
    assert response.status_code == 409
    assert "sudah penuh" in response.content.decode()


def test_a_made_up_slot_sends_back_to_the_calendar(client, open_schedule):
    url = reverse("booking:create", args=[open_schedule.agency.slug, "ktp-el"])
    response = client.get(url, {"lokasi": open_schedule.location.slug, "mulai": "bukan-tanggal"})
    assert response.status_code == 302


def test_the_booking_and_its_personal_data_are_invisible_without_the_nik(client, open_schedule):
    booking = make_booking(open_schedule)
    page = client.get(f"/reservasi/{booking.code}/")
    body = page.content.decode()
    assert page.status_code == 200 and "Budi" not in body and "0812" not in body
    assert "NIK" in body
    for url in (f"/reservasi/{booking.code}/kalender.ics", f"/reservasi/{booking.code}/ubah/"):
        assert client.get(url).status_code == 404
    assert client.post(f"/reservasi/{booking.code}/batal/").status_code == 404
    wrong = client.post(f"/reservasi/{booking.code}/", {"nik": OTHER_NIK})
    assert wrong.status_code == 404 and "Budi" not in wrong.content.decode()
    unknown = client.post("/reservasi/ZZZZ2222/", {"nik": VALID_NIK})
    assert unknown.status_code == 404
    assert "tidak cocok" in wrong.content.decode() and "tidak cocok" in unknown.content.decode()
    right = client.post(f"/reservasi/{booking.code}/", {"nik": VALID_NIK})
    assert right.status_code == 302
    assert "Budi Santoso" in client.get(f"/reservasi/{booking.code}/").content.decode()


def test_nik_guessing_is_limited_per_client_address(client, open_schedule, settings):
    settings.BOOKING_LIMITS = {"lookup": 3}
    booking = make_booking(open_schedule)
    for _attempt in range(3):
        client.post(f"/reservasi/{booking.code}/", {"nik": OTHER_NIK})
    response = client.post(f"/reservasi/{booking.code}/", {"nik": VALID_NIK})
    assert response.status_code == 429
    assert "Terlalu banyak percobaan" in response.content.decode()


def test_cancel_is_asked_once_then_done_from_the_booking_page(client, open_schedule):
    booking = make_booking(open_schedule)
    client.post(f"/reservasi/{booking.code}/", {"nik": VALID_NIK})
    url = f"/reservasi/{booking.code}/batal/"
    assert f'href="{url}"' in client.get(f"/reservasi/{booking.code}/").content.decode()
    question = client.get(url)
    assert question.status_code == 200
    body = question.content.decode()
    assert "Batalkan reservasi?" in body and "melepas kursi" in body
    assert timezone.localtime(booking.starts_at).strftime("%H.%M") in body
    # A post without the answer to the question asks again and changes nothing.
    assert "Batalkan reservasi?" in client.post(url).content.decode()
    with scopes_disabled():
        booking.refresh_from_db()
    assert booking.status == Booking.Status.BOOKED

    response = client.post(url, {"yakin": "1"}, follow=True)
    body = response.content.decode()
    assert "Reservasi dibatalkan" in body and "Pesan jadwal baru" in body
    with scopes_disabled():
        booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    assert client.get(url)["Location"] == f"/reservasi/{booking.code}/"


def test_reschedule_from_the_booking_page(client, open_schedule):
    booking = make_booking(open_schedule)
    client.post(f"/reservasi/{booking.code}/", {"nik": VALID_NIK})
    page = client.get(f"/reservasi/{booking.code}/ubah/")
    assert page.status_code == 200 and "Ubah jadwal" in page.content.decode()
    target = next_slot(open_schedule, skip=2)
    response = client.post(
        f"/reservasi/{booking.code}/ubah/", {"mulai": target.starts_at.isoformat()}
    )
    assert response.status_code == 302
    with scopes_disabled():
        booking.refresh_from_db()
    assert booking.starts_at == target.starts_at
    bad = client.post(f"/reservasi/{booking.code}/ubah/", {"mulai": "kemarin"})
    assert bad.status_code == 200 and "Pilih salah satu sesi" in bad.content.decode()


def test_pages_stay_within_their_query_budgets(
    client, open_schedule, django_assert_max_num_queries
):
    booking = make_booking(open_schedule)
    service_url = reverse("booking:service", args=[open_schedule.agency.slug, "ktp-el"])
    with django_assert_max_num_queries(6):
        assert client.get(service_url).status_code == 200
    client.post(f"/reservasi/{booking.code}/", {"nik": VALID_NIK})
    with django_assert_max_num_queries(5):  # the documents to bring, the messages allowed
        assert client.get(f"/reservasi/{booking.code}/").status_code == 200
    slot = next_slot(open_schedule, skip=1)
    with django_assert_max_num_queries(15):  # 6 of them savepoints and releases
        booking_create(
            schedule=open_schedule,
            starts_at=slot.starts_at,
            name="Budi Santoso",
            nik=OTHER_NIK,
            phone="081234567890",
        )


def test_no_nik_travels_in_a_url_of_the_booking_pages(client, open_schedule):
    """Every URL requested and every redirect of booking, proving the NIK on another
    device, rescheduling and cancelling: the NIK goes in the body only."""
    urls = []

    def visit(method, url, data=None, browser=client):
        response = getattr(browser, method)(url, data or {})
        urls.extend([url, response.get("Location", "")])
        return response

    slot = next_slot(open_schedule)
    booked = visit("post", create_url(open_schedule, slot), PERSON)
    code = booked["Location"].strip("/").rsplit("/", 1)[-1]
    other_phone = Client()
    visit("get", f"/reservasi/{code}/", browser=other_phone)
    visit("post", f"/reservasi/{code}/", {"nik": "6408 0115 0590 0001"}, browser=other_phone)
    later = next_slot(open_schedule, skip=1).starts_at.isoformat()
    visit("post", f"/reservasi/{code}/ubah/", {"mulai": later}, browser=other_phone)
    visit("post", f"/reservasi/{code}/batal/", {"yakin": "1"}, browser=other_phone)

    assert booked.status_code == 302
    with scopes_disabled():
        assert Booking.objects.get(code=code).status == Booking.Status.CANCELLED
    digits_of_urls = [re.sub(r"\D", "", unquote_plus(url)) for url in urls]
    assert not [digits for digits in digits_of_urls if VALID_NIK[4:12] in digits]


def test_the_form_asks_which_channels_may_carry_messages(client, open_schedule, phone_channels):
    url = create_url(open_schedule, next_slot(open_schedule))
    body = client.get(url).content.decode()
    assert 'name="notify" value="whatsapp"' in body and 'name="notify" value="sms"' in body
    response = client.post(url, {**PERSON, "notify": ["whatsapp"]})
    assert response.status_code == 302
    assert set(Consent.objects.values_list("channel", "purpose", "source")) == {
        ("whatsapp", "booking", "reservasi"),
        ("whatsapp", "queue", "reservasi"),
    }
    assert Message.objects.get().template == "booking_confirmation"


def test_an_unknown_channel_is_refused_and_nothing_is_booked(client, open_schedule, phone_channels):
    url = create_url(open_schedule, next_slot(open_schedule))
    response = client.post(url, {**PERSON, "notify": ["merpati"]})
    assert response.status_code == 422
    assert "merpati" in response.content.decode()  # named in the field's error
    with scopes_disabled():
        assert not Booking.objects.exists()
    assert not Consent.objects.exists()


def test_no_channel_choice_where_none_is_sent_on(client, open_schedule, settings):
    settings.MESSAGE_CHANNELS = {"email": "notifications.channels.EmailChannel"}
    body = client.get(create_url(open_schedule, next_slot(open_schedule))).content.decode()
    assert 'name="notify"' not in body


def test_one_tap_on_the_booking_page_stops_the_messages(client, open_schedule, phone_channels):
    client.post(create_url(open_schedule, next_slot(open_schedule)), {**PERSON, "notify": ["sms"]})
    with scopes_disabled():
        booking = Booking.objects.get()
    page = client.get(f"/reservasi/{booking.code}/").content.decode()
    assert "Berhenti menerima pesan" in page and booking.masked_phone in page
    response = client.post(f"/reservasi/{booking.code}/pemberitahuan/", follow=True)
    assert "tidak akan menerima pesan lagi" in response.content.decode()
    assert not Consent.objects.filter(withdrawn_at=None).exists()
    assert (
        "Berhenti menerima pesan" not in client.get(f"/reservasi/{booking.code}/").content.decode()
    )
    # Allowed again from the same page.
    client.post(f"/reservasi/{booking.code}/pemberitahuan/", {"notify": ["whatsapp"]})
    assert list(Consent.objects.filter(withdrawn_at=None).values_list("channel", flat=True)) == [
        "whatsapp",
        "whatsapp",
    ]


def test_message_settings_need_the_booking_unlocked(client, open_schedule, phone_channels):
    booking = make_booking(open_schedule)
    response = Client().post(f"/reservasi/{booking.code}/pemberitahuan/", {"notify": ["sms"]})
    assert response.status_code == 404
    assert not Consent.objects.exists()
