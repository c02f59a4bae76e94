"""Home page and health check."""

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.static import serve

from services import selectors


def home(request):
    return render(
        request,
        "mpp/home.html",
        {"agencies": selectors.public_agencies(), "locations": selectors.public_locations()},
    )


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
    like any other missing file, not a server error."""
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError:
        raise Http404 from None
