"""The SKM survey page of a finished ticket, for the visitor's phone or the counter tablet."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from common.errors import DomainError
from counters.queue.selectors.tickets import ticket_by_code
from counters.survey.forms import SurveyForm
from counters.survey.services import survey_submit


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
        data = form.cleaned_data
        try:
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
