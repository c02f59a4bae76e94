"""Demo SKM answers of the demo history (about four in ten visitors rate the service, a few
of them write a suggestion), the suggestions in their agencies' inboxes, and the periodic
SKM reports of the last two quarters with their follow-up plans (seed_demo)."""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django_scopes import scopes_disabled

from common import clock
from counters.survey.models import ELEMENT_FIELDS, SurveyResponse
from counters.survey.periods import SkmPeriod
from counters.survey.report import agency_skm_figures, skm_report_record
from counters.survey.report_models import SkmFollowUp
from counters.survey.report_services import (
    skm_follow_up_add,
    skm_follow_up_progress,
    skm_report_publish,
)
from counters.survey.suggestions.models import Suggestion
from services.models import Agency

SHARE = 0.4
# Of those who answer, the few who also write something.
SUGGESTION_SHARE = 0.04
SUGGESTIONS = (
    "Petugas ramah dan cepat, terima kasih.",
    "Mohon tambah kursi di ruang tunggu, banyak yang berdiri.",
    "Parkir motor di Gedung Expo penuh pada pagi hari.",
    "Persyaratan sebaiknya dipasang juga di depan loket.",
    "Blangko KTP-el semoga selalu tersedia.",
    "Antrian lebih tertib sejak ada nomor dari kios.",
    "AC ruang tunggu kurang dingin saat siang.",
)
# A few agencies rated a little lower, so that the dashboard shows different grades.
LEANING = {"samsat": -0.4, "polres": -0.2, "dukcapil": 0.1}
# Columns of a demo answer after its ticket's own (ticket, agency, service, location,
# counter, day, submitted_at), in the order survey_answer gives them.
# Read once: an enum's .values builds its list again on every access.
SEXES = tuple(SurveyResponse.Sex.values)
EDUCATIONS = tuple(SurveyResponse.Education.values)
OCCUPATIONS = tuple(SurveyResponse.Occupation.values)
ANSWER_COLUMNS = [*ELEMENT_FIELDS, "age", "sex", "education", "occupation", "suggestion"]


def survey_answer(rng: random.Random, agency_slug: str) -> list | None:
    """One visitor's answer to the SKM (values in ANSWER_COLUMNS order), or None when this
    visitor does not answer."""
    if rng.random() >= SHARE:
        return None
    lean = LEANING.get(agency_slug, 0.0)
    elements = [min(4, max(1, round(rng.gauss(3.3 + lean, 0.55)))) for _ in ELEMENT_FIELDS]
    return [
        *elements,
        rng.randint(17, 70),
        rng.choice(SEXES),
        rng.choice(EDUCATIONS),
        rng.choice(OCCUPATIONS),
        rng.choice(SUGGESTIONS) if rng.random() < SUGGESTION_SHARE else "",
    ]


def open_suggestions() -> None:
    """The demo history's suggestions wait, open, in their agencies' inboxes (no contact was
    left); those already there are left as they are."""
    unread = SurveyResponse.objects.filter(suggestion_record__isnull=True).exclude(suggestion="")
    Suggestion.objects.bulk_create(
        Suggestion(
            response=response, agency_id=response.agency_id, received_at=response.submitted_at
        )
        for response in unread.only("pk", "agency_id", "submitted_at")
    )


# What an agency plans about a weak element, and who answers for it.
ACTIONS = {
    "u1_requirements": "Memasang daftar persyaratan di setiap loket dan di laman layanan",
    "u2_procedure": "Memasang bagan alur layanan di ruang tunggu dan menyederhanakan formulir",
    "u3_duration": "Menambah petugas loket pada jam sibuk pukul 08.00–10.00",
    "u4_cost": "Mengumumkan biaya resmi (atau gratis) di loket dan di laman layanan",
    "u5_product": "Memajang contoh produk layanan dan cara memeriksanya di loket",
    "u6_competence": "Pelatihan teknis petugas loket tentang layanan yang paling sering ditanya",
    "u7_behaviour": "Pelatihan pelayanan prima bagi semua petugas garis depan",
    "u8_complaints": "Menanggapi setiap saran dalam 5 hari kerja dan mengumumkan tindak lanjutnya",
    "u9_facilities": "Menambah kursi ruang tunggu dan memperbaiki pendingin ruangan",
}
OWNER = "Kepala Seksi Pelayanan"
PROGRESS = (
    (SkmFollowUp.Status.DONE, "Sudah dilaksanakan; dipantau pada survei triwulan ini."),
    (SkmFollowUp.Status.IN_PROGRESS, "Sebagian sudah berjalan; sisanya menunggu anggaran."),
)
# This agency's last quarter stays a draft: its admin is shown writing and publishing it.
DRAFT_AGENCY = "dukcapil"


def _plan(agency: Agency, period: SkmPeriod, admin) -> None:
    for element in agency_skm_figures(agency=agency, period=period).weakest[:2]:
        skm_follow_up_add(
            agency=agency,
            period=period,
            element=element.field,
            action=ACTIONS[element.field],
            owner=OWNER,
            target_date=period.end + timedelta(days=90),
            actor=admin,
        )


def seed_reports() -> int:
    """The last two ended quarters of every agency with answers: the older one published
    with its plan, whose progress the newer one reports; the newer one published too, but
    for DRAFT_AGENCY. Agencies that have a report of the older quarter are left as they are.
    How many agencies were given reports."""
    latest = SkmPeriod.last_ended_quarter(clock.today())
    older = latest.previous
    admins = {
        user.username: user for user in get_user_model().objects.filter(username__endswith="-admin")
    }
    seeded = 0
    with scopes_disabled():
        agencies = list(Agency.objects.filter(is_active=True).order_by("slug"))
    for agency in agencies:
        admin = admins.get(f"{agency.slug}-admin")
        if admin is None or skm_report_record(agency=agency, period=older) is not None:
            continue
        if not agency_skm_figures(agency=agency, period=older).enough:
            continue
        _plan(agency, older, admin)
        skm_report_publish(agency=agency, period=older, actor=admin)
        with scopes_disabled():
            plan = list(SkmFollowUp.objects.filter(agency=agency).order_by("id"))
        for number, follow_up in enumerate(plan):
            status, note = PROGRESS[number % len(PROGRESS)]
            skm_follow_up_progress(follow_up=follow_up, status=status, note=note, actor=admin)
        if agency_skm_figures(agency=agency, period=latest).enough:
            _plan(agency, latest, admin)
            if agency.slug != DRAFT_AGENCY:
                skm_report_publish(agency=agency, period=latest, actor=admin)
        seeded += 1
    return seeded


def seed(*, always_open: bool = False) -> dict:
    """After the queue's demo, whose history holds the answers."""
    open_suggestions()
    return {"skm_reports": seed_reports()}
