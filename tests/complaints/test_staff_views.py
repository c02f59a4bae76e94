"""The officers' and the agencies' complaint pages: filters, every step through the pages,
the confidential identity (officers only, revealed on request and recorded), the isolation
of agencies, and the LAPOR! export."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django_scopes import scopes_disabled

from common import clock
from complaints import services as complaints
from complaints.models import Complaint, ComplaintEvent
from tests.complaints.conftest import CONFIDENTIAL, file_complaint, forwarded

pytestmark = pytest.mark.django_db
Stage = Complaint.Stage
IDENTITY_TRACES = [
    CONFIDENTIAL["name"],
    "Rina",
    "+6281234567890",
    "081234567890",
    "3456",
    CONFIDENTIAL["email"],
    "rina@",
    "r***@",
]


def page(client, user, path, **params):
    client.force_login(user)
    response = client.get(path, params)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


def codes_in(html: str, complaints_list) -> set[str]:
    return {c.code for c in complaints_list if c.code in html}


def refused(response) -> list[str]:
    return [m.message for m in get_messages(response.wsgi_request) if m.level_tag == "error"]


# --- the officers' inbox ---------------------------------------------------------------


def test_the_officers_inbox_filters_by_stage_lateness_category_agency_mine_and_number(
    client, officer, slow, pungli, agency_a, agency_b
):
    received = file_complaint(slow)
    at_a = forwarded(slow, agency_a, officer)
    at_b = forwarded(slow, agency_b, officer, confidential=False)
    about_pungli = file_complaint(pungli, agency=agency_b)
    every = [received, at_a, at_b, about_pungli]
    with scopes_disabled():
        Complaint.objects.filter(pk=received.pk).update(
            stage_due_at=clock.now() - timedelta(hours=1)
        )
    complaints.complaint_assign(complaint=about_pungli, assignee=officer, actor=officer)

    def shown(**params):
        return codes_in(page(client, officer, "/pengaduan-mpp/", **params), every)

    assert shown() == {c.code for c in every}
    assert shown(tahap="forwarded") == {at_a.code, at_b.code}
    assert shown(terlambat="on") == {received.code}
    assert shown(kategori=pungli.pk) == {about_pungli.code}
    assert shown(instansi=agency_b.pk) == {at_b.code, about_pungli.code}
    assert shown(milik_saya="on") == {about_pungli.code}
    assert shown(nomor=at_a.code[:6].lower()) == {at_a.code}
    # A filter that is not one shows everything, with a message, never an error page.
    assert shown(tahap="<script>", kategori="x") == {c.code for c in every}


def test_the_list_masks_the_confidential_complainant_the_detail_reveals_it_on_request(
    client, officer, slow
):
    complaint = file_complaint(slow)
    html = page(client, officer, "/pengaduan-mpp/")
    assert complaint.code in html and not any(t in html for t in IDENTITY_TRACES[:2])
    detail = page(client, officer, f"/pengaduan-mpp/{complaint.code}/")
    assert "Rina Wulandari" not in detail and "+6281234567890" not in detail
    assert "R***" in detail and "+62812****7890" in detail
    revealed = client.post(f"/pengaduan-mpp/{complaint.code}/identitas/")
    body = revealed.content.decode()
    assert "Rina Wulandari" in body and "+6281234567890" in body and "rina@contoh.id" in body
    access = complaint.events.get(action=ComplaintEvent.Action.IDENTITY)
    assert access.actor == officer
    # Shown once, on that response: the page read again is masked.
    assert "Rina Wulandari" not in page(client, officer, f"/pengaduan-mpp/{complaint.code}/")


def test_agency_staff_and_citizens_never_reach_the_officers_pages(
    client, slow, operator_a, agency_a, officer
):
    complaint = forwarded(slow, agency_a, officer)
    client.force_login(operator_a)
    for path in (
        "/pengaduan-mpp/",
        f"/pengaduan-mpp/{complaint.code}/",
        f"/pengaduan-mpp/{complaint.code}/lapor.txt",
    ):
        assert client.get(path).status_code == 403
    assert client.post(f"/pengaduan-mpp/{complaint.code}/identitas/").status_code == 403
    assert not complaint.events.filter(action=ComplaintEvent.Action.IDENTITY).exists()


def post_step(client, path, step, **data):
    return client.post(f"{path}{step}/", data)


def test_every_officer_step_through_the_pages(client, officer, slow, agency_a):
    complaint = file_complaint(slow, agency=agency_a)
    path = f"/pengaduan-mpp/{complaint.code}/"
    client.force_login(officer)
    assert post_step(client, path, "verifikasi", catatan="Lengkap").status_code == 302
    post_step(client, path, "tugaskan", petugas=officer.pk)
    post_step(client, path, "catatan", teks="Sudah menelepon kepala loket.")
    post_step(client, path, "tanggapan", teks="Terima kasih, kami periksa.")
    post_step(client, path, "lapor", nomor="LAPOR-2026/0042")
    post_step(client, path, "tindak-lanjut")
    response = post_step(client, path, "selesaikan", jawaban="Loket 2 kini buka penuh.")
    post_step(client, path, "terbitkan", terbitkan="on")
    complaint.refresh_from_db()
    assert complaint.stage == Stage.RESOLVED and complaint.assignee == officer
    assert complaint.lapor_number == "LAPOR-2026/0042" and complaint.publish_as_faq
    actions = list(complaint.events.values_list("action", flat=True))
    assert actions.count("note") == 4 and actions.count("reply") == 1
    assert not refused(response)


def test_forward_and_archive_with_an_outside_body(client, officer, slow, agency_a):
    first = file_complaint(slow)
    second = file_complaint(slow, confidential=False)
    client.force_login(officer)
    for complaint in (first, second):
        post_step(client, f"/pengaduan-mpp/{complaint.code}/", "verifikasi")
    post_step(
        client, f"/pengaduan-mpp/{first.code}/", "teruskan", instansi=agency_a.pk, alasan="KTP-el"
    )
    post_step(
        client,
        f"/pengaduan-mpp/{second.code}/",
        "arsipkan",
        alasan="Bukan wewenang MPP",
        lembaga="Ombudsman RI Perwakilan Kalimantan Timur",
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.stage == Stage.FORWARDED and first.agency == agency_a
    assert second.stage == Stage.ARCHIVED
    assert second.outside_body == "Ombudsman RI Perwakilan Kalimantan Timur"


def test_a_pungli_report_is_refused_forwarding_with_a_clear_message(
    client, officer, pungli, agency_a
):
    complaint = file_complaint(pungli, agency=agency_a)
    complaints.complaint_verify(complaint=complaint, officer=officer)
    client.force_login(officer)
    detail = page(client, officer, f"/pengaduan-mpp/{complaint.code}/")
    assert "teruskan/" not in detail  # the step is not offered at all
    response = post_step(
        client, f"/pengaduan-mpp/{complaint.code}/", "teruskan", instansi=agency_a.pk, alasan="x"
    )
    assert refused(response) == [
        "Pengaduan kategori ini ditangani petugas pengaduan MPP, tidak diteruskan."
    ]
    complaint.refresh_from_db()
    assert complaint.agency is None and complaint.stage == Stage.VERIFIED


@pytest.mark.parametrize(
    ("step", "data"),
    [
        ("selesaikan", {"jawaban": " "}),  # too early, and empty
        ("tanggapan", {"teks": ""}),
        ("teruskan", {"instansi": "999999", "alasan": "x"}),
        ("tugaskan", {"petugas": "999999"}),
        ("lapor", {"nomor": "<b>1</b>"}),
        ("terbitkan", {"terbitkan": "on"}),  # not resolved
        ("verifikasi", {"catatan": "x" * 6000}),
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(client, officer, slow, step, data):
    complaint = file_complaint(slow)
    client.force_login(officer)
    response = post_step(client, f"/pengaduan-mpp/{complaint.code}/", step, **data)
    assert response.status_code == 302 and refused(response)
    with scopes_disabled():
        after = Complaint.objects.get(pk=complaint.pk)
    assert (after.stage, after.lapor_number, after.publish_as_faq) == (Stage.RECEIVED, "", False)
    assert list(after.events.values_list("action", flat=True)) == ["received"]


def test_an_unknown_step_or_complaint_is_a_404(client, officer, slow):
    complaint = file_complaint(slow)
    client.force_login(officer)
    assert client.post(f"/pengaduan-mpp/{complaint.code}/hapus/").status_code == 404
    assert client.get("/pengaduan-mpp/TIDAKADA99/").status_code == 404


def test_hostile_text_is_escaped_on_every_staff_page(client, officer, slow, agency_a):
    script = "<script>alert(1)</script>"
    complaint = forwarded(slow, agency_a, officer, subject=script, description=script)
    complaints.complaint_reply(complaint=complaint, actor=officer, text=script, public=True)
    for html in (
        page(client, officer, "/pengaduan-mpp/"),
        page(client, officer, f"/pengaduan-mpp/{complaint.code}/"),
    ):
        assert script not in html and "&lt;script&gt;" in html


# --- the LAPOR! export ------------------------------------------------------------------


def test_the_lapor_export_lays_out_the_form_identity_only_on_request(
    client, officer, slow, agency_a, location
):
    complaint = forwarded(
        slow,
        agency_a,
        officer,
        location=location,
        place="Loket 2",
        happened_on=clock.today() - timedelta(days=2),
    )
    client.force_login(officer)
    response = client.get(f"/pengaduan-mpp/{complaint.code}/lapor.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    for line in (
        "Judul Laporan:\nAntrian KTP-el tidak dipanggil\n",
        "Isi Laporan:\nSaya menunggu tiga jam, loket 2 kosong.\n",
        f"Tanggal Kejadian: {complaint.happened_on:%d/%m/%Y}\n",
        "Lokasi Kejadian: Gedung Expo Uji, Loket 2\n",
        f"Instansi Tujuan: {agency_a.name}\n",
        "Kategori: Pelayanan lambat atau berbelit\n",
        "Sifat laporan: Rahasia\n",
        f"Nomor pengaduan MPP Kutai Timur: {complaint.code}",
    ):
        assert line in text, line
    assert "Rina" not in text
    assert not complaint.events.filter(action="identity").exists()
    with_identity = client.post(f"/pengaduan-mpp/{complaint.code}/lapor.txt").content.decode()
    assert "Nama: Rina Wulandari\nPonsel: +6281234567890\nEmail: rina@contoh.id" in with_identity
    assert complaint.events.filter(action="identity", actor=officer).count() == 1


# --- an agency's inbox ------------------------------------------------------------------


def test_an_agency_sees_only_what_was_forwarded_to_it_never_pungli_never_anyone_else(
    client, officer, slow, pungli, agency_a, agency_b, operator_a, operator_b
):
    named_only = file_complaint(slow, agency=agency_a)  # not forwarded yet
    ours = forwarded(slow, agency_a, officer)
    theirs = forwarded(slow, agency_b, officer)
    about_us = file_complaint(pungli, agency=agency_a)
    complaints.complaint_verify(complaint=about_us, officer=officer)
    every = [named_only, ours, theirs, about_us]
    html = page(client, operator_a, f"/instansi/{agency_a.slug}/pengaduan/")
    assert codes_in(html, every) == {ours.code}
    assert codes_in(page(client, operator_b, "/instansi/instansi-b/pengaduan/"), every) == {
        theirs.code
    }
    client.force_login(operator_a)
    for other in (named_only, theirs, about_us):
        assert client.get(f"/instansi/{agency_a.slug}/pengaduan/{other.code}/").status_code == 404
        response = client.post(
            f"/instansi/{agency_a.slug}/pengaduan/{other.code}/tanggapan/", {"teks": "x"}
        )
        assert response.status_code == 404
    # Another agency's inbox is a 404 for staff who are not its members.
    assert client.get("/instansi/instansi-b/pengaduan/").status_code == 404


def test_an_agency_never_sees_the_confidential_complainant_nor_the_officers_notes(
    client, officer, slow, agency_a, admin_a
):
    complaint = file_complaint(slow, agency=agency_a)
    complaints.complaint_reply(
        complaint=complaint, actor=officer, text="Pelapor Rina ditelepon.", public=False
    )
    complaints.complaint_identity_reveal(complaint=complaint, officer=officer)
    complaints.complaint_verify(complaint=complaint, officer=officer)
    complaints.complaint_forward(
        complaint=complaint, officer=officer, agency=agency_a, reason="Wewenang A"
    )
    complaints.complaint_reply(complaint=complaint, actor=admin_a, text="Kami cek.", public=False)
    base = f"/instansi/{agency_a.slug}/pengaduan/"
    for html in (
        page(client, admin_a, base),
        page(client, admin_a, f"{base}{complaint.code}/"),
        page(client, admin_a, base, nomor=complaint.code),
    ):
        assert not any(trace in html for trace in IDENTITY_TRACES), html
        assert "Identitas pelapor dibuka" not in html
    assert "Kami cek." in page(client, admin_a, f"{base}{complaint.code}/")


def test_the_agency_takes_up_replies_notes_assigns_and_resolves(
    client, officer, slow, agency_a, admin_a, operator_a
):
    complaint = forwarded(slow, agency_a, officer)
    path = f"/instansi/{agency_a.slug}/pengaduan/{complaint.code}/"
    client.force_login(admin_a)
    post_step(client, path, "tindak-lanjut", catatan="Kami periksa")
    post_step(client, path, "tugaskan", petugas=operator_a.pk)
    post_step(client, path, "catatan", teks="Cek CCTV")
    post_step(client, path, "tanggapan", teks="Sedang kami periksa.")
    post_step(client, path, "selesaikan", jawaban="Loket 2 kini dijaga sampai pukul 15.00.")
    complaint.refresh_from_db()
    assert complaint.stage == Stage.RESOLVED and complaint.assignee == operator_a
    assert complaint.first_response_at is not None
    # Steps that are the officers' are not the agency's.
    for step in ("verifikasi", "arsipkan", "lapor", "terbitkan"):
        assert client.post(f"{path}{step}/").status_code == 404
    assert page(client, admin_a, "/instansi/instansi-a/pengaduan/", tahap="resolved").count(
        complaint.code
    )


def test_not_ours_forwards_to_another_agency_which_then_owns_it(
    client, officer, slow, agency_a, agency_b, admin_a, operator_b
):
    complaint = forwarded(slow, agency_a, officer)
    client.force_login(admin_a)
    response = post_step(
        client,
        f"/instansi/{agency_a.slug}/pengaduan/{complaint.code}/",
        "teruskan",
        instansi=agency_b.pk,
        alasan="Bukan wewenang kami: urusan instansi B",
    )
    assert response.url == f"/instansi/{agency_a.slug}/pengaduan/"
    complaint.refresh_from_db()
    assert complaint.agency == agency_b
    assert complaint.code in page(client, operator_b, "/instansi/instansi-b/pengaduan/")
    assert complaint.code not in page(client, admin_a, "/instansi/instansi-a/pengaduan/")


def test_the_agency_inbox_filters_by_stage_and_lateness(client, officer, slow, agency_a, admin_a):
    on_time = forwarded(slow, agency_a, officer)
    late = forwarded(slow, agency_a, officer, confidential=False)
    with scopes_disabled():
        Complaint.objects.filter(pk=late.pk).update(stage_due_at=clock.now() - timedelta(days=1))
    complaints.complaint_take_up(complaint=on_time, actor=admin_a)
    base = "/instansi/instansi-a/pengaduan/"
    both = [on_time, late]
    assert codes_in(page(client, admin_a, base, terlambat="on"), both) == {late.code}
    assert codes_in(page(client, admin_a, base, tahap="in_progress"), both) == {on_time.code}
    assert "terlambat" in page(client, admin_a, base)
