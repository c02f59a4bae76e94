"""The citizen's complaint pages: filing one (anonymous or confidential, prefilled from the
page it came from), the receipt shown once, following it with the secret, adding to it and
rating its answer; in both languages, as valid HTML."""

import pytest
from django_scopes import scopes_disabled

from complaints import services as complaints
from complaints.models import Complaint, ComplaintPhoto
from counters.queue.services import ticket_issue
from tests.complaints.conftest import answered, form_data, post_complaint
from tests.counters.conftest import open_all_week
from tests.images import image_bytes, upload
from tests.qr_reader import read_qr, svg_in_page
from tests.security.test_html_validity import nu_check

pytestmark = pytest.mark.django_db
Stage = Complaint.Stage


def only_complaint() -> Complaint:
    with scopes_disabled():
        return Complaint.objects.select_related("service", "about_agency", "location").get()


def test_a_confidential_complaint_is_filed_and_its_secret_is_shown_once(client, slow):
    response = post_complaint(
        client, slow, identity="confidential", name="Rina", phone="0812 3456 7890", notify="on"
    )
    complaint = only_complaint()
    assert response.status_code == 302
    assert response["Location"] == f"/pengaduan/{complaint.code}/terkirim/"
    receipt = client.get(response["Location"])
    body = receipt.content.decode()
    assert "Simpan nomor dan kode rahasia ini" in body and complaint.code in body
    secret = body.split('<dd class="complaint-code">')[2].split("<")[0]
    assert len(secret) == 12 and "no-store" in receipt["Cache-Control"]
    assert (complaint.name, complaint.phone) == ("Rina", "+6281234567890")
    again = client.get(f"/pengaduan/{complaint.code}/terkirim/")
    assert again.status_code == 302 and again["Location"] == f"/pengaduan/{complaint.code}/"
    page = client.get(again["Location"]).content.decode()
    assert "Diterima" in page and secret not in page


def test_an_anonymous_complaint_from_a_service_page_is_about_that_service(client, slow, ktp):
    page = client.get(f"/layanan/{ktp.agency.slug}/{ktp.slug}/").content.decode()
    link = f"/pengaduan/?layanan={ktp.agency.slug}/{ktp.slug}"
    assert f'href="{link}"' in page
    form = client.get(link).content.decode()
    assert 'value="instansi-a/ktp-el" selected' in form
    response = post_complaint(client, slow, path=link, service="instansi-a/ktp-el")
    assert response.status_code == 302
    complaint = only_complaint()
    assert complaint.service == ktp and complaint.about_agency == ktp.agency
    assert complaint.origin == "layanan:instansi-a/ktp-el"
    assert (complaint.name, complaint.phone, complaint.email) == ("", "", "")


def test_the_ticket_page_links_to_a_complaint_about_its_service_and_place(
    client, slow, ktp, location
):
    open_all_week(ktp.agency, location)
    with scopes_disabled():
        ticket = ticket_issue(service=ktp, location=location)
    status = client.get(f"/antrian/tiket/{ticket.code}/").content.decode()
    link = (
        f"/pengaduan/?tiket={ticket.code}&amp;layanan=instansi-a/ktp-el&amp;lokasi={location.slug}"
    )
    assert link in status
    path = link.replace("&amp;", "&")
    form = client.get(path).content.decode()
    # The form's own content says nothing of the ticket (the URL itself carries its code).
    assert ticket.code not in form.split("<main")[1].split("</main>")[0]
    post_complaint(client, slow, path=path, service="instansi-a/ktp-el", location=location.pk)
    complaint = only_complaint()
    assert complaint.origin == f"tiket:{ticket.code}"
    assert (complaint.service, complaint.location) == (ktp, location)


def test_the_agency_page_links_to_a_complaint_about_the_agency(client, agency_a):
    page = client.get(f"/layanan/{agency_a.slug}/").content.decode()
    assert f'href="/pengaduan/?instansi={agency_a.slug}"' in page
    form = client.get(f"/pengaduan/?instansi={agency_a.slug}").content.decode()
    assert f'<option value="{agency_a.pk}" selected>' in form


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"identity": "anonymous", "phone": "081234567890"}, "Pengaduan anonim tidak menyertakan"),
        ({"happened_on": "2999-01-01"}, "Tanggal kejadian tidak boleh di masa depan"),
        ({"subject": ""}, "Bidang ini tidak boleh kosong"),
        ({"description": "x" * 5001}, "paling banyak 5000 karakter"),
        ({"identity": "public"}, "Masukkan pilihan yang valid"),
        ({"website": "https://spam.example"}, "Pengaduan tidak dapat dikirim"),
        ({"challenge_answer": "99"}, "Jawaban pertanyaan keamanan salah"),
    ],
)
def test_every_refusal_changes_nothing_and_says_why_in_indonesian(client, slow, fields, message):
    page = client.get("/pengaduan/").content.decode()
    data = {**form_data(slow), **answered(page), **fields}
    response = client.post("/pengaduan/", data)
    assert response.status_code == 422
    assert message in response.content.decode()
    with scopes_disabled():
        assert not Complaint.objects.exists()


def test_an_answered_question_cannot_be_used_again(client, slow):
    page = client.get("/pengaduan/").content.decode()
    data = {**form_data(slow), **answered(page)}
    assert client.post("/pengaduan/", data).status_code == 302
    replayed = client.post("/pengaduan/", data)
    assert replayed.status_code == 422
    assert "Jawaban pertanyaan keamanan salah atau sudah terpakai" in replayed.content.decode()
    with scopes_disabled():
        assert Complaint.objects.count() == 1


def test_a_refused_form_asks_a_new_question_and_keeps_what_was_written(client, slow):
    page = client.get("/pengaduan/").content.decode()
    data = {**form_data(slow, subject="Loket tutup"), **answered(page), "challenge_answer": "0"}
    again = client.post("/pengaduan/", data).content.decode()
    assert answered(again)["challenge_token"] != data["challenge_token"]
    assert 'value="Loket tutup"' in again


def test_a_signed_in_citizen_is_not_asked_the_question(client, slow):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="warga"))
    page = client.get("/pengaduan/").content.decode()
    assert "challenge_token" not in page
    assert client.post("/pengaduan/", form_data(slow)).status_code == 302


def test_photos_are_re_encoded_and_a_non_image_or_too_large_one_is_refused(client, slow):
    photo = upload(image_bytes("PNG", size=(800, 600)), name="rusak.png", content_type="image/png")
    assert post_complaint(client, slow, photos=[photo]).status_code == 302
    with scopes_disabled():
        stored = ComplaintPhoto.objects.get()
    assert stored.image.name.startswith("pengaduan/") and stored.image.name.endswith(".jpg")
    assert (stored.width, stored.height) == (800, 600)
    for bad, message in (
        (upload(b"bukan foto", name="surat.jpg"), "bukan foto JPEG, PNG atau WebP"),
        (upload(b"\xff\xd8\xff" + b"0" * (5 * 1024 * 1024)), "paling besar 5 MB"),
    ):
        response = post_complaint(client, slow, photos=[bad])
        assert response.status_code == 422 and message in response.content.decode()
    four = [upload(image_bytes(), name=f"{n}.jpg") for n in range(4)]
    response = post_complaint(client, slow, photos=four)
    assert "Paling banyak 3 foto" in response.content.decode()
    with scopes_disabled():
        assert Complaint.objects.count() == 1 and ComplaintPhoto.objects.count() == 1


def filed(slow, **extra):
    with scopes_disabled():
        return complaints.complaint_submit(
            category=slow,
            subject="Loket 2 kosong",
            description="Menunggu tiga jam.",
            identity="confidential",
            name="Rina Rahasiawati",
            phone="081234567890",
            email="rina@example.id",
            **extra,
        )


def test_a_wrong_code_and_a_wrong_secret_get_the_same_answer(client, slow):
    complaint, secret = filed(slow)
    wrong_secret = client.post(f"/pengaduan/{complaint.code}/", {"secret": "ZZZZZZZZZZZZ"})
    wrong_code = client.post("/pengaduan/ZZZZZZZZZZ/", {"secret": secret})
    assert wrong_secret.status_code == wrong_code.status_code == 404
    message = "Nomor pengaduan atau kode rahasia tidak cocok."
    assert message in wrong_secret.content.decode() and message in wrong_code.content.decode()
    unknown = client.get("/pengaduan/ZZZZZZZZZZ/")
    assert unknown.status_code == 200 and "kode rahasia" in unknown.content.decode()


def test_the_right_secret_opens_the_complaint_and_the_session_remembers(client, slow):
    complaint, secret = filed(slow)
    assert "Rina" not in client.get(f"/pengaduan/{complaint.code}/").content.decode()
    opened = client.post(f"/pengaduan/{complaint.code.lower()}/", {"secret": secret.lower()})
    assert opened.status_code == 302 and opened["Location"] == f"/pengaduan/{complaint.code}/"
    page = client.get(f"/pengaduan/{complaint.code}/").content.decode()
    assert "Loket 2 kosong" in page and "Rahasia (hanya diketahui petugas pengaduan MPP)" in page
    assert client.get(f"/pengaduan/{complaint.code}/").status_code == 200


def test_the_number_is_found_from_the_form_page(client, slow):
    complaint, _secret = filed(slow)
    response = client.get("/pengaduan/", {"nomor": complaint.code.lower()})
    assert response["Location"] == f"/pengaduan/{complaint.code}/"
    refused = client.get("/pengaduan/", {"nomor": "salah"})
    assert "Nomor pengaduan terdiri dari 10 huruf" in refused.content.decode()


def opened(client, complaint, secret):
    client.post(f"/pengaduan/{complaint.code}/", {"secret": secret})
    return client


def test_the_timeline_shows_stages_replies_and_due_dates_but_no_note_or_identity(
    client, slow, mall_admin, agency_a, operator_a
):
    complaint, secret = filed(slow)
    with scopes_disabled():
        complaint = complaints.complaint_verify(complaint=complaint, officer=mall_admin)
        complaints.complaint_reply(
            complaint=complaint, actor=mall_admin, text="CATATAN-INTERNAL", public=False
        )
        complaint = complaints.complaint_forward(
            complaint=complaint, officer=mall_admin, agency=agency_a, reason="wewenang A"
        )
        complaints.complaint_reply(
            complaint=complaint, actor=operator_a, text="Kami periksa loket 2.", public=True
        )
        complaints.complaint_escalate_late(now=complaint.stage_due_at.replace(year=2999))
    page = opened(client, complaint, secret).get(f"/pengaduan/{complaint.code}/")
    body = page.content.decode()
    for stage in (
        "Diterima",
        "Diverifikasi",
        "Diteruskan ke instansi",
        "Ditindaklanjuti",
        "Selesai",
    ):
        assert stage in body
    assert "Kami periksa loket 2." in body and "WITA" in body and "Batas tahap ini" in body
    for hidden in (
        "CATATAN-INTERNAL",
        "Rina",
        "081234567890",
        "6281234567890",
        "rina@example",
        "operator-a",
        "pengelola",
        "Melewati batas",
    ):
        assert hidden not in body, hidden


def test_a_late_stage_is_said_in_words(client, slow, monkeypatch):
    complaint, secret = filed(slow)
    from common import clock

    later = complaint.stage_due_at.replace(year=complaint.stage_due_at.year + 1)
    monkeypatch.setattr(clock, "now", lambda: later)
    body = opened(client, complaint, secret).get(f"/pengaduan/{complaint.code}/").content.decode()
    assert "Tahap ini terlambat" in body


def test_the_citizen_adds_information(client, slow):
    complaint, secret = filed(slow)
    opened(client, complaint, secret)
    response = client.post(f"/pengaduan/{complaint.code}/tambah/", {"text": "Nomor saya A-031."})
    assert response.status_code == 302
    page = client.get(f"/pengaduan/{complaint.code}/").content.decode()
    assert "Nomor saya A-031." in page and "Tambahan informasi Anda sudah kami terima" in page
    empty = client.post(f"/pengaduan/{complaint.code}/tambah/", {"text": ""})
    assert empty.status_code == 422


def test_additions_and_ratings_need_the_secret_first(client, slow):
    complaint, _secret = filed(slow)
    assert client.post(f"/pengaduan/{complaint.code}/tambah/", {"text": "x"}).status_code == 404
    assert client.post(f"/pengaduan/{complaint.code}/nilai/", {"satisfied": "1"}).status_code == 404


def test_not_satisfied_reopens_the_complaint_once(client, slow, mall_admin):
    complaint, secret = filed(slow)
    with scopes_disabled():
        complaints.complaint_verify(complaint=complaint, officer=mall_admin)
        complaints.complaint_take_up(complaint=complaint, actor=mall_admin)
        complaints.complaint_resolve(complaint=complaint, actor=mall_admin, answer="Sudah dibuka.")
    page = opened(client, complaint, secret).get(f"/pengaduan/{complaint.code}/").content.decode()
    assert "Sudah dibuka." in page and "Ini hanya bisa sekali" in page
    response = client.post(f"/pengaduan/{complaint.code}/nilai/", {"satisfied": "0"})
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert (complaint.stage, complaint.reopened) == (Stage.IN_PROGRESS, True)
    with scopes_disabled():
        complaints.complaint_resolve(complaint=complaint, actor=mall_admin, answer="Sudah lagi.")
    page = client.get(f"/pengaduan/{complaint.code}/").content.decode()
    assert "sudah pernah dibuka kembali" in page
    client.post(f"/pengaduan/{complaint.code}/nilai/", {"satisfied": "0"})
    complaint.refresh_from_db()
    assert (complaint.stage, complaint.satisfied) == (Stage.RESOLVED, False)
    again = client.post(f"/pengaduan/{complaint.code}/nilai/", {"satisfied": "1"})
    assert again.status_code == 302
    complaint.refresh_from_db()
    assert complaint.satisfied is False


def test_the_poster_carries_a_qr_code_of_the_form(client, settings):
    settings.PUBLIC_BASE_URL = "https://mpp.kutaitimurkab.go.id"
    page = client.get("/pengaduan/poster/").content.decode()
    assert read_qr(svg_in_page(page)) == "https://mpp.kutaitimurkab.go.id/pengaduan/"


def test_the_pages_render_in_english(client, slow, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    form = client.get("/pengaduan/").content.decode()
    assert "File a complaint" in form and "What is " in form
    complaint, secret = filed(slow)
    page = opened(client, complaint, secret).get(f"/pengaduan/{complaint.code}/").content.decode()
    assert "Current stage" in page and "Received" in page, page
    assert "Complaint" in client.get("/pengaduan/poster/").content.decode()


def test_the_complaint_pages_are_valid_html(client, slow, mall_admin, tmp_path):
    pages = {"form": client.get("/pengaduan/").content}
    page = client.get("/pengaduan/").content.decode()
    pages["refused"] = client.post("/pengaduan/", {**answered(page), "subject": "x"}).content
    pages["poster"] = client.get("/pengaduan/poster/").content
    response = post_complaint(client, slow, identity="confidential", name="Rina")
    pages["receipt"] = client.get(response["Location"]).content
    complaint = only_complaint()
    with scopes_disabled():
        complaints.complaint_verify(complaint=complaint, officer=mall_admin)
        complaints.complaint_take_up(complaint=complaint, actor=mall_admin)
        complaints.complaint_resolve(complaint=complaint, actor=mall_admin, answer="Sudah.")
    pages["detail"] = client.get(f"/pengaduan/{complaint.code}/").content
    client.logout()
    pages["verify"] = client.post(f"/pengaduan/{complaint.code}/", {"secret": "salah"}).content
    files = []
    for name, content in pages.items():
        path = tmp_path / f"{name}.html"
        path.write_bytes(content)
        files.append(path)
    errors = {name: found for name, found in nu_check(files).items() if found}
    assert not errors, errors
