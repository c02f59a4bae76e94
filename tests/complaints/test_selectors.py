"""The public figures per agency and month, exact on a small known set, and the published
tanya-jawab (resolved, marked, without identity or internal notes)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django_scopes import scopes_disabled

from complaints import services as complaints
from complaints.models import Complaint
from complaints.selectors.staff import complaint_figures, published_answers
from tests.complaints.conftest import file_complaint, forwarded

pytestmark = pytest.mark.django_db
WITA = ZoneInfo("Asia/Makassar")


def set_dates(complaint, *, received, resolved=None, due_days=14):
    with scopes_disabled():
        Complaint.objects.filter(pk=complaint.pk).update(
            received_at=received,
            resolved_at=resolved,
            resolution_due_at=received + timedelta(days=due_days),
        )


def resolve(complaint, officer, *, satisfied=None, take_up=True):
    if take_up:
        complaints.complaint_take_up(complaint=complaint, actor=officer)
    complaints.complaint_resolve(complaint=complaint, actor=officer, answer="Sudah diperbaiki.")
    if satisfied is not None:
        complaints.complaint_rate(complaint=complaint, satisfied=satisfied)


def test_figures_per_agency_and_month_are_exact(officer, slow, agency_a, agency_b):
    # Rows are in the agencies' order, then by name: names that sort the same in any run.
    for agency, name in ((agency_a, "Instansi A"), (agency_b, "Instansi B")):
        agency.name = name
        agency.save(update_fields=["name"])
    november = datetime(2026, 11, 30, 23, 0, tzinfo=WITA)  # 30 Nov in WITA, 15:00 UTC
    december = datetime(2026, 12, 1, 7, 0, tzinfo=WITA)  # 1 Dec in WITA, 30 Nov in UTC
    a1 = forwarded(slow, agency_a, officer)
    resolve(a1, officer, satisfied=True)
    set_dates(a1, received=december, resolved=december + timedelta(days=2))
    a2 = forwarded(slow, agency_a, officer)
    resolve(a2, officer, satisfied=False)  # re-opened: no longer resolved
    set_dates(a2, received=december, resolved=december + timedelta(days=3))
    a3 = forwarded(slow, agency_a, officer)
    resolve(a3, officer, satisfied=False)
    resolve(a3, officer, take_up=False)  # re-opened, answered again, not rated yet: late
    set_dates(a3, received=december, resolved=december + timedelta(days=20))
    a4 = forwarded(slow, agency_a, officer)
    resolve(a4, officer)
    set_dates(a4, received=november, resolved=november + timedelta(days=1, hours=12))
    b1 = file_complaint(slow, agency=agency_b)
    set_dates(b1, received=december)
    archived = file_complaint(slow, agency=agency_b)
    complaints.complaint_archive(complaint=archived, officer=officer, reason="Bukan aduan")
    set_dates(archived, received=december)
    rows = complaint_figures(start=date(2026, 11, 1), end=date(2026, 12, 31))
    assert rows == [
        {
            "month": date(2026, 12, 1),
            "agency": agency_a.name,
            "agency_id": agency_a.id,
            "received": 3,
            "on_time": 1,
            "median_days": 11.0,  # 2 and 20 days
            "satisfied_share": 100,  # a1 only: a3's second answer is not rated yet
        },
        {
            "month": date(2026, 12, 1),
            "agency": agency_b.name,
            "agency_id": agency_b.id,
            "received": 1,
            "on_time": 0,
            "median_days": None,
            "satisfied_share": None,
        },
        {
            "month": date(2026, 11, 1),
            "agency": agency_a.name,
            "agency_id": agency_a.id,
            "received": 1,
            "on_time": 1,
            "median_days": 1.5,
            "satisfied_share": None,
        },
    ]


def test_the_tanya_jawab_shows_published_resolved_answers_only_without_identity(
    client, officer, slow, agency_a
):
    published = forwarded(slow, agency_a, officer, subject="Kenapa loket 2 tutup?")
    complaints.complaint_reply(
        complaint=published, actor=officer, text="Rahasia internal: Rina", public=False
    )
    complaints.complaint_reply(
        complaint=published, actor=officer, text="Petugas sedang pelatihan.", public=True
    )
    resolve(published, officer)
    complaints.complaint_publish_answer(complaint=published, officer=officer, publish=True)
    not_marked = forwarded(slow, agency_a, officer, subject="Tidak diterbitkan")
    resolve(not_marked, officer)
    assert [c.pk for c in published_answers()] == [published.pk]
    html = client.get("/pengaduan/tanya-jawab/").content.decode()
    assert "Kenapa loket 2 tutup?" in html and "Petugas sedang pelatihan." in html
    assert "Sudah diperbaiki." in html and agency_a.name in html
    assert "Tidak diterbitkan" not in html
    for private in ("Rina", "+6281234567890", "rina@contoh.id", "Rahasia internal"):
        assert private not in html
