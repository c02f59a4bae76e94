"""Request set-up shared by every view: the client's address behind the load balancer
(for every limit and log) and the visitor's language."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


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
