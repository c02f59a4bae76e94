"""The staff pages of complaints: the mall officers' inbox (/pengaduan-mpp/) and an agency's
(/instansi/<agency>/pengaduan/), each with its detail, the citizen's photos and its steps,
all through complaints.services."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from common.errors import DomainError
from common.pagination import counted_page
from complaints import services as complaints
from complaints import staff_forms as forms
from complaints.lapor import lapor_text
from complaints.models import Complaint
from complaints.selectors.staff import (
    agency_complaint,
    agency_complaints,
    complaint_assignees,
    complaint_history,
    complaint_photo,
    complaint_photos,
    officer_complaint,
    officer_complaints,
)
from notifications.recipients import mask
from services.models import Agency
from services.permissions import can_enter_agency, is_complaint_officer
from services.selectors import active_agency
from services.tenancy import staff_view

PER_PAGE = 25


Stage = Complaint.Stage


@dataclass(frozen=True)
class Step:
    """One step a staff page offers: its form, the service call, its wording, and the stage
    it moves to (offered only where Complaint.TRANSITIONS allows it)."""

    form: type
    run: Callable
    title: str
    button: str
    done: str
    to_stage: str = ""
    open_only: bool = True


STEPS = {
    "verifikasi": Step(
        forms.NoteForm,
        lambda c, user, d: complaints.complaint_verify(
            complaint=c, officer=user, note=d["catatan"]
        ),
        gettext_lazy("Verifikasi"),
        gettext_lazy("Verifikasi"),
        gettext_lazy("Pengaduan diverifikasi."),
        to_stage=Stage.VERIFIED,
    ),
    "tindak-lanjut": Step(
        forms.NoteForm,
        lambda c, user, d: complaints.complaint_take_up(complaint=c, actor=user, note=d["catatan"]),
        gettext_lazy("Tindak lanjuti"),
        gettext_lazy("Tindak lanjuti"),
        gettext_lazy("Pengaduan ditindaklanjuti."),
        to_stage=Stage.IN_PROGRESS,
    ),
    "tanggapan": Step(
        forms.ReplyForm,
        lambda c, user, d: complaints.complaint_reply(
            complaint=c, actor=user, text=d["teks"], public=True
        ),
        gettext_lazy("Tanggapan untuk pelapor (terlihat oleh pelapor)"),
        gettext_lazy("Kirim tanggapan"),
        gettext_lazy("Tanggapan terkirim ke pelapor."),
    ),
    "catatan": Step(
        forms.InternalNoteForm,
        lambda c, user, d: complaints.complaint_reply(
            complaint=c, actor=user, text=d["teks"], public=False
        ),
        gettext_lazy("Catatan internal (tidak terlihat oleh pelapor)"),
        gettext_lazy("Simpan catatan"),
        gettext_lazy("Catatan internal tersimpan."),
    ),
    "selesaikan": Step(
        forms.ResolveForm,
        lambda c, user, d: complaints.complaint_resolve(
            complaint=c, actor=user, answer=d["jawaban"]
        ),
        gettext_lazy("Selesaikan dengan jawaban"),
        gettext_lazy("Selesaikan"),
        gettext_lazy("Pengaduan selesai; jawaban terkirim ke pelapor."),
        to_stage=Stage.RESOLVED,
    ),
    "teruskan": Step(
        forms.ForwardForm,
        lambda c, user, d: complaints.complaint_forward(
            complaint=c, officer=user, agency=d["instansi"], reason=d["alasan"]
        ),
        gettext_lazy("Teruskan ke instansi"),
        gettext_lazy("Teruskan"),
        gettext_lazy("Pengaduan diteruskan."),
        to_stage=Stage.FORWARDED,
    ),
    "arsipkan": Step(
        forms.ArchiveForm,
        lambda c, user, d: complaints.complaint_archive(
            complaint=c, officer=user, reason=d["alasan"], outside_body=d["lembaga"]
        ),
        gettext_lazy("Arsipkan (bukan wewenang MPP, atau untuk lembaga lain)"),
        gettext_lazy("Arsipkan"),
        gettext_lazy("Pengaduan diarsipkan."),
        to_stage=Stage.ARCHIVED,
    ),
    "tugaskan": Step(
        forms.AssignForm,
        lambda c, user, d: complaints.complaint_assign(
            complaint=c, assignee=d["petugas"], actor=user
        ),
        gettext_lazy("Penugasan"),
        gettext_lazy("Tugaskan"),
        gettext_lazy("Penugasan tersimpan."),
    ),
    "lapor": Step(
        forms.LaporNumberForm,
        lambda c, user, d: complaints.complaint_set_lapor_number(
            complaint=c, officer=user, number=d["nomor"]
        ),
        gettext_lazy("Nomor SP4N-LAPOR!"),
        gettext_lazy("Simpan nomor"),
        gettext_lazy("Nomor SP4N-LAPOR! tersimpan."),
        open_only=False,
    ),
    "terbitkan": Step(
        forms.PublishForm,
        lambda c, user, d: complaints.complaint_publish_answer(
            complaint=c, officer=user, publish=d["terbitkan"]
        ),
        gettext_lazy("Tanya-jawab publik"),
        gettext_lazy("Simpan"),
        gettext_lazy("Penerbitan tanya-jawab tersimpan."),
        open_only=False,
    ),
}
OFFICER_STEPS = tuple(STEPS)
# The agency's staff work on what was forwarded to them: no verification, no archive (the
# officers' decisions), no LAPOR! or publication; "bukan wewenang" is `teruskan`.
AGENCY_STEPS = ("tindak-lanjut", "tanggapan", "catatan", "selesaikan", "tugaskan", "teruskan")


def _offered(name: str, complaint: Complaint) -> bool:
    step = STEPS[name]
    if step.to_stage:
        if step.to_stage == Stage.FORWARDED and complaint.category.officers_only:
            return False
        return step.to_stage in Complaint.TRANSITIONS[complaint.stage]
    if name == "terbitkan":
        return complaint.stage == Stage.RESOLVED or complaint.publish_as_faq
    return complaint.is_open or not step.open_only


def _form(name: str, complaint: Complaint, data=None):
    form_class = STEPS[name].form
    # Each step's form has ids of its own: several share field names on one page.
    options = {"auto_id": f"{name}-%s"}
    if form_class is forms.ForwardForm:
        options["current"] = complaint.agency
    if form_class is forms.AssignForm:
        options["assignees"] = complaint_assignees(complaint)
    return form_class(data, **options)


def _steps(complaint: Complaint, names, url: Callable[[str], str]) -> list[dict]:
    """The steps the complaint's stage allows, each with its form and where it posts."""
    initial = {
        "lapor": {"nomor": complaint.lapor_number},
        "tugaskan": {"petugas": complaint.assignee_id},
        "terbitkan": {"terbitkan": complaint.publish_as_faq},
    }
    offered = []
    for name in names:
        if not _offered(name, complaint):
            continue
        form = _form(name, complaint)
        form.initial = initial.get(name, {})
        step = STEPS[name]
        offered.append(
            {
                "id": name,
                "form": form,
                "title": step.title,
                "button": step.button,
                "action": url(name),
            }
        )
    return offered


def _perform(request, complaint: Complaint, name: str) -> None:
    """The step, or a message saying why nothing changed."""
    form = _form(name, complaint, request.POST)
    if not form.is_valid():
        errors = [message for field in form.errors.values() for message in field]
        messages.error(request, " ".join(errors))
        return
    try:
        STEPS[name].run(complaint, request.user, form.cleaned_data)
    except DomainError as error:
        messages.error(request, error.message)
        return
    messages.success(request, str(STEPS[name].done))


def _photos(complaint: Complaint, url: Callable[[int], str]) -> list[dict]:
    """The citizen's photos, each with the address that serves it to this page's reader."""
    return [{"photo": photo, "url": url(photo.pk)} for photo in complaint_photos(complaint)]


def _photo_response(complaint: Complaint, photo_id: int) -> FileResponse:
    """One photo of a complaint the caller may read; another complaint's photo is a 404.
    It may show a person or a document: no cache anywhere keeps it, and the browser shows
    it only as the image it is."""
    photo = complaint_photo(complaint=complaint, photo_id=photo_id)
    if photo is None:
        raise Http404
    # common.images stores every photo as JPEG: the .jpg name gives it image/jpeg.
    response = FileResponse(
        photo.image.open("rb"), filename=f"{complaint.code}-foto-{photo.pk}.jpg"
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def masked_identity(complaint: Complaint) -> dict:
    """Enough for an officer to tell complainants apart in a list, nothing to use."""
    return {
        "name": f"{complaint.name[:1]}***" if complaint.name else "",
        "phone": mask(complaint.phone) if complaint.phone else "",
        "email": mask(complaint.email) if complaint.email else "",
    }


def _inbox(request, rows, *, template: str, context: dict):
    page = counted_page(rows, number=request.GET.get("halaman"), per_page=PER_PAGE)
    query = request.GET.copy()
    query.pop("halaman", None)
    return render(request, template, {**context, "page": page, "query": query.urlencode()})


# --- The mall's complaint officers -------------------------------------------------------


def _officer(request) -> None:
    if not is_complaint_officer(request.user):
        raise PermissionDenied(_("Halaman ini untuk petugas pengaduan MPP."))


def _officer_complaint(request, code: str) -> Complaint:
    _officer(request)
    complaint = officer_complaint(code)
    if complaint is None:
        raise Http404
    return complaint


@never_cache
@login_required
def officer_inbox(request):
    _officer(request)
    form = forms.InboxFilterForm(request.GET, officers=True)
    rows = officer_complaints(form.narrow(request.user))
    return _inbox(
        request, rows, template="complaints/staff/officer_inbox.html", context={"form": form}
    )


def _officer_page(request, complaint: Complaint, *, identity: bool = False):
    context = {
        "complaint": complaint,
        "history": complaint_history(complaint),
        "photos": _photos(
            complaint,
            lambda pk: reverse("complaints_staff:officer_photo", args=[complaint.code, pk]),
        ),
        "masked": masked_identity(complaint),
        "identity": identity,
        "steps": _steps(
            complaint,
            OFFICER_STEPS,
            lambda name: reverse("complaints_staff:officer_step", args=[complaint.code, name]),
        ),
        "outside_bodies": forms.OUTSIDE_BODIES,
    }
    return render(request, "complaints/staff/officer_detail.html", context)


@never_cache
@login_required
def officer_detail(request, code: str):
    return _officer_page(request, _officer_complaint(request, code))


@login_required
def officer_photo(request, code: str, photo_id: int):
    return _photo_response(_officer_complaint(request, code), photo_id)


@never_cache
@login_required
@require_POST
def officer_identity(request, code: str):
    """The confidential complainant's name and contact, on this response only, recorded."""
    complaint = _officer_complaint(request, code)
    try:
        complaint = complaints.complaint_identity_reveal(complaint=complaint, officer=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return _officer_page(request, complaint)
    return _officer_page(request, officer_complaint(code), identity=True)


@never_cache
@login_required
@require_POST
def officer_step(request, code: str, step: str):
    complaint = _officer_complaint(request, code)
    if step not in STEPS:
        raise Http404
    _perform(request, complaint, step)
    return redirect("complaints_staff:officer_detail", code=complaint.code)


@never_cache
@login_required
def officer_lapor(request, code: str):
    """Text to paste into lapor.go.id's form. GET: without the complainant; POST (a
    confidential complaint's identity asked for): with it, recorded as a reveal."""
    complaint = _officer_complaint(request, code)
    with_identity = (
        request.method == "POST" and complaint.identity == Complaint.Identity.CONFIDENTIAL
    )
    if with_identity:
        complaints.complaint_identity_reveal(complaint=complaint, officer=request.user)
    response = HttpResponse(
        lapor_text(complaint, with_identity=with_identity), content_type="text/plain; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="lapor-{complaint.code}.txt"'
    return response


# --- An agency's staff -------------------------------------------------------------------


def _agency_complaint(agency: Agency, code: str) -> Complaint:
    complaint = agency_complaint(agency=agency, code=code)
    if complaint is None:
        raise Http404
    return complaint


@never_cache
@login_required
@staff_view(active_agency, "agency", may=can_enter_agency)
def agency_inbox(request, agency: Agency):
    form = forms.InboxFilterForm(request.GET, officers=False)
    rows = agency_complaints(agency=agency, narrow=form.narrow(request.user))
    return _inbox(
        request,
        rows,
        template="complaints/staff/agency_inbox.html",
        context={"agency": agency, "form": form},
    )


@never_cache
@login_required
@staff_view(active_agency, "agency", may=can_enter_agency)
def agency_detail(request, agency: Agency, code: str):
    complaint = _agency_complaint(agency, code)
    steps = _steps(
        complaint,
        AGENCY_STEPS,
        lambda name: reverse(
            "complaints_staff:agency_step", args=[agency.slug, complaint.code, name]
        ),
    )
    for step in steps:
        if step["id"] == "teruskan":
            step["title"] = _("Bukan wewenang kami: teruskan ke instansi lain, dengan alasannya")
    context = {
        "agency": agency,
        "complaint": complaint,
        "history": complaint_history(complaint, agency=agency),
        "photos": _photos(
            complaint,
            lambda pk: reverse(
                "complaints_staff:agency_photo", args=[agency.slug, complaint.code, pk]
            ),
        ),
        "steps": steps,
    }
    return render(request, "complaints/staff/agency_detail.html", context)


@login_required
@staff_view(active_agency, "agency", may=can_enter_agency)
def agency_photo(request, agency: Agency, code: str, photo_id: int):
    return _photo_response(_agency_complaint(agency, code), photo_id)


@never_cache
@login_required
@require_POST
@staff_view(active_agency, "agency", may=can_enter_agency)
def agency_step(request, agency: Agency, code: str, step: str):
    complaint = _agency_complaint(agency, code)
    if step not in AGENCY_STEPS:
        raise Http404
    _perform(request, complaint, step)
    if step == "teruskan" and not agency_complaints(agency=agency).filter(pk=complaint.pk).exists():
        # Forwarded elsewhere: no longer this agency's to read.
        return redirect(reverse("complaints_staff:agency_inbox", args=[agency.slug]))
    return redirect("complaints_staff:agency_detail", agency=agency.slug, code=complaint.code)
