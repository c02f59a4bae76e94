"""At the counter: the visit being served ends with a case (diproses, berkas kurang,
ditolak), finished and opened together; a visit done on the spot is the console's own
"Selesai"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cases.forms import CounterOutcomeForm
from cases.selectors import serving_ticket
from cases.services import case_open_at_counter
from common.errors import DomainError
from counters.queue.models import Counter
from counters.queue.selectors.counters import counter_by_id
from services.tenancy import staff_view


@never_cache
@login_required
@staff_view(counter_by_id, "counter_id")
def counter_outcome(request, counter: Counter):
    ticket = serving_ticket(counter, request.POST.get("ticket") if request.POST else None)
    if ticket is None:
        messages.error(request, _("Loket ini tidak sedang melayani tiket tersebut."))
        return redirect("counters:console_counter", counter_id=counter.pk)
    form = CounterOutcomeForm(request.POST or None, service=ticket.service)
    if request.method == "POST" and form.is_valid():
        try:
            case = case_open_at_counter(
                ticket=ticket,
                operator=request.user,
                status=form.cleaned_data["status"],
                **form.citizen(),
                **form.outcome(),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect("cases_staff:receipt", agency=counter.agency.slug, code=case.code)
    return render(
        request,
        "cases/counter/outcome.html",
        {"counter": counter, "ticket": ticket, "form": form},
        status=422 if form.errors else 200,
    )
