"""The suggestion inboxes: an agency's (/instansi/<agency>/saran/) and the mall's
(/laporan/mpp/saran/), with the reply and the handling of one suggestion."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from common.errors import DomainError
from common.pagination import counted_page
from counters.survey.suggestions import forms
from counters.survey.suggestions.selectors import (
    agency_suggestion,
    agency_suggestions,
    mall_suggestions,
)
from counters.survey.suggestions.services import suggestion_handle, suggestion_reply
from services.models import Agency
from services.permissions import can_enter_agency, can_read_agency_reports, is_mall_admin
from services.selectors import active_agency
from services.tenancy import staff_view

PER_PAGE = 25
# Where a step posted from the mall's inbox returns to.
FROM_MALL = "mpp"


@dataclass(frozen=True)
class Step:
    form: type
    run: Callable
    done: str


STEPS = {
    "balas": Step(
        forms.ReplyForm,
        lambda s, user, d: suggestion_reply(suggestion=s, actor=user, text=d["teks"]),
        gettext_lazy("Balasan terkirim ke pengirim saran."),
    ),
    "tangani": Step(
        forms.HandleForm,
        lambda s, user, d: suggestion_handle(suggestion=s, actor=user, note=d["catatan"]),
        gettext_lazy("Saran ditandai sudah ditangani."),
    ),
}


def _may_read(request, agency: Agency) -> None:
    if not can_read_agency_reports(request.user, agency):
        raise PermissionDenied(_("Saran masyarakat dibaca oleh admin instansi."))


def _inbox(request, rows, *, template: str, context: dict):
    page = counted_page(rows, number=request.GET.get("halaman"), per_page=PER_PAGE)
    query = request.GET.copy()
    query.pop("halaman", None)
    for suggestion in page:
        # Each row's forms have ids of their own: the page holds many of them.
        suggestion.reply_form = forms.ReplyForm(auto_id=f"balas-{suggestion.pk}-%s")
        suggestion.handle_form = forms.HandleForm(auto_id=f"tangani-{suggestion.pk}-%s")
    return render(request, template, {**context, "page": page, "query": query.urlencode()})


@never_cache
@login_required
@staff_view(active_agency, "agency", may=can_enter_agency)
def agency_inbox(request, agency: Agency):
    _may_read(request, agency)
    form = forms.InboxFilterForm(request.GET, mall=False)
    rows = agency_suggestions(agency=agency, **form.narrow())
    context = {"agency": agency, "form": form, "back": ""}
    return _inbox(
        request, rows, template="counters/survey/suggestions/agency.html", context=context
    )


@never_cache
@login_required
def mall_inbox(request):
    if not is_mall_admin(request.user):
        raise PermissionDenied
    form = forms.InboxFilterForm(request.GET, mall=True)
    rows = mall_suggestions(**form.narrow())
    context = {"form": form, "back": FROM_MALL}
    return _inbox(request, rows, template="counters/survey/suggestions/mall.html", context=context)


@never_cache
@login_required
@require_POST
@staff_view(active_agency, "agency", may=can_enter_agency)
def agency_step(request, agency: Agency, suggestion_id: int, step: str):
    """One step on one suggestion, then back to the inbox it was taken from, with a
    message saying what happened or why nothing changed."""
    _may_read(request, agency)
    suggestion = agency_suggestion(agency=agency, suggestion_id=suggestion_id)
    if suggestion is None or step not in STEPS:
        raise Http404
    form = STEPS[step].form(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    else:
        try:
            STEPS[step].run(suggestion, request.user, form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, str(STEPS[step].done))
    if request.POST.get("kembali") == FROM_MALL and is_mall_admin(request.user):
        return redirect("counters:mall_suggestions")
    return redirect("counters:suggestion_inbox", agency=agency.slug)
