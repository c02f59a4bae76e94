"""Demo cases of the last 90 days at Gedung Expo Sangatta: every state, some late, some
waiting for the citizen, refusals with their reason and legal basis, files ready but not
collected. Reproducible (fixed seeds, codes drawn from them) and created once: a case whose
code exists is left as it is."""

import random
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from cases import deadlines
from cases.models import CODE_LENGTH, Case, CaseEvent
from cases.services import apply_status
from common import clock
from common.codes import CODE_ALPHABET
from services.models import Location, Service

SEED = 19
DAYS = 90
# Office hours move a moment back by less than this (Sunday night to Friday 08.00 at most).
OFFICE_HOURS_SHIFT = timedelta(days=3)
LOCATION = "expo-sangatta"
Status = Case.Status

# (agency, service, cases): the services whose files are processed after the counter.
SERVICES = [
    ("dukcapil", "ktp-el", 38),
    ("dukcapil", "kartu-keluarga", 30),
    ("dukcapil", "akta-kelahiran", 24),
    ("dpmptsp", "pbg", 8),
    ("dpmptsp", "sip-dokter", 8),
    ("dpmptsp", "izin-reklame", 8),
    ("imigrasi", "paspor-baru", 20),
    ("imigrasi", "penggantian-paspor", 10),
    ("samsat", "balik-nama", 10),
    # Its processing time is the bank's appraisal: counted, never in the on-time rate.
    ("bank-kaltimtara", "kredit-usaha-rakyat", 6),
]
HOLDERS = {
    "dukcapil": "Bidang Pelayanan Pendaftaran Penduduk",
    "dpmptsp": "Bidang Pelayanan Perizinan dan Non Perizinan",
    "imigrasi": "Seksi Lalu Lintas Keimigrasian",
    "samsat": "UPTD PPRD Wilayah Kutai Timur",
    "bank-kaltimtara": "Bagian Kredit Cabang Sangatta",
}
REFUSALS = {
    "ktp-el": "NIK pemohon terdaftar ganda (data ganda) di database kependudukan; pemohon "
    "diminta datang untuk verifikasi biodata.",
    "kartu-keluarga": "Surat keterangan pindah dari daerah asal tidak sesuai dengan data SIAK.",
    "akta-kelahiran": "Pelaporan kelahiran melewati batas dan SPTJM kebenaran data kelahiran "
    "tidak ditandatangani dua saksi.",
    "pbg": "Dokumen rencana teknis tidak sesuai dengan Keterangan Kesesuaian Kegiatan "
    "Pemanfaatan Ruang (KKKPR) lokasi bangunan.",
    "sip-dokter": "Surat Tanda Registrasi (STR) dokter sudah tidak berlaku.",
    "izin-reklame": "Titik reklame berada di ruang milik jalan yang tidak diperuntukkan bagi "
    "reklame.",
    "paspor-baru": "Data pada akta kelahiran berbeda dengan data pada KTP-el dan Kartu Keluarga.",
    "penggantian-paspor": "Pemohon masih tercantum dalam daftar pencegahan ke luar negeri.",
    "balik-nama": "Nomor rangka kendaraan hasil cek fisik tidak sesuai dengan BPKB.",
    "kredit-usaha-rakyat": "Usaha belum berjalan enam bulan sebagaimana disyaratkan.",
}
MISSING_NOTES = {
    "ktp-el": "Bawa Kartu Keluarga asli terbaru.",
    "kartu-keluarga": "Bawa buku nikah atau akta perkawinan asli.",
    "akta-kelahiran": "Bawa surat keterangan lahir dari bidan atau rumah sakit.",
    "paspor-baru": "Bawa akta kelahiran asli.",
}
NAMES = (
    "Siti Rahmawati",
    "Muhammad Rizky",
    "Andi Baso",
    "Yohanes Lejau",
    "Nur Aisyah",
    "Hendra Saputra",
    "Dewi Anggraini",
    "La Ode Hasan",
    "Rina Marlina",
    "Agus Salim",
    "Theresia Ping",
    "Fajar Nugroho",
)
# One story of a case from the counter to its end, in turn: most files are handed over on
# time; the others show each thing that can happen to one.
STORIES = (
    "on_time",
    "on_time",
    "late",
    "on_time",
    "sent",
    "refused_at_counter",
    "on_time",
    "incomplete_resumed",
    "in_process",
    "late",
    "ready_uncollected",
    "on_time",
    "refused_after_review",
    "in_process_late",
    "incomplete_waiting",
    "on_time",
    "incomplete_late",
    "sent",
)


def _code(rng: random.Random) -> str:
    return "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _promise(service: Service, opened: datetime) -> timedelta:
    """How long the service promises from `opened` (three days when it names no time)."""
    due = deadlines.due_at(service=service, opened_at=opened)
    return (due - opened) if due else timedelta(days=3)


def _office_hours(moment: datetime, rng: random.Random) -> datetime:
    """The same day between 08.00 and 14.00 WITA (the Friday before a weekend day), never
    later than `moment`: a case opened this morning is not moved to this afternoon. Less
    than OFFICE_HOURS_SHIFT earlier than `moment`."""
    local = timezone.localtime(moment)
    day = local.date() - timedelta(days=max(0, local.weekday() - 4))
    office = timezone.make_aware(datetime.combine(day, time(8))) + timedelta(
        minutes=rng.randint(0, 360)
    )
    return min(office, moment)


def _steps(story: str, *, promise: timedelta, rng: random.Random) -> tuple[list, timedelta]:
    """[(status, after the opening)] and how long ago the case opens, for one story."""
    span = promise.total_seconds()

    def part(low: float, high: float) -> timedelta:
        return timedelta(seconds=span * rng.uniform(low, high))

    collected = timedelta(days=rng.uniform(0.2, 5))
    ready = part(0.3, 0.9)
    if story in ("on_time", "sent", "late"):
        if story == "late":
            ready = promise + timedelta(hours=rng.uniform(2, 24 * 6))
        end = Status.SENT if story == "sent" else Status.HANDED_OVER
        steps = [(Status.IN_PROCESS, timedelta()), (Status.READY, ready), (end, ready + collected)]
        return steps, timedelta(days=rng.uniform(7, DAYS)) + ready + collected
    if story == "refused_at_counter":
        return [(Status.REFUSED, timedelta())], timedelta(days=rng.uniform(1, DAYS))
    if story == "refused_after_review":
        steps = [(Status.IN_PROCESS, timedelta()), (Status.REFUSED, part(0.3, 0.8))]
        return steps, timedelta(days=rng.uniform(1, DAYS)) + promise
    if story == "incomplete_resumed":
        back = timedelta(days=rng.uniform(1, 6))
        steps = [
            (Status.INCOMPLETE, timedelta()),
            (Status.IN_PROCESS, back),
            (Status.READY, back + ready),
            (Status.HANDED_OVER, back + ready + collected),
        ]
        return steps, timedelta(days=rng.uniform(3, DAYS - 10)) + back + ready + collected
    if story == "incomplete_waiting":
        return [(Status.INCOMPLETE, timedelta())], timedelta(days=rng.uniform(0.5, 6))
    if story == "incomplete_late":
        paused = promise + timedelta(days=rng.uniform(1, 3))
        steps = [(Status.IN_PROCESS, timedelta()), (Status.INCOMPLETE, paused)]
        return steps, paused + timedelta(days=rng.uniform(1, 10))
    if story == "ready_uncollected":
        steps = [(Status.IN_PROCESS, timedelta()), (Status.READY, ready)]
        return steps, ready + timedelta(days=rng.uniform(8, 20))
    if story == "in_process_late":
        return [(Status.IN_PROCESS, timedelta())], promise + timedelta(days=rng.uniform(1, 12))
    return [(Status.IN_PROCESS, timedelta())], part(0.1, 0.5)


def _outcome(status: str, service: Service, rng: random.Random, requirements: list) -> dict:
    """What a change to `status` carries, as the counter or the back office would give it."""
    if status == Status.REFUSED:
        bases = [basis.title for basis in service.legal_bases.all()]
        return {
            "reason": REFUSALS.get(service.slug, "Persyaratan tidak memenuhi ketentuan."),
            "basis": bases[0] if bases else "Standar pelayanan instansi",
        }
    if status == Status.INCOMPLETE:
        missing = [rng.choice(requirements).pk] if requirements else []
        return {"missing": missing, "missing_note": MISSING_NOTES.get(service.slug, "")}
    return {}


def _case(
    service: Service, *, index: int, location: Location, actor, now: datetime
) -> tuple[Case, list[CaseEvent], list[int]]:
    key = f"{SEED}:{service.agency.slug}:{service.slug}:{index}"
    code = _code(random.Random(key))  # noqa: S311 — demo data, reproducible
    story = STORIES[index % len(STORIES)]
    requirements = list(service.requirements.all())
    # The story's length sets when the case opens; its steps then follow the promise as
    # counted from that very opening (weekends and holidays included).
    _steps_before, age = _steps(
        story,
        promise=_promise(service, now - timedelta(days=DAYS // 2)),
        rng=random.Random(key),  # noqa: S311
    )
    rng = random.Random(key)  # noqa: S311
    # The oldest story starts inside the window by as much as office hours move it back.
    opened = _office_hours(now - min(age, timedelta(days=DAYS) - OFFICE_HOURS_SHIFT), rng)
    steps, _age = _steps(story, promise=_promise(service, opened), rng=rng)
    case = Case(
        code=code,
        agency_id=service.agency_id,
        service=service,
        location=location,
        pickup_location=location,
        name=rng.choice(NAMES),
        nik_last4=f"{rng.randint(0, 9999):04d}",
        holder_unit=HOLDERS.get(service.agency.slug, ""),
        opened_at=opened,
        due_at=deadlines.due_at(service=service, opened_at=opened),
    )
    events, missing = [], []
    for status, after in steps:
        at = opened + after
        if at > now:
            break
        outcome = _outcome(status, service, rng, requirements)
        missing = outcome.get("missing", missing)
        from_status = case.status
        apply_status(
            case,
            status=status,
            now=at,
            missing=outcome.get("missing", ()),
            missing_note=outcome.get("missing_note", ""),
            reason=outcome.get("reason", ""),
            basis=outcome.get("basis", ""),
        )
        events.append(
            CaseEvent(
                agency_id=case.agency_id,
                action=CaseEvent.Action.STATUS if from_status else CaseEvent.Action.OPENED,
                source=CaseEvent.Source.COUNTER if not from_status else CaseEvent.Source.STAFF,
                from_status=from_status,
                to_status=status,
                actor=actor,
                due_at=case.due_at,
                at=at,
            )
        )
    return case, events, missing if case.status == Status.INCOMPLETE else []


def seed(*, always_open: bool = False) -> dict:
    location = Location.objects.filter(slug=LOCATION).first()
    if location is None:
        return {"cases": 0}
    now = clock.now()
    services = {
        (service.agency.slug, service.slug): service
        for service in Service.objects.select_related("agency").prefetch_related(
            "requirements", "legal_bases"
        )
    }
    users = {
        user.username: user for user in get_user_model().objects.filter(username__endswith="-loket")
    }
    built = []
    for agency, slug, count in SERVICES:
        service = services.get((agency, slug))
        if service is None:
            continue
        actor = users.get(f"{agency}-loket")
        built += [
            _case(service, index=index, location=location, actor=actor, now=now)
            for index in range(count)
        ]
    existing = set(
        Case.objects.filter(code__in=[case.code for case, *_ in built]).values_list(
            "code", flat=True
        )
    )
    new = [(case, events, missing) for case, events, missing in built if case.code not in existing]
    Case.objects.bulk_create([case for case, *_ in new])
    for case, events, _missing in new:
        for event in events:
            event.case = case
    CaseEvent.objects.bulk_create([event for _case, events, _missing in new for event in events])
    Case.missing_requirements.through.objects.bulk_create(
        Case.missing_requirements.through(case_id=case.pk, servicerequirement_id=requirement)
        for case, _events, missing in new
        for requirement in missing
    )
    return {"cases": len(new)}
