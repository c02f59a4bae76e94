"""The SKM survey pages: a finished ticket's survey on the visitor's phone, and the exit
station, a tablet at the hall's exit where visitors scan their slip and answer it."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from common.errors import DomainError
from common.headers import allow_own_feature
from counters.queue.kiosk import from_kiosk_network, may_issue_tickets
from counters.queue.selectors.tickets import ticket_by_code
from counters.survey.forms import StationEntryForm, SurveyForm
from counters.survey.selectors import station_ticket
from counters.survey.services import survey_submit
from services.models import Location

# The thank-you screen goes back to the start after this long, for the next visitor.
STATION_RETURN_SECONDS = 8


def _submit(form: SurveyForm, ticket) -> None:
    data = form.cleaned_data
    survey_submit(
        ticket=ticket,
        answers=form.answers(),
        age=data["age"],
        sex=data["sex"],
        education=data["education"],
        occupation=data["occupation"],
        suggestion=data["suggestion"],
        language=get_language(),
        **form.contact(),
    )


@never_cache
def survey(request, code: str):
    ticket = ticket_by_code(code)
    if ticket is None:
        raise Http404
    already = hasattr(ticket, "survey")
    form = SurveyForm(request.POST or None)
    error = ""
    status = 200
    if request.method == "POST" and not already and ticket.status == "done" and form.is_valid():
        try:
            _submit(form, ticket)
        except DomainError as refused:
            error, status = refused.message, refused.status
        else:
            return redirect("counters:survey", code=ticket.code)
    # The agency's answer to the visitor's suggestion, which its message links here.
    record = getattr(ticket.survey, "suggestion_record", None) if already else None
    context = {
        "ticket": ticket,
        "form": form,
        "already": already,
        "error": error,
        "reply": record.reply if record else "",
    }
    return render(request, "counters/survey/form.html", context, status=status)


def _station(request, location: str) -> tuple[Location, dict]:
    place = get_object_or_404(Location, slug=location, is_active=True)
    context = {"location": place, "can_issue": True, "kiosk_mode": from_kiosk_network(request)}
    return place, context


def _refused(request, context: dict):
    """The station runs where the kiosk may issue tickets: on the mall's kiosk network or
    for signed-in staff; a survey taken anywhere else could not be told from ballot
    stuffing by number guessing."""
    context["error"] = _("Survei di stasiun keluar hanya dapat diisi pada tablet di MPP.")
    return render(request, "counters/survey/station/refused.html", context, status=403)


@never_cache
@allow_own_feature("camera")
@require_http_methods(["GET", "POST"])
def station_start(request, location: str):
    """Scan the slip (the camera, where the browser can read QR codes) or type its number."""
    place, context = _station(request, location)
    if not may_issue_tickets(request):
        return _refused(request, context)
    form = StationEntryForm(request.POST or None)
    context["form"] = form
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                ticket = station_ticket(location=place, entry=form.cleaned_data["entry"])
            except DomainError as error:
                context["error"], status = error.message, error.status
            else:
                return redirect("counters:station_survey", location=place.slug, code=ticket.code)
    return render(request, "counters/survey/station/start.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def station_survey(request, location: str, code: str):
    """The nine questions and the respondent's profile for the ticket found at the start."""
    place, context = _station(request, location)
    if not may_issue_tickets(request):
        return _refused(request, context)
    try:
        ticket = station_ticket(location=place, entry=code)
    except DomainError as error:
        context.update(form=StationEntryForm(), error=error.message)
        return render(request, "counters/survey/station/start.html", context, status=error.status)
    form = SurveyForm(request.POST or None)
    context.update(ticket=ticket, form=form)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                _submit(form, ticket)
            except DomainError as error:
                context["error"], status = error.message, error.status
            else:
                return redirect("counters:station_thanks", location=place.slug)
    return render(request, "counters/survey/station/survey.html", context, status=status)


def station_thanks(request, location: str):
    place, context = _station(request, location)
    context["return_seconds"] = STATION_RETURN_SECONDS
    return render(request, "counters/survey/station/thanks.html", context)
