"""Home page, health check and the public transparency page."""

import csv
import posixpath
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import formats
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.static import serve

from common import clock
from complaints.models import PHOTO_FOLDER
from counters.reports import charts
from mpp.transparency import (
    PeriodForm,
    Transparency,
    transparency_figures,
    transparency_json,
    transparency_tables,
)
from services import selectors


def home(request):
    return render(
        request,
        "mpp/home.html",
        {"agencies": selectors.public_agencies(), "locations": selectors.public_locations()},
    )


def _transparency_request(request) -> tuple[PeriodForm, Transparency]:
    today = clock.today()
    form = PeriodForm(request.GET if "periode" in request.GET else None, today=today)
    data = transparency_figures(period=form.chosen(), today=today, now=clock.now())
    # Without a choice the picker shows the period the figures are of.
    form.initial = {"periode": data.period.key}
    return form, data


def _shown(value) -> str:
    return "–" if value is None else formats.localize(value)


def _trend_charts(points: list[dict]) -> list[dict]:
    """The three twelve-month charts of one agency: visits, median wait and IKM."""
    charts_shown = []
    for key, title, ceiling in (
        ("issued", _("Jumlah antrian per bulan"), 0),
        ("wait_median", _("Median waktu tunggu per bulan (menit)"), 0),
        ("ikm", _("IKM per bulan (skala 25–100)"), 100),
    ):
        rows = [
            (
                formats.date_format(point["month"], "M"),
                f"{formats.date_format(point['month'], 'F Y')}: {_shown(point[key])}",
                point[key],
                _shown(point[key]),
            )
            for point in points
        ]
        charts_shown.append({"title": title, "chart": charts.columns(rows, ceiling=ceiling)})
    return charts_shown


def transparency(request):
    """Every agency's figures over the chosen month, quarter or year, beside its last
    twelve months; the same figures as CSV and JSON below."""
    form, data = _transparency_request(request)
    for row in data.rows:
        row["charts"] = _trend_charts(row["trend"])
    context = {
        "form": form,
        "data": data,
        "query": urlencode({"periode": data.period.key}),
    }
    return render(request, "mpp/transparency.html", context)


def _invalid_period(form: PeriodForm) -> str | None:
    return next(iter(form.errors.get("periode", [])), None)


def transparency_csv(request, table: str):
    form, data = _transparency_request(request)
    if (error := _invalid_period(form)) is not None:
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    tables = transparency_tables(data)
    if table not in tables:
        raise Http404
    header, rows = tables[table]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"transparansi-{table}-{data.period.key}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


def transparency_data_json(request):
    form, data = _transparency_request(request)
    if (error := _invalid_period(form)) is not None:
        return JsonResponse({"detail": error, "code": "invalid_period"}, status=400)
    return JsonResponse(transparency_json(data), json_dumps_params={"ensure_ascii": False})


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
