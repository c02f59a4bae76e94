"""Home page and health check."""

from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache

from services import selectors


def home(request):
    return render(
        request,
        "mpp/home.html",
        {"agencies": selectors.public_agencies(), "locations": selectors.public_locations()},
    )


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
