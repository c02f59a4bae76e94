"""The issue's whole way of a complaint: a citizen files a confidential complaint about a
counter from the ticket page, follows it by number, the agency answers without ever seeing
who filed it, a late stage escalates by itself, and the month's figures appear on the
transparency page."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django_scopes import scope, scopes_disabled

from common import clock
from complaints.models import Complaint, ComplaintEvent
from complaints.tasks import escalate_late
from counters.queue import services as queue
from tests.complaints.conftest import answered
from tests.counters.conftest import open_all_week
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db
SECRET = re.compile(r'<dd class="complaint-code">([0-9A-Z]+)</dd>')


def test_a_confidential_complaint_from_the_ticket_page_to_the_transparency_page(
    ktp, location, slow, officer, operator_a, mailoutbox, monkeypatch
):
    open_all_week(ktp.agency, location)
    with scope(agency=ktp.agency):
        ticket = queue.ticket_issue(service=ktp, location=location)
    citizen = Client()
    ticket_page = citizen.get(f"/antrian/tiket/{ticket.code}/").content.decode()
    intake = re.search(r'href="(/pengaduan/\?tiket=[^"]+)"', ticket_page).group(1)
    intake = intake.replace("&amp;", "&")
    form = citizen.get(intake).content.decode()
    assert 'value="instansi-a/ktp-el"' in form  # the service, from the ticket's link
    filed = citizen.post(
        intake,
        {
            "category": slow.pk,
            "subject": "Loket 2 kosong saat jam layanan",
            "description": "Saya menunggu satu jam, loket 2 tidak ada petugas.",
            "service": "instansi-a/ktp-el",
            "place": "Loket 2",
            "identity": "confidential",
            "name": "Rina Wulandari",
            "phone": "0812 3456 7890",
            **answered(form),
        },
    )
    receipt = citizen.get(filed["Location"]).content.decode()
    code, secret = SECRET.findall(receipt)
    with scopes_disabled():
        complaint = Complaint.objects.get(code=code)
    assert complaint.origin and complaint.about_agency == ktp.agency

    follower = Client()  # another browser: the number and the secret are enough
    follower.post(f"/pengaduan/{code}/", {"secret": secret})
    assert "Diterima" in follower.get(f"/pengaduan/{code}/").content.decode()

    staff = Client()
    staff.force_login(officer)
    staff.post(f"/pengaduan-mpp/{code}/verifikasi/", {"catatan": ""})
    staff.post(f"/pengaduan-mpp/{code}/teruskan/", {"instansi": ktp.agency.pk, "alasan": "Loket A"})
    staff.force_login(operator_a)
    inbox = f"/instansi/{ktp.agency.slug}/pengaduan/"
    pages = [staff.get(inbox).content.decode(), staff.get(f"{inbox}{code}/").content.decode()]
    staff.post(f"{inbox}{code}/tanggapan/", {"teks": "Petugas loket 2 sudah kami tegur."})
    pages.append(staff.get(f"{inbox}{code}/").content.decode())
    for page in pages:
        assert code in page
        assert "Rina" not in page and "3456" not in page and "7890" not in page
    answer = follower.get(f"/pengaduan/{code}/").content.decode()
    assert "Petugas loket 2 sudah kami tegur." in answer

    # Nobody takes it up: the first response was given, but the forwarded stage's five
    # working days pass; the worker's periodic run escalates it by itself, once.
    later = clock.now() + timedelta(days=10)
    monkeypatch.setattr(clock, "now", lambda: later)
    assert escalate_late(timestamp=int(later.timestamp())) == 1
    assert escalate_late(timestamp=int(later.timestamp())) == 0
    run_jobs()
    with scopes_disabled():
        assert complaint.events.filter(action=ComplaintEvent.Action.ESCALATED).count() == 1
    told = [mail for mail in mailoutbox if code in mail.body]
    assert told and all("Rina" not in mail.body for mail in told)

    public = Client().get("/transparansi/").content.decode()
    complaints_table = public[public.index('id="judul-pengaduan"') :]
    assert f'<th scope="row">{ktp.agency.name}</th><td>1</td>' in complaints_table
