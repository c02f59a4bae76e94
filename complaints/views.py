"""Public complaint pages: the intake form and its receipt, following a complaint with its
number and secret, the citizen's additions and rating, and the hall's QR poster."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from common.errors import DomainError
from common.proven import remember_proven, was_proven
from common.qr import qr_svg_inline
from complaints.errors import ComplaintLookupLimited
from complaints.forms import CodeForm, ComplaintForm, InformationForm, RatingForm, SecretForm
from complaints.limits import complaint_unlock
from complaints.models import Complaint
from complaints.selectors import public as selectors
from complaints.services import complaint_add_information, complaint_rate, complaint_submit

# The complaints this browser's owner proved (or filed); the secret of a new complaint
# waits here only until its receipt is shown, once.
PROVEN = "complaint_access"
RECEIPT_KEY = "complaint_receipt"


def _grant(request, code: str) -> None:
    remember_proven(request, PROVEN, code)


def _granted(request, code: str) -> Complaint | None:
    if not was_proven(request, PROVEN, code):
        return None
    return selectors.complaint_by_code(code)


def _require(request, code: str) -> Complaint:
    complaint = _granted(request, code)
    if complaint is None:
        raise Http404(_("Pengaduan tidak ditemukan."))
    return complaint


@never_cache
def intake(request):
    # "Follow a complaint" on the same page: its number (not personal data) may be a GET.
    lookup = CodeForm(request.GET) if "nomor" in request.GET else CodeForm()
    if lookup.is_bound and lookup.is_valid():
        return redirect("complaints:track", code=lookup.cleaned_data["nomor"])
    prefill = selectors.intake_prefill(request.GET)
    form = ComplaintForm(
        request.POST or None,
        request.FILES or None,
        initial={
            "agency": prefill.agency,
            "service": prefill.service.reference if prefill.service else "",
            "location": prefill.location,
        },
        # Signed-in citizens are limited per account (mpp.throttle) instead.
        challenge=not request.user.is_authenticated,
    )
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                complaint, secret = complaint_submit(
                    **form.submission(), origin=prefill.origin, language=get_language()
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                _grant(request, complaint.code)
                request.session[RECEIPT_KEY] = {"code": complaint.code, "secret": secret}
                return redirect("complaints:receipt", code=complaint.code)
    context = {"form": form, "prefill": prefill, "lookup": lookup}
    return render(request, "complaints/intake.html", context, status=status)


@never_cache
def receipt(request, code: str):
    """The number and the secret, shown once: a reload shows the complaint instead."""
    kept = request.session.get(RECEIPT_KEY) or {}
    complaint = _granted(request, code)
    if complaint is None or kept.get("code") != code:
        return redirect("complaints:track", code=code)
    del request.session[RECEIPT_KEY]
    return render(
        request, "complaints/receipt.html", {"complaint": complaint, "secret": kept["secret"]}
    )


def _detail(request, complaint: Complaint, *, status: int = 200, **forms):
    events = selectors.complaint_public_events(complaint)
    context = {
        "complaint": complaint,
        "events": events,
        "progress": selectors.complaint_progress(complaint, events),
        "answer": selectors.complaint_answer(complaint, events),
        "photo_count": complaint.photos.count(),
        "information_form": forms.get("information_form") or InformationForm(),
        "may_add": complaint.stage != Complaint.Stage.ARCHIVED,
        "rating_form": forms.get("rating_form") or RatingForm(),
        "may_rate": complaint.stage == Complaint.Stage.RESOLVED and complaint.satisfied is None,
    }
    return render(request, "complaints/detail.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def track(request, code: str):
    """A complaint's page: its secret asked first (POST, never in a URL), the same answer
    for a wrong number as for a wrong secret."""
    complaint = _granted(request, code)
    if complaint is not None:
        return _detail(request, complaint) if request.method == "GET" else redirect(request.path)
    form = SecretForm(request.POST or None)
    status, error = 200, ""
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                found = complaint_unlock(
                    code=code,
                    secret=form.cleaned_data["secret"],
                    address=request.META.get("REMOTE_ADDR", ""),
                )
            except ComplaintLookupLimited as refusal:
                status, error = refusal.status, refusal.message
            else:
                if found is not None:
                    _grant(request, found.code)
                    return redirect("complaints:track", code=found.code)
                status, error = 404, _("Nomor pengaduan atau kode rahasia tidak cocok.")
    context = {"code": code, "form": form, "error": error}
    return render(request, "complaints/verify.html", context, status=status)


@require_POST
def add_information(request, code: str):
    complaint = _require(request, code)
    form = InformationForm(request.POST)
    if not form.is_valid():
        return _detail(request, complaint, status=422, information_form=form)
    try:
        complaint_add_information(complaint=complaint, text=form.cleaned_data["text"])
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Tambahan informasi Anda sudah kami terima."))
    return redirect("complaints:track", code=code)


@require_POST
def rate(request, code: str):
    complaint = _require(request, code)
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _detail(request, complaint, status=422, rating_form=form)
    try:
        rated = complaint_rate(
            complaint=complaint,
            satisfied=form.cleaned_data["satisfied"],
            comment=form.cleaned_data["comment"],
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if rated.stage == Complaint.Stage.IN_PROGRESS:
            messages.success(
                request, _("Pengaduan Anda dibuka kembali dan akan ditindaklanjuti lagi.")
            )
        else:
            messages.success(request, _("Terima kasih atas penilaian Anda."))
    return redirect("complaints:track", code=code)


def poster(request):
    """A page to print and hang in the hall: a big QR code of the complaint form."""
    url = settings.PUBLIC_BASE_URL + reverse("complaints:intake")
    # The QR code is drawn by segno from our own URL: no visitor's text in it.
    qr = mark_safe(qr_svg_inline(url, scale=10, title=_("Kode QR formulir pengaduan")))  # noqa: S308
    return render(request, "complaints/poster.html", {"url": url, "qr": qr})
