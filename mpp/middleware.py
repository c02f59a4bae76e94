"""Request handling shared by every view: the client's address behind the load balancer
(for every limit and log), the visitor's language, input no view can store, and a clear
answer while the database is out of reach."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse, QueryDict
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def refusal(
    request, *, status: int, code: str, message: str, site_context: bool = True
) -> HttpResponse:
    """A refusal in the API's error format under /api/, as a page in the site elsewhere
    (without the context processors when they cannot run: they read the database)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message, "code": code}, status=status)
    context = {"message": message, "status": status}
    if site_context:
        return render(request, "refused.html", context, status=status)
    return HttpResponse(render_to_string("refused.html", context), status=status)


class ClientAddressMiddleware:
    """With PROXY_COUNT trusted proxies in front (load balancer, TLS terminator), the
    client is the address they appended to X-Forwarded-For, counted from the right;
    anything further left was written by the client and is not trusted."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.proxies = settings.PROXY_COUNT

    def __call__(self, request):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if self.proxies and forwarded:
            hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
            if len(hops) >= self.proxies:
                request.META["REMOTE_ADDR"] = hops[-self.proxies]
        return self.get_response(request)


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Indonesian unless the visitor chose English with the language link (a cookie). The
    browser's Accept-Language is not followed: many phones in Indonesia are set to English,
    and the portal speaks Indonesian first."""

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        translation.activate(
            chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        )
        request.LANGUAGE_CODE = translation.get_language()


def _without_nul(data: QueryDict) -> QueryDict:
    if not any("\x00" in text for key, values in data.lists() for text in (key, *values)):
        return data
    cleaned = QueryDict(mutable=True)
    for key, values in data.lists():
        cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    cleaned._mutable = False
    return cleaned


class NulCharactersMiddleware:
    """PostgreSQL cannot store a NUL character in text, and no keyboard types one: it is
    taken out of query strings and form fields, so that a search or a form behaves as
    without it, and a JSON body carrying one is refused with a 400 before any view sees it.
    (Uploaded files are binary and are left to the forms that read them.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = _without_nul(request.GET)
        if request.content_type == "application/x-www-form-urlencoded":
            request.POST = _without_nul(request.POST)
        elif request.content_type == "application/json" and self._json_carries_nul(request):
            return refusal(
                request,
                status=400,
                code="bad_request",
                message=_("Permintaan berisi karakter yang tidak diizinkan."),
            )
        return self.get_response(request)

    @staticmethod
    def _json_carries_nul(request) -> bool:
        body = request.body
        return b"\x00" in body or b"\\u0000" in body.lower()


class DatabaseUnavailableMiddleware:
    """While the database is out of reach (restarting, failing over) a view's query fails:
    the visitor is told to try again in a moment (503) instead of seeing a server error;
    the load balancer's /healthz already says the same."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("Database unavailable for %s: %s", request.path, exception)
        response = refusal(
            request,
            status=503,
            code="unavailable",
            message=_("Sistem sedang sibuk atau dalam pemeliharaan. Silakan coba lagi sebentar."),
            site_context=False,
        )
        response["Retry-After"] = "10"
        return response
