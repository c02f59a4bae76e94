"""API of complaints for citizens: file one (code and secret back, once), and follow it
with its code and secret. No identity and no internal note ever comes back."""

from datetime import date, datetime
from typing import Literal

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from common.errors import DomainError
from complaints.limits import complaint_unlock
from complaints.models import ComplaintCategory
from complaints.selectors import public as selectors
from complaints.services import complaint_submit
from services.api_errors import refusals
from services.models import Agency, Location

router = Router(tags=["pengaduan"])


class ComplaintIn(Schema):
    category: str = Field(description="Slug kategori, mis. pelayanan-lambat, biaya-pungli")
    subject: str = Field(max_length=150)
    description: str = Field(max_length=5000, description="Apa yang terjadi")
    happened_on: date | None = Field(None, description="Tanggal kejadian, tidak di masa depan")
    service: str | None = Field(None, description="instansi/layanan")
    agency: str | None = Field(None, description="Slug instansi yang diadukan")
    location: str | None = Field(None, description="Slug lokasi")
    place: str = Field("", max_length=120, description="Loket atau ruang")
    identity: Literal["anonymous", "confidential"] = Field(
        description="anonymous: tanpa nama dan kontak; confidential: nama dan kontak hanya "
        "untuk petugas pengaduan MPP, tidak pernah untuk instansi"
    )
    name: str = Field("", max_length=120, description="Hanya untuk confidential")
    phone: str = Field("", max_length=20, description="Hanya untuk confidential")
    email: str = Field("", max_length=254, description="Hanya untuk confidential")
    notify: list[Literal["whatsapp", "sms", "email"]] = Field(
        default=[],
        description="Kanal yang diizinkan pelapor untuk kabar pengaduan ini (persetujuannya, "
        "dicatat bersama pengaduan)",
    )
    language: Literal["id", "en"] = "id"

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "category": "pelayanan-lambat",
                    "subject": "Antrean KTP-el tidak dipanggil tiga jam",
                    "description": "Nomor A-031 menunggu sejak 08.30, loket 2 kosong.",
                    "happened_on": "2026-12-02",
                    "service": "dukcapil/ktp-el",
                    "location": "expo-sangatta",
                    "place": "Loket 2",
                    "identity": "confidential",
                    "name": "Rina",
                    "phone": "081234567890",
                    "notify": ["whatsapp"],
                },
                {
                    "category": "biaya-pungli",
                    "subject": "Diminta uang pelicin",
                    "description": "Petugas meminta Rp50.000 agar berkas cepat selesai.",
                    "agency": "samsat",
                    "identity": "anonymous",
                },
            ]
        }
    )


class ComplaintCreatedOut(Schema):
    """The secret is given here once; only its hash is kept."""

    code: str
    secret: str
    stage: str
    stage_due_at: datetime | None


class LookupIn(Schema):
    code: str = Field(max_length=16)
    secret: str = Field(max_length=32)

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"code": "K7M2Q9XA4B", "secret": "H3N8R2TQ7WZE"}]}
    )


class ProgressOut(Schema):
    stage: str
    label: str
    reached_at: datetime | None


class EventOut(Schema):
    at: datetime
    kind: Literal["received", "stage", "reply", "citizen", "rated"]
    title: str
    stage: str
    text: str
    by: str = Field(description="Pelapor, petugas pengaduan MPP, atau nama singkat instansi")


class ComplaintPublicOut(Schema):
    """What the holder of the code and secret reads: never a name, a contact or a note of
    the staff."""

    code: str
    category: str
    subject: str
    description: str
    identity: Literal["anonymous", "confidential"]
    stage: str
    stage_label: str
    stage_due_at: datetime | None
    stage_late: bool
    resolution_due_at: datetime
    received_at: datetime
    satisfied: bool | None
    reopened: bool
    progress: list[ProgressOut]
    events: list[EventOut]


def _found(model, slug: str | None, **filters):
    return get_object_or_404(model, slug=slug, **filters) if slug else None


@router.post("/complaints", response={201: ComplaintCreatedOut, **refusals(404, 429)})
def complaint_create(request, payload: ComplaintIn):
    """File a complaint. It goes to the mall's complaint officers first, whatever agency
    it names. Keep `secret`: it is shown only in this answer. 404 for an unknown category,
    agency, service or location; 422 for an anonymous complaint with a name or contact, or
    a date in the future; 429 past the limit per address."""
    service = None
    if payload.service:
        agency_slug, _slash, service_slug = payload.service.partition("/")
        service = (
            selectors.intake_services().filter(agency__slug=agency_slug, slug=service_slug).first()
        )
        if service is None:
            raise Http404
    complaint, secret = complaint_submit(
        category=get_object_or_404(ComplaintCategory, slug=payload.category),
        subject=payload.subject,
        description=payload.description,
        happened_on=payload.happened_on,
        agency=_found(Agency, payload.agency, is_active=True),
        service=service,
        location=_found(Location, payload.location),
        place=payload.place,
        origin="api",
        identity=payload.identity,
        name=payload.name,
        phone=payload.phone,
        email=payload.email,
        language=payload.language,
        message_channels=payload.notify,
    )
    return Status(
        201,
        {
            "code": complaint.code,
            "secret": secret,
            "stage": complaint.stage,
            "stage_due_at": complaint.stage_due_at,
        },
    )


@router.post("/complaints/lookup", response={200: ComplaintPublicOut, **refusals(404, 429)})
def complaint_lookup(request, payload: LookupIn):
    """A complaint's public timeline, with its code and secret in the body (never in a
    URL). A wrong code and a wrong secret get the same 404; 429 past the tries of the day
    from this address, or after 10 wrong secrets for this code (locked until tomorrow)."""
    complaint = complaint_unlock(
        code=payload.code, secret=payload.secret, address=request.META.get("REMOTE_ADDR", "")
    )
    if complaint is None:
        raise DomainError(
            _("Nomor pengaduan atau kode rahasia tidak cocok."), code="not_found", status=404
        )
    events = selectors.complaint_public_events(complaint)
    return {
        "code": complaint.code,
        "category": complaint.category.name,
        "subject": complaint.subject,
        "description": complaint.description,
        "identity": complaint.identity,
        "stage": complaint.stage,
        "stage_label": complaint.get_stage_display(),
        "stage_due_at": complaint.stage_due_at,
        "stage_late": complaint.is_stage_late,
        "resolution_due_at": complaint.resolution_due_at,
        "received_at": complaint.received_at,
        "satisfied": complaint.satisfied,
        "reopened": complaint.reopened,
        "progress": selectors.complaint_progress(complaint, events),
        "events": events,
    }
