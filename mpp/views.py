"""Home page, health check and the public transparency page."""

import posixpath
from datetime import date, timedelta

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.static import serve

from cases.reports.selectors import Period, case_figures_by_agency, case_figures_by_service
from common import clock
from complaints.models import PHOTO_FOLDER
from complaints.transparency import complaints_section
from counters.reports.selectors import mall_overview
from counters.reports.views import minutes
from services import selectors


def home(request):
    return render(
        request,
        "mpp/home.html",
        {"agencies": selectors.public_agencies(), "locations": selectors.public_locations()},
    )


def last_month(today: date) -> Period:
    end = today.replace(day=1) - timedelta(days=1)
    return Period(start=end.replace(day=1), end=end)


def transparency(request):
    """Last month's figures of every agency: queue, SKM and the published processing time
    kept; the complaints of the last months. Composed here, where the apps meet: counters
    reads neither cases nor complaints."""
    period, now = last_month(clock.today()), clock.now()
    on_time = {
        row["agency"].id: row["on_time_rate"]
        for row in case_figures_by_agency(period=period, now=now)
    }
    rows = [
        {
            "agency": row["agency"],
            "issued": row["figures"].get("issued", 0),
            "wait_median": minutes(row["figures"].get("wait_median")),
            "ikm": row["ikm"],
            "on_time_rate": on_time.get(row["agency"].id),
        }
        for row in mall_overview(start=period.start, end=period.end)
    ]
    services = [row for row in case_figures_by_service(period=period, now=now) if row["measured"]]
    context = {
        "rows": rows,
        "services": services,
        "start": period.start,
        "end": period.end,
        "complaints": complaints_section(today=clock.today()),
    }
    return render(request, "mpp/transparency.html", context)


def switch_language(request, code: str):
    """A plain link (no form, no token) so that public pages stay cacheable."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "/")
    # Only a path on this site: a bare word would be read as a URL name or a relative path.
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def favicon(request):
    return redirect(static("img/favicon.svg"), permanent=True)


@never_cache
def healthz(request):
    """For the load balancer: 200 when this node can reach the database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 — any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def media_file(request, path: str):
    """An upload, while developing; a name no file system can hold (too long) is a 404
    like any other missing file, not a server error. Complaint photos are never public
    media: the complaint staff pages serve them to those who may read the complaint."""
    # Normalised as serve() normalises it, so that "x/../pengaduan/…" is refused as well.
    if posixpath.normpath(path).lstrip("/").startswith(PHOTO_FOLDER):
        raise Http404
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError:
        raise Http404 from None
