"""Every write to a complaint: submit, verify, forward, take up, reply, resolve, archive,
the citizen's additions and rating, and the escalation of a late stage. One transaction
each, with its history row."""

import re
from collections.abc import Sequence
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from common import clock
from common.images import PreparedPhoto
from common.validators import normalize_phone
from common.workdays import working_deadline
from complaints.errors import ComplaintRefused, InvalidComplaintStep
from complaints.messages import complaint_messages_consent, complaint_tell
from complaints.models import (
    MAX_PHOTOS,
    RESOLUTION_CEILING_DAYS,
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    ComplaintPhoto,
    hash_secret,
    new_secret,
)
from services.models import Agency, Location, Service
from services.permissions import can_operate, is_complaint_officer

Stage = Complaint.Stage
Action = ComplaintEvent.Action
# lapor.go.id's tracking numbers are digits; letters and separators are allowed for its
# older and regional formats.
LAPOR_NUMBER = re.compile(r"[0-9A-Za-z./-]{1,40}")


def _record(
    complaint: Complaint,
    *,
    action: str,
    at: datetime,
    actor=None,
    from_stage: str = "",
    text: str = "",
) -> ComplaintEvent:
    event = ComplaintEvent.objects.create(
        complaint=complaint,
        agency_id=complaint.agency_id,
        action=action,
        from_stage=from_stage,
        to_stage=complaint.stage,
        actor=actor if actor is not None and actor.is_authenticated else None,
        text=text,
        at=at,
    )
    complaint_tell(complaint, event)
    return event


def _contact(*, identity: str, name: str, phone: str, email: str) -> tuple[str, str, str]:
    name, phone, email = name.strip(), phone.strip(), email.strip()
    if identity == Complaint.Identity.ANONYMOUS:
        if name or phone or email:
            raise ComplaintRefused(
                _("Pengaduan anonim tidak menyertakan nama atau kontak; pilih rahasia.")
            )
        return "", "", ""
    if identity != Complaint.Identity.CONFIDENTIAL:
        raise ComplaintRefused(_("Pilih anonim atau rahasia."))
    try:
        phone = normalize_phone(phone) if phone else ""
        if email:
            validate_email(email)
    except ValidationError as error:
        raise ComplaintRefused(error.messages[0]) from error
    return name, phone, email


def complaint_submit(
    *,
    category: ComplaintCategory,
    subject: str,
    description: str,
    identity: str,
    happened_on=None,
    agency: Agency | None = None,
    service: Service | None = None,
    location: Location | None = None,
    place: str = "",
    origin: str = "",
    name: str = "",
    phone: str = "",
    email: str = "",
    language: str = "id",
    photos: Sequence[PreparedPhoto] = (),
    message_channels: Sequence[str] = (),
) -> tuple[Complaint, str]:
    """A received complaint and the secret that follows it (given once, stored hashed).
    It goes to the mall's officers first, whatever agency it names. `photos` are already
    checked and re-encoded (common.images.prepare_photo); `message_channels` are those the
    citizen allowed complaint messages on, for the contact they gave."""
    if not (subject.strip() and description.strip()):
        raise ComplaintRefused(_("Isi judul dan apa yang terjadi."))
    if len(photos) > MAX_PHOTOS:
        raise ComplaintRefused(
            _("Paling banyak %(count)d foto untuk satu pengaduan.") % {"count": MAX_PHOTOS}
        )
    if service is not None and agency is not None and service.agency_id != agency.pk:
        raise ComplaintRefused(_("Layanan ini bukan milik instansi yang dipilih."))
    name, phone, email = _contact(identity=identity, name=name, phone=phone, email=email)
    now = clock.now()
    if happened_on is not None and happened_on > clock.local_day(now):
        raise ComplaintRefused(_("Tanggal kejadian tidak boleh di masa depan."))
    secret = new_secret()
    target = min(category.resolution_days, RESOLUTION_CEILING_DAYS)
    with transaction.atomic():
        complaint = Complaint.objects.create(
            secret_hash=hash_secret(secret),
            category=category,
            subject=subject.strip(),
            description=description.strip(),
            happened_on=happened_on,
            # The agency it names owns it (and sees it) only once the officers forward it.
            about_agency=agency or (service.agency if service is not None else None),
            service=service,
            location=location,
            place=place.strip(),
            origin=origin.strip(),
            identity=identity,
            name=name,
            phone=phone,
            email=email,
            language=language,
            received_at=now,
            stage_since=now,
            stage_due_at=working_deadline(now, Complaint.VERIFY_DAYS),
            resolution_due_at=working_deadline(now, target),
        )
        for photo in photos:
            attached = ComplaintPhoto(complaint=complaint, width=photo.width, height=photo.height)
            attached.image.save(photo.image.name, photo.image, save=False)
            attached.save()
        complaint_messages_consent(phone=phone, email=email, channels=message_channels)
        _record(complaint, action=Action.RECEIVED, at=now)
    return complaint, secret


def _lock(complaint: Complaint) -> Complaint:
    # Officers, agency staff and the citizen act on one complaint one after the other: each
    # sees the stage the one before left.
    with scopes_disabled():  # the caller has resolved who may act on this complaint
        return (
            Complaint.objects.select_for_update(of=("self",))
            .select_related("category")
            .get(pk=complaint.pk)
        )


def stage_due(complaint: Complaint, stage: str, now: datetime) -> datetime | None:
    """The deadline of `stage` entered now: verification and first response in their
    working days, the work itself by the complaint's resolution deadline."""
    if stage in (Stage.RECEIVED, Stage.VERIFIED):
        return working_deadline(complaint.received_at, Complaint.VERIFY_DAYS)
    if stage == Stage.FORWARDED:
        return working_deadline(now, Complaint.FIRST_RESPONSE_DAYS)
    if stage == Stage.IN_PROGRESS:
        return complaint.resolution_due_at
    return None


def _move(
    complaint: Complaint,
    *,
    to: str,
    actor,
    text: str = "",
    **fields,
) -> Complaint:
    """Lock, check the step against TRANSITIONS, apply, record; the stage's clock restarts."""
    now = clock.now()
    with transaction.atomic():
        locked = _lock(complaint)
        if to not in Complaint.TRANSITIONS[locked.stage]:
            raise InvalidComplaintStep(
                _("Pengaduan pada tahap %(from)s tidak bisa menjadi %(to)s.")
                % {"from": locked.get_stage_display(), "to": Stage(to).label}
            )
        from_stage = locked.stage
        locked.stage, locked.stage_since = to, now
        locked.stage_due_at = stage_due(locked, to, now)
        locked.stage_escalated_at = None
        for name, value in fields.items():
            setattr(locked, name, value)
        if to == Stage.RESOLVED:
            locked.resolved_at, locked.satisfied = now, None
            locked.first_response_at = locked.first_response_at or now
        locked.save()
        _record(locked, action=Action.STAGE, at=now, actor=actor, from_stage=from_stage, text=text)
    return locked


def complaint_verify(*, complaint: Complaint, officer, note: str = "") -> Complaint:
    """The officers read it and it is a complaint they can act on."""
    return _move(complaint, to=Stage.VERIFIED, actor=officer, text=note.strip())


def complaint_forward(*, complaint: Complaint, officer, agency: Agency, reason: str) -> Complaint:
    """To `agency` for its answer: from the officers, or from an agency that says "bukan
    wewenang" (not ours) with its reason. Never a complaint about pungli or misconduct."""
    if complaint.category.officers_only:
        raise ComplaintRefused(
            _("Pengaduan kategori ini ditangani petugas pengaduan MPP, tidak diteruskan.")
        )
    if not reason.strip():
        raise ComplaintRefused(_("Sebutkan alasan meneruskan pengaduan."))
    if agency.pk == complaint.agency_id:
        raise ComplaintRefused(_("Pengaduan sudah berada di instansi ini."))
    return _move(
        complaint,
        to=Stage.FORWARDED,
        actor=officer,
        text=_("Diteruskan ke %(agency)s: %(reason)s")
        % {"agency": agency.name, "reason": reason.strip()},
        agency=agency,
    )


def complaint_take_up(*, complaint: Complaint, actor, note: str = "") -> Complaint:
    """The complaint is being acted on (by the agency, or by the officers themselves)."""
    return _move(complaint, to=Stage.IN_PROGRESS, actor=actor, text=note.strip())


def complaint_resolve(*, complaint: Complaint, actor, answer: str) -> Complaint:
    """The answer to the citizen: the complaint is done unless they re-open it."""
    if not answer.strip():
        raise ComplaintRefused(_("Tulis jawaban untuk pelapor."))
    return _move(complaint, to=Stage.RESOLVED, actor=actor, text=answer.strip())


def complaint_archive(
    *, complaint: Complaint, officer, reason: str, outside_body: str = ""
) -> Complaint:
    """Not a complaint the mall can act on (no substance, or another body's: the Ombudsman,
    the police), recorded with the reason."""
    if not reason.strip():
        raise ComplaintRefused(_("Sebutkan alasan pengarsipan."))
    return _move(
        complaint,
        to=Stage.ARCHIVED,
        actor=officer,
        text=reason.strip(),
        outside_body=outside_body.strip(),
    )


def complaint_reply(*, complaint: Complaint, actor, text: str, public: bool) -> ComplaintEvent:
    """A reply the citizen reads (`public`), or an internal note they never see. The first
    public reply is the agency's first response."""
    if not text.strip():
        raise ComplaintRefused(_("Isi tanggapan tidak boleh kosong."))
    now = clock.now()
    with transaction.atomic():
        locked = _lock(complaint)
        if not locked.is_open:
            raise InvalidComplaintStep(_("Pengaduan ini sudah selesai."))
        if public and locked.first_response_at is None:
            locked.first_response_at = now
            locked.save(update_fields=["first_response_at"])
        return _record(
            locked,
            action=Action.REPLY if public else Action.NOTE,
            at=now,
            actor=actor,
            from_stage=locked.stage,
            text=text.strip(),
        )


def complaint_add_information(*, complaint: Complaint, text: str) -> ComplaintEvent:
    """The citizen adds what they remembered, or answers a question."""
    if not text.strip():
        raise ComplaintRefused(_("Isi tambahan informasi tidak boleh kosong."))
    now = clock.now()
    with transaction.atomic():
        locked = _lock(complaint)
        if locked.stage == Stage.ARCHIVED:
            raise InvalidComplaintStep(_("Pengaduan ini sudah diarsipkan."))
        return _record(
            locked, action=Action.CITIZEN, at=now, from_stage=locked.stage, text=text.strip()
        )


def complaint_rate(*, complaint: Complaint, satisfied: bool, comment: str = "") -> Complaint:
    """The citizen's verdict on the answer; not satisfied, they may re-open it once."""
    now = clock.now()
    with transaction.atomic():
        locked = _lock(complaint)
        if locked.stage != Stage.RESOLVED or locked.satisfied is not None:
            raise InvalidComplaintStep(_("Jawaban ini sudah dinilai atau belum ada."))
        locked.satisfied = satisfied
        locked.save(update_fields=["satisfied"])
        verdict = _("Puas") if satisfied else _("Tidak puas")
        _record(
            locked,
            action=Action.RATED,
            at=now,
            from_stage=locked.stage,
            text=f"{verdict}. {comment.strip()}".strip(),
        )
    if not satisfied and not locked.reopened:
        locked = _move(
            locked,
            to=Stage.IN_PROGRESS,
            actor=None,
            text=_("Dibuka kembali oleh pelapor."),
            reopened=True,
        )
    return locked


def complaint_escalate_late(*, now: datetime | None = None) -> list[Complaint]:
    """Every complaint whose current stage passed its deadline, marked once per stage with
    its history row; the caller tells the officers and the agency's head. Two workers at
    once: each takes the rows the other has not locked (SKIP LOCKED), and a marked row no
    longer matches."""
    now = now or clock.now()
    with transaction.atomic(), scopes_disabled():  # a mall-wide duty
        late = list(
            Complaint.objects.select_for_update(skip_locked=True).filter(
                stage_due_at__lt=now, stage_escalated_at__isnull=True
            )
        )
        for complaint in late:
            complaint.stage_escalated_at = now
            complaint.save(update_fields=["stage_escalated_at"])
            _record(
                complaint,
                action=Action.ESCALATED,
                at=now,
                from_stage=complaint.stage,
                text=_("Tahap %(stage)s melewati batas %(due)s.")
                % {
                    "stage": complaint.get_stage_display(),
                    "due": f"{timezone.localtime(complaint.stage_due_at):%d-%m-%Y}",
                },
            )
    return late


def complaint_assign(*, complaint: Complaint, assignee, actor) -> Complaint:
    """Give the complaint to one officer or one staff member of its agency (None: nobody)."""
    if assignee is not None:
        handles = (
            is_complaint_officer(assignee)
            if complaint.agency_id is None
            else can_operate(assignee, complaint.agency)
        )
        if not handles:
            raise ComplaintRefused(_("Petugas ini tidak menangani pengaduan ini."))
    now = clock.now()
    with transaction.atomic():
        locked = _lock(complaint)
        locked.assignee = assignee
        locked.save(update_fields=["assignee"])
        _record(
            locked,
            action=Action.NOTE,
            at=now,
            actor=actor,
            from_stage=locked.stage,
            text=_("Ditugaskan kepada %(user)s") % {"user": assignee.get_username()}
            if assignee is not None
            else _("Penugasan dilepas"),
        )
    return locked


def complaint_identity_reveal(*, complaint: Complaint, officer) -> Complaint:
    """A confidential complainant's name and contact, for a complaint officer only, with
    the access recorded in the complaint's history."""
    if not is_complaint_officer(officer):
        raise PermissionDenied
    if complaint.identity != Complaint.Identity.CONFIDENTIAL:
        raise ComplaintRefused(_("Pengaduan anonim tidak menyimpan identitas."))
    with transaction.atomic():
        locked = _lock(complaint)
        _record(
            locked, action=Action.IDENTITY, at=clock.now(), actor=officer, from_stage=locked.stage
        )
    return locked


def complaint_set_lapor_number(*, complaint: Complaint, officer, number: str) -> Complaint:
    """The SP4N-LAPOR! tracking number of the same complaint filed at lapor.go.id (empty:
    none), recorded."""
    number = number.strip()
    if number and not LAPOR_NUMBER.fullmatch(number):
        raise ComplaintRefused(
            _("Nomor SP4N-LAPOR! hanya berisi huruf, angka, titik, garis miring atau strip.")
        )
    with transaction.atomic():
        locked = _lock(complaint)
        locked.lapor_number = number
        locked.save(update_fields=["lapor_number"])
        _record(
            locked,
            action=Action.NOTE,
            at=clock.now(),
            actor=officer,
            from_stage=locked.stage,
            text=_("Nomor SP4N-LAPOR!: %(number)s") % {"number": number}
            if number
            else _("Nomor SP4N-LAPOR! dihapus"),
        )
    return locked


def complaint_publish_answer(*, complaint: Complaint, officer, publish: bool) -> Complaint:
    """Show (or stop showing) a resolved complaint and its public answer in the public
    tanya-jawab, without the complainant's identity."""
    with transaction.atomic():
        locked = _lock(complaint)
        if publish and locked.stage != Stage.RESOLVED:
            raise InvalidComplaintStep(_("Hanya pengaduan yang selesai dapat diterbitkan."))
        locked.publish_as_faq = publish
        locked.save(update_fields=["publish_as_faq"])
        _record(
            locked,
            action=Action.NOTE,
            at=clock.now(),
            actor=officer,
            from_stage=locked.stage,
            text=_("Diterbitkan sebagai tanya-jawab")
            if publish
            else _("Tidak lagi diterbitkan sebagai tanya-jawab"),
        )
    return locked
