"""Demo complaints over the last 90 days in every stage, and the complaint officer account
`pengaduan` (used by `manage.py seed_demo`, after the agencies and their accounts).

Each complaint goes through complaints.services today; its history is then moved back to
the days the story took, and the deadlines set again from those days by the same rules."""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from common import clock
from common.workdays import working_deadline
from complaints import services as complaints
from complaints.models import (
    RESOLUTION_CEILING_DAYS,
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
)
from services.demo import ensure_user
from services.models import Agency, Location

DEMO_ORIGIN = "data contoh"
OFFICER = "pengaduan"
Stage = Complaint.Stage

# (days ago, category, agency named, identity, subject, what happened, days between steps,
#  steps). A step is (name, argument): verify, forward <agency>, take_up, reply <text>,
#  note <text>, resolve <answer>, rate <satisfied>, archive (<reason>, <outside body>),
#  publish.
STORIES = [
    (
        85,
        "pelayanan-lambat",
        "dukcapil",
        "confidential",
        "Antrian KTP-el tidak dipanggil tiga jam",
        "Saya mengambil nomor A-014 pukul 08.10 dan baru dipanggil pukul 11.20, padahal loket "
        "2 dan 3 kosong sejak pukul 09.00.",
        2,
        [
            ("verify", ""),
            ("forward", "dukcapil"),
            ("take_up", ""),
            ("reply", "Mohon maaf, dua petugas kami mengikuti pelatihan SIAK pagi itu."),
            (
                "resolve",
                "Mulai bulan ini loket 2 dan 3 dijaga bergantian saat pelatihan, dan "
                "antrian dialihkan ke loket yang buka.",
            ),
            ("rate", True),
            ("publish", ""),
        ],
    ),
    (
        80,
        "persyaratan-informasi",
        "dpmptsp",
        "anonymous",
        "Syarat PBG di situs berbeda dengan di loket",
        "Situs menyebut gambar arsitektur cukup dalam PDF, petugas loket meminta cetakan A3.",
        3,
        [
            ("verify", ""),
            ("forward", "dpmptsp"),
            ("take_up", ""),
            (
                "resolve",
                "Gambar cukup diunggah di SIMBG dalam PDF; cetakan tidak diperlukan. "
                "Petugas loket sudah diberi pengarahan dan situs diperbarui.",
            ),
            ("rate", True),
            ("publish", ""),
        ],
    ),
    (
        75,
        "biaya-pungli",
        "samsat",
        "confidential",
        "Diminta uang tambahan untuk percepatan balik nama",
        "Seorang pria di depan loket menawarkan balik nama selesai hari itu dengan membayar "
        "Rp300.000 di luar PKB dan BBNKB.",
        4,
        [
            ("verify", ""),
            ("take_up", ""),
            ("note", "Rekaman CCTV hari itu sudah diminta dari pengelola gedung."),
            (
                "resolve",
                "Orang tersebut bukan petugas Samsat; sudah dilaporkan ke Satgas Saber "
                "Pungli dan papan peringatan dipasang di depan loket.",
            ),
            ("rate", True),
        ],
    ),
    (
        70,
        "sarana-prasarana",
        None,
        "anonymous",
        "Toilet difabel di Gedung Expo terkunci",
        "Toilet untuk pengguna kursi roda terkunci dan petugas keamanan tidak membawa kuncinya.",
        2,
        [
            ("verify", ""),
            ("take_up", ""),
            ("resolve", "Kunci kini dipegang petugas informasi di pintu masuk."),
            ("rate", False),
        ],
    ),
    (
        60,
        "lainnya",
        None,
        "anonymous",
        "Parkir motor penuh setiap Senin pagi",
        "Pukul 08.00 parkir motor sudah penuh dan warga parkir di bahu jalan.",
        1,
        [
            (
                "archive",
                (
                    "Bukan wewenang MPP: penataan parkir di luar gedung ditangani Dinas "
                    "Perhubungan.",
                    "",
                ),
            )
        ],
    ),
    (
        55,
        "perilaku-petugas",
        "dukcapil",
        "confidential",
        "Petugas membentak warga lansia",
        "Ibu saya (72 tahun) dibentak karena fotokopi KK-nya kurang satu lembar.",
        5,
        [
            ("verify", ""),
            ("take_up", ""),
            ("note", "Kepala Dinas Dukcapil sudah dikabari; petugas dipanggil pembinaan."),
            (
                "resolve",
                "Petugas yang bersangkutan sudah dibina dan meminta maaf. Fotokopi kini "
                "bisa dibuat gratis di meja informasi.",
            ),
        ],
    ),
    (
        45,
        "pelayanan-lambat",
        "dpmptsp",
        "confidential",
        "Izin praktik bidan belum terbit lewat 14 hari",
        "Permohonan SIPB saya lengkap sejak bulan lalu tetapi statusnya masih verifikasi.",
        2,
        [
            ("verify", ""),
            ("forward", "dpmptsp"),
            ("take_up", ""),
            (
                "reply",
                "Berkas Anda menunggu rekomendasi organisasi profesi; kami sudah menyurati "
                "IBI Kutai Timur.",
            ),
        ],
    ),
    (
        30,
        "persyaratan-informasi",
        "dukcapil",
        "anonymous",
        "Surat keterangan lahir dari bidan desa ditolak",
        "Petugas meminta surat dari puskesmas, padahal anak saya lahir ditolong bidan desa.",
        1,
        [("verify", ""), ("forward", "dukcapil")],
    ),
    (
        20,
        "pelayanan-lambat",
        "bpjs-kesehatan",
        "anonymous",
        "Pindah faskes belum diproses",
        "Sudah dua minggu pindah faskes ke puskesmas Sangatta Selatan belum berubah di aplikasi.",
        2,
        [
            ("verify", ""),
            ("forward", "bpjs-kesehatan"),
            ("take_up", ""),
            ("resolve", "Perubahan faskes berlaku tanggal 1 bulan berikutnya; kini sudah aktif."),
            ("rate", True),
        ],
    ),
    (
        12,
        "lainnya",
        "polres",
        "confidential",
        "Penipuan jual beli daring",
        "Saya ditipu penjual daring dan ingin melapor.",
        1,
        [
            (
                "archive",
                (
                    "Bukan wewenang MPP: dugaan tindak pidana, pelapor diarahkan ke SPKT.",
                    "Kepolisian Resor Kutai Timur",
                ),
            )
        ],
    ),
    (
        8,
        "biaya-pungli",
        "dukcapil",
        "anonymous",
        "Calo menawarkan KTP-el jadi sehari di parkiran",
        "Dua orang di parkiran menawarkan KTP-el jadi hari itu juga dengan bayaran.",
        1,
        [("verify", "")],
    ),
    (
        6,
        "pelayanan-lambat",
        "samsat",
        "anonymous",
        "Loket Samsat tutup sebelum pukul 15.00",
        "Hari Kamis pukul 14.20 loket Samsat sudah tutup tanpa pemberitahuan.",
        1,
        [],
    ),
    (
        2,
        "sarana-prasarana",
        None,
        "confidential",
        "Mesin antrian tidak mencetak tiket",
        "Kios antrian di pintu timur hanya menampilkan nomor, kertasnya tidak keluar.",
        1,
        [],
    ),
    (
        1,
        "persyaratan-informasi",
        "dpmptsp",
        "anonymous",
        "Cara mengurus NIB untuk usaha makanan rumahan",
        "Apakah NIB untuk katering rumahan perlu sertifikat laik higiene lebih dulu?",
        0,
        [("verify", ""), ("forward", "dpmptsp")],
    ),
]
# Confidential complainants (demo people, demo numbers).
CONTACTS = [
    ("Rina Wulandari", "081250001001", ""),
    ("Muhammad Arif", "081250001002", "arif@example.id"),
    ("Hj. Siti Aminah", "", "aminah@example.id"),
]


def seed_officer():
    group, _created = Group.objects.get_or_create(name=settings.COMPLAINT_OFFICER_GROUP)
    officer = ensure_user(OFFICER, first_name="Petugas Pengaduan MPP")
    officer.groups.add(group)
    return officer


def _step(complaint: Complaint, name: str, argument, *, officer, agency_admin):
    actor = agency_admin(complaint) or officer
    if name == "verify":
        return complaints.complaint_verify(complaint=complaint, officer=officer)
    if name == "forward":
        agency = Agency.objects.get(slug=argument)
        return complaints.complaint_forward(
            complaint=complaint, officer=officer, agency=agency, reason="Wewenang instansi ini."
        )
    if name == "take_up":
        return complaints.complaint_take_up(complaint=complaint, actor=actor)
    if name in ("reply", "note"):
        complaints.complaint_reply(
            complaint=complaint, actor=actor, text=argument, public=name == "reply"
        )
        return complaint
    if name == "resolve":
        return complaints.complaint_resolve(complaint=complaint, actor=actor, answer=argument)
    if name == "rate":
        return complaints.complaint_rate(complaint=complaint, satisfied=argument)
    if name == "archive":
        reason, body = argument
        return complaints.complaint_archive(
            complaint=complaint, officer=officer, reason=reason, outside_body=body
        )
    return complaints.complaint_publish_answer(complaint=complaint, officer=officer, publish=True)


def _back_date(complaint: Complaint, *, received: datetime, gap: int) -> None:
    """The history as the story took it: the n-th step `gap` days after the one before,
    and every date of the complaint read from it, deadlines by complaints.services' rules."""
    complaint.refresh_from_db()
    events = list(complaint.events.order_by("at", "id"))
    for index, event in enumerate(events):
        event.at = received + timedelta(days=gap * index, hours=index)
        event.save(update_fields=["at"])
    stages = [event for event in events if event.action == ComplaintEvent.Action.STAGE]
    answers = [
        event.at
        for event in events
        if event.action == ComplaintEvent.Action.REPLY
        or (event.action == ComplaintEvent.Action.STAGE and event.to_stage == Stage.RESOLVED)
    ]
    complaint.received_at = received
    complaint.stage_since = stages[-1].at if stages else received
    target = min(complaint.category.resolution_days, RESOLUTION_CEILING_DAYS)
    complaint.resolution_due_at = working_deadline(received, target)
    complaint.stage_due_at = complaints.stage_due(complaint, complaint.stage, complaint.stage_since)
    if complaint.resolved_at is not None:
        complaint.resolved_at = max(e.at for e in stages if e.to_stage == Stage.RESOLVED)
    complaint.first_response_at = answers[0] if answers else None
    complaint.save()


def seed(*, always_open: bool = False) -> dict:
    officer = seed_officer()
    if Complaint.objects.filter(origin=DEMO_ORIGIN).exists():
        return {"complaints": 0}
    categories = {category.slug: category for category in ComplaintCategory.objects.all()}
    expo = Location.objects.filter(slug="expo-sangatta").first()
    now = clock.now()

    def agency_admin(complaint):
        if complaint.agency_id is None:
            return None
        username = f"{complaint.agency.slug}-admin"
        return get_user_model().objects.filter(username=username).first()

    for number, (days_ago, category, agency, identity, subject, text, gap, steps) in enumerate(
        STORIES
    ):
        name, phone, email = (
            CONTACTS[number % len(CONTACTS)] if identity == "confidential" else ("", "", "")
        )
        complaint, _secret = complaints.complaint_submit(
            category=categories[category],
            subject=subject,
            description=text,
            identity=identity,
            agency=Agency.objects.filter(slug=agency).first() if agency else None,
            location=expo,
            origin=DEMO_ORIGIN,
            name=name,
            phone=phone,
            email=email,
        )
        for step, argument in steps:
            complaint = _step(complaint, step, argument, officer=officer, agency_admin=agency_admin)
        received = now - timedelta(days=days_ago, hours=number % 5 + 1)
        _back_date(complaint, received=received, gap=gap)
    # The periodic task's own duty, once: the stories whose stage is now past its deadline.
    escalated = complaints.complaint_escalate_late(now=now)
    return {"complaints": len(STORIES), "escalated": len(escalated)}
