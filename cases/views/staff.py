"""The agency's back office of cases at /instansi/<agency>/berkas/: lists with filters and
bulk changes, one case with its full audit trail and the forms that change it, opening a
case without a counter visit, and the printable receipt."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cases import selectors, services
from cases.documents import case_tracking_url
from cases.forms import (
    AssignForm,
    BulkStatusForm,
    CaseFilterForm,
    DetailsForm,
    NoteForm,
    OpenCaseForm,
    StatusForm,
    TransferForm,
)
from cases.models import Case, CaseEvent
from common.errors import DomainError
from common.pagination import counted_page
from services.models import Agency
from services.permissions import can_enter_agency
from services.selectors import active_agency
from services.tenancy import staff_view

PER_PAGE = 25

# Members of the agency (operators and admins) and the mall's admins work its cases.
office_view = staff_view(active_agency, "agency", may=can_enter_agency)


def _case(code: str) -> Case:
    case = selectors.case_by_code(code)
    if case is None:
        raise Http404
    return case


@never_cache
@login_required
@office_view
def case_list(request, agency: Agency):
    form = CaseFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    cases = selectors.agency_cases(
        status=filters.get("status", ""),
        view=filters.get("lihat", ""),
        query=filters.get("q", ""),
        user=request.user,
    )
    page = counted_page(cases, number=request.GET.get("halaman"), per_page=PER_PAGE)
    query = request.GET.copy()
    query.pop("halaman", None)
    return render(
        request,
        "cases/staff/list.html",
        {
            "agency": agency,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "bulk": BulkStatusForm(codes=()),
            "this_page": request.get_full_path(),
        },
    )


def _back_to_list(request, agency: Agency):
    # Back to the list as it was filtered: only ever a page of this list.
    target = request.POST.get("kembali", "")
    if target.startswith(reverse("cases_staff:list", args=[agency.slug]) + "?"):
        return redirect(target)
    return redirect("cases_staff:list", agency=agency.slug)


@login_required
@require_POST
@office_view
def case_bulk_status(request, agency: Agency):
    """One change for the selected cases, each through case_change_status on its own."""
    # Codes of other agencies' cases are not in the scope: as if not selected.
    data = request.POST.copy()
    sent = data.getlist("massal-cases")
    codes = list(Case.objects.filter(code__in=sent).values_list("code", flat=True))
    data.setlist("massal-cases", codes)
    form = BulkStatusForm(data, codes=codes)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return _back_to_list(request, agency)
    chosen = Case.objects.filter(code__in=form.cleaned_data["cases"]).order_by("code")
    changed, refused = services.case_change_status_many(
        cases=list(chosen),
        status=form.cleaned_data["status"],
        actor=request.user,
        note=form.cleaned_data["note"],
    )
    if changed:
        messages.success(
            request,
            _("Berubah menjadi %(status)s: %(codes)s.")
            % {
                "status": Case.Status(form.cleaned_data["status"]).label,
                "codes": ", ".join(case.code for case in changed),
            },
        )
    for case, reason in refused:
        messages.error(
            request, _("%(code)s tidak diubah: %(reason)s") % {"code": case.code, "reason": reason}
        )
    return _back_to_list(request, agency)


def _detail(request, agency: Agency, case: Case, *, bound: dict | None = None, status=200):
    """The case page; `bound` holds the one form just sent back with its errors."""
    locations = selectors.agency_locations(agency)
    forms = {
        "status_form": StatusForm(case=case, locations=locations) if not case.is_closed else None,
        "assign_form": AssignForm(
            initial={"assignee": case.assignee_id}, staff=selectors.agency_staff(agency)
        ),
        "note_form": NoteForm(),
        "details_form": DetailsForm(
            initial={"holder_unit": case.holder_unit, "reference": case.reference}
        ),
        "transfer_form": TransferForm(services=selectors.transfer_services(case))
        if not case.is_closed
        else None,
    }
    forms.update(bound or {})
    context = {
        "agency": agency,
        "case": case,
        "events": selectors.case_timeline(case),
        "missing": selectors.missing_requirements(case),
        "public": CaseEvent.PUBLIC,
        **forms,
    }
    return render(request, "cases/staff/detail.html", context, status=status)


@never_cache
@login_required
@office_view
def case_detail(request, agency: Agency, code: str):
    return _detail(request, agency, _case(code))


def _change_status(request, agency, case):
    form = StatusForm(request.POST, case=case, locations=selectors.agency_locations(agency))
    if form.is_valid():
        services.case_change_status(
            case=case,
            status=form.cleaned_data["status"],
            source=CaseEvent.Source.STAFF,
            actor=request.user,
            note=form.cleaned_data["note"],
            pickup_location=form.cleaned_data["pickup_location"],
            pickup_note=form.cleaned_data["pickup_note"],
            **form.outcome(),
        )
    return "status_form", form, _("Status berkas diubah.")


def _assign(request, agency, case):
    form = AssignForm(request.POST, staff=selectors.agency_staff(agency))
    if form.is_valid():
        services.case_assign(case=case, assignee=form.cleaned_data["assignee"], actor=request.user)
    return "assign_form", form, _("Petugas berkas diubah.")


def _note(request, agency, case):
    form = NoteForm(request.POST)
    if form.is_valid():
        services.case_add_note(case=case, actor=request.user, note=form.cleaned_data["note"])
    return "note_form", form, _("Catatan ditambahkan.")


def _details(request, agency, case):
    form = DetailsForm(request.POST)
    if form.is_valid():
        services.case_set_details(case=case, actor=request.user, **form.cleaned_data)
    return "details_form", form, _("Rincian berkas disimpan.")


def _transfer(request, agency, case):
    form = TransferForm(request.POST, services=selectors.transfer_services(case))
    if form.is_valid():
        services.case_transfer(
            case=case,
            service=form.cleaned_data["service"],
            actor=request.user,
            note=form.cleaned_data["note"],
        )
    return "transfer_form", form, _("Berkas dialihkan ke instansi lain.")


ACTIONS = {
    "status": _change_status,
    "tugaskan": _assign,
    "catatan": _note,
    "rincian": _details,
    "alihkan": _transfer,
}


@login_required
@require_POST
@office_view
def case_action(request, agency: Agency, code: str, action: str):
    if action not in ACTIONS:
        raise Http404
    case = _case(code)
    try:
        name, form, done = ACTIONS[action](request, agency, case)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("cases_staff:detail", agency=agency.slug, code=case.code)
    if not form.is_valid():
        return _detail(request, agency, case, bound={name: form}, status=422)
    messages.success(request, done)
    if action == "alihkan":
        # The case is another agency's now: this agency no longer sees it.
        return redirect("cases_staff:list", agency=agency.slug)
    return redirect("cases_staff:detail", agency=agency.slug, code=case.code)


@never_cache
@login_required
@office_view
def case_open(request, agency: Agency):
    """Two steps: the service (its persyaratan and legal bases shape the form), then the
    case."""
    service = selectors.agency_services(agency).filter(slug=request.GET.get("layanan", "")).first()
    if service is None:
        return render(
            request,
            "cases/staff/open.html",
            {"agency": agency, "services": selectors.agency_services(agency)},
        )
    form = OpenCaseForm(request.POST or None, service=service)
    if request.method == "POST" and form.is_valid():
        booking = None
        code = form.cleaned_data["booking"]
        if code:
            booking = selectors.booking_by_code(code)
            if booking is None:
                form.add_error("booking", _("Reservasi ini tidak ditemukan di instansi ini."))
        if form.is_valid():
            try:
                case = services.case_open_by_staff(
                    service=service,
                    actor=request.user,
                    booking=booking,
                    status=form.cleaned_data["status"],
                    reference=form.cleaned_data["reference"],
                    note=form.cleaned_data["note"],
                    **form.citizen(),
                    **form.outcome(),
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                return redirect("cases_staff:receipt", agency=agency.slug, code=case.code)
    return render(
        request,
        "cases/staff/open.html",
        {"agency": agency, "service": service, "form": form},
        status=422 if form.errors else 200,
    )


@never_cache
@login_required
@office_view
def case_receipt(request, agency: Agency, code: str):
    """The tanda terima berkas the citizen takes home: the code, its QR to the public
    tracking page, the due date and what is missing."""
    case = _case(code)
    return render(
        request,
        "cases/staff/receipt.html",
        {
            "agency": agency,
            "case": case,
            "link": case_tracking_url(case),
            "tracking_url": settings.PUBLIC_BASE_URL + reverse("cases:lookup"),
            "missing": selectors.missing_requirements(case),
        },
    )
