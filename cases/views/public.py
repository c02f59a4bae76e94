"""The citizen's case tracking pages: the lookup with the code and the NIK's last four
digits, the case page (status, timeline, due date, what is missing, where to pick up) and
its messages. Personal pages: never cached for others."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from cases.forms import CaseDigitsForm, CaseLookupForm, CaseMessagesForm
from cases.messages import case_messages_allowed
from cases.models import Case
from cases.selectors import case_for_citizen, case_lookup, case_pickup_booking_path
from cases.services import case_messages_allow, case_messages_stop
from common.errors import DomainError
from common.proven import remember_proven, was_proven
from common.validators import mask_phone
from counters.booking.selectors import normalize_code

# The cases whose NIK digits this browser's visitor proved (common.proven).
PROVEN = "case_access"


def _grant(request, case: Case) -> None:
    remember_proven(request, PROVEN, case.pk)


def _proven_case(request, code: str) -> Case | None:
    if not request.session.get(PROVEN):
        return None
    case = case_for_citizen(code)
    return case if case is not None and was_proven(request, PROVEN, case.pk) else None


def _proven_by(form, code: str) -> tuple[Case | None, int]:
    """The case of `code` when the digits sent in `form` are its NIK's, else None and
    the status of the page that shows the form again with the error."""
    if not form.is_valid():
        return None, 422
    try:
        return case_lookup(code=code, nik_last4=form.cleaned_data["nik_last4"]), 200
    except DomainError as error:
        form.add_error(None, error.message)
        return None, error.status


@never_cache
@require_http_methods(["GET", "POST"])
def lookup(request):
    form = CaseLookupForm(request.POST if request.method == "POST" else None)
    case, status = _proven_by(form, form.data.get("code", "")) if form.is_bound else (None, 200)
    if case is not None:
        _grant(request, case)
        return redirect("cases:track", code=case.code)
    return render(request, "cases/lookup.html", {"form": form}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def track(request, code: str):
    """What the slip's QR opens: the case once this visitor proved its NIK digits, else
    the question for them (the same page whether or not the code exists)."""
    canonical = normalize_code(code)
    if canonical != code:
        return redirect("cases:track", code=canonical)
    case = _proven_case(request, code)
    if case is not None:
        return _case_page(request, case)
    form = CaseDigitsForm(request.POST if request.method == "POST" else None)
    case, status = _proven_by(form, code) if form.is_bound else (None, 200)
    if case is not None:
        _grant(request, case)
        return redirect("cases:track", code=case.code)
    return render(request, "cases/verify.html", {"code": code, "form": form}, status=status)


def _case_page(request, case: Case, *, form=None, status: int = 200):
    allowed = case_messages_allowed(case)
    context = {
        "case": case,
        "pickup_booking": case_pickup_booking_path(case),
        "messages_allowed": allowed,
        "masked_phone": mask_phone(case.phone) if allowed else "",
        "messages_form": form or CaseMessagesForm(),
    }
    return render(request, "cases/case.html", context, status=status)


@never_cache
@require_POST
def message_settings(request, code: str):
    """Leave a number for messages about the case, or stop them; only for a visitor who
    proved the case's NIK digits."""
    case = _proven_case(request, code)
    if case is None:
        raise Http404
    if "berhenti" in request.POST:
        case_messages_stop(case=case)
        messages.success(request, _("Pemberitahuan tentang berkas ini dihentikan."))
        return redirect("cases:track", code=case.code)
    form = CaseMessagesForm(request.POST)
    if form.is_valid():
        try:
            case_messages_allow(
                case=case,
                phone=form.cleaned_data["phone"],
                channels=form.cleaned_data["notify"],
                language=get_language(),
            )
        except DomainError as error:
            messages.error(request, error.message)
            return _case_page(request, case, form=form, status=error.status)
        messages.success(request, _("Anda akan diberi tahu setiap kali status berkas berubah."))
        return redirect("cases:track", code=case.code)
    return _case_page(request, case, form=form, status=422)
