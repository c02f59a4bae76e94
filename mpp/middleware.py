"""Request handling shared by every view: the client's address behind the load balancer
(for every limit and log), the visitor's language, input no view can store, and a clear
answer while the database is out of reach."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
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


FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
RAW_BODY_PATHS = ("/api/", "/webhooks/")


def _any_nul(texts) -> bool:
    return any("\x00" in text for text in texts)


class NulCharactersMiddleware:
    """PostgreSQL cannot store or compare a NUL character in text, and no keyboard types
    one: a request carrying one anywhere a view could read text from (path, query, cookies,
    headers, form fields, any other body, JSON escapes included) is refused with a 400
    before anything reads the session or the database. Uploaded files' contents are
    binary and stay the business of the forms that read them. A multipart body that cannot
    be parsed is refused the same way, here rather than in whichever view reads it first.
    Placed before the session and language middleware: the refusal is the Indonesian page,
    rendered without the site's context (which would read the session)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            refused = self._carries_nul(request)
            message = _("Permintaan berisi karakter yang tidak diizinkan.")
        except MultiPartParserError:
            refused, message = True, _("Isi permintaan tidak dapat dibaca.")
        if refused:
            return refusal(
                request, status=400, code="bad_request", message=message, site_context=False
            )
        return self.get_response(request)

    @staticmethod
    def _carries_nul(request) -> bool:
        headers = [
            value
            for key, value in request.META.items()
            if isinstance(value, str) and (key.startswith("HTTP_") or key == "CONTENT_TYPE")
        ]
        if _any_nul([request.path, *headers]):
            return True
        if _any_nul(text for pair in request.COOKIES.items() for text in pair):
            return True
        if _any_nul(text for key, values in request.GET.lists() for text in (key, *values)):
            return True
        if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
            return False
        # Pages read forms through Django's parsers and leave the raw body alone; the API
        # and the providers' webhooks (which sign the raw body) read the raw body, whatever
        # the content type says.
        if not request.path.startswith(RAW_BODY_PATHS) and request.content_type in FORM_TYPES:
            fields = [text for key, values in request.POST.lists() for text in (key, *values)]
            names = [
                text
                for key, files in request.FILES.lists()
                for text in (key, *(file.name or "" for file in files))
            ]
            return _any_nul([*fields, *names])
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
