"""API of a citizen's case: its public view behind the code and the NIK's last four digits."""

from datetime import datetime

from django.conf import settings
from django.utils import timezone
from ninja import Field, Router, Schema
from pydantic import ConfigDict

from cases.models import Case
from cases.selectors import case_lookup, case_pickup_booking_path
from counters.booking.documents import requirement_line
from services.api_errors import refusals

router = Router(tags=["berkas"])


class CaseLookupIn(Schema):
    code: str = Field(max_length=30, description="Kode lacak (spasi dan tanda hubung diabaikan)")
    nik_last4: str = Field(pattern=r"^[0-9]{4}$", description="4 digit terakhir NIK pemohon")

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"code": "7KQ2M9XD4T", "nik_last4": "0002"}]}
    )


class TimelineEntryOut(Schema):
    at: datetime
    action: str = Field(description="opened, status atau transferred")
    status: str
    status_label: str
    note: str | None = None


class PickupOut(Schema):
    location: str
    name: str
    address: str
    opening_hours: str
    map_url: str
    note: str
    booking_url: str | None = Field(
        None, description="Halaman reservasi kunjungan pengambilan, bila layanan menerimanya"
    )


class CasePublicOut(Schema):
    """What the holder of the code and the NIK's last digits may see: never a name, a NIK
    or a phone number."""

    code: str
    status: str
    status_label: str
    service: str = Field(description="instansi/layanan")
    service_name: str
    agency: str
    agency_name: str
    holder_unit: str
    opened_at: datetime
    due_at: datetime | None
    is_late: bool
    paused: bool
    missing: list[str] = Field(description="Persyaratan yang kurang (status incomplete)")
    refusal_reason: str | None = None
    refusal_basis: str | None = None
    pickup: PickupOut | None = None
    timeline: list[TimelineEntryOut]

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "code": "7KQ2M9XD4T",
                    "status": "ready",
                    "status_label": "Siap diambil",
                    "service": "dukcapil/ktp-el",
                    "service_name": "KTP-el",
                    "agency": "dukcapil",
                    "agency_name": "Dinas Kependudukan dan Pencatatan Sipil",
                    "holder_unit": "Bidang Pelayanan Pendaftaran Penduduk",
                    "opened_at": "2026-03-02T09:14:00+08:00",
                    "due_at": "2026-03-09T23:59:59+08:00",
                    "is_late": False,
                    "paused": False,
                    "missing": [],
                    "refusal_reason": None,
                    "refusal_basis": None,
                    "pickup": {
                        "location": "expo-sangatta",
                        "name": "Gedung Expo Sangatta",
                        "address": "Jl. Soekarno-Hatta, Sangatta Utara",
                        "opening_hours": "Senin–Jumat 08.00–15.00",
                        "map_url": "",
                        "note": "Bawa tanda terima dan KTP lama.",
                        "booking_url": "https://mpp.kutaitimurkab.go.id/reservasi/dukcapil/ktp-el/?lokasi=expo-sangatta",
                    },
                    "timeline": [
                        {
                            "at": "2026-03-02T09:14:00+08:00",
                            "action": "opened",
                            "status": "in_process",
                            "status_label": "Diproses",
                            "note": None,
                        },
                        {
                            "at": "2026-03-06T10:02:00+08:00",
                            "action": "status",
                            "status": "ready",
                            "status_label": "Siap diambil",
                            "note": None,
                        },
                    ],
                }
            ]
        }
    )


def _pickup(case: Case) -> PickupOut | None:
    place = case.pickup_location
    if case.status != Case.Status.READY or place is None:
        return None
    booking = case_pickup_booking_path(case)
    return PickupOut(
        location=place.slug,
        name=place.name,
        address=place.address,
        opening_hours=place.opening_hours,
        map_url=place.map_url,
        note=case.pickup_note,
        booking_url=settings.PUBLIC_BASE_URL + booking if booking else None,
    )


def case_public_out(case: Case) -> CasePublicOut:
    """The public view of a case from case_for_citizen (its prefetched timeline)."""
    incomplete, refused = case.status == Case.Status.INCOMPLETE, case.status == Case.Status.REFUSED
    missing = [requirement_line(item) for item in case.missing_requirements.all()]
    return CasePublicOut(
        code=case.code,
        status=case.status,
        status_label=str(case.get_status_display()),
        service=f"{case.agency.slug}/{case.service.slug}",
        service_name=case.service.localized_name,
        agency=case.agency.slug,
        agency_name=case.agency.name,
        holder_unit=case.holder_unit,
        opened_at=timezone.localtime(case.opened_at),
        due_at=timezone.localtime(case.due_at) if case.due_at else None,
        is_late=case.late,
        paused=case.paused_at is not None,
        missing=(missing + [case.missing_note] * bool(case.missing_note)) if incomplete else [],
        refusal_reason=case.refusal_reason if refused else None,
        refusal_basis=case.refusal_basis if refused else None,
        pickup=_pickup(case),
        timeline=[
            TimelineEntryOut(
                at=timezone.localtime(event.at),
                action=event.action,
                status=event.to_status,
                status_label=str(event.get_to_status_display()),
                note=event.note or None,
            )
            for event in case.public_events
        ],
    )


@router.post("/cases/lookup", response={200: CasePublicOut, **refusals(404, 429)})
def case_lookup_endpoint(request, payload: CaseLookupIn):
    """A case by its tracking code, only with the last four digits of the applicant's
    NIK (in the body, never in a URL). A wrong code and wrong digits are the same 404;
    after five wrong digits for one code in a day that code answers 429 until the next
    day, and one address is limited across codes."""
    return case_public_out(case_lookup(code=payload.code, nik_last4=payload.nik_last4))
