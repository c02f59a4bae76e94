"""Every page answers `Vary: HX-Request`: an htmx request and a full page share one URL, and
without it a browser keeps the fragment it fetched as the page that Back shows."""

from django.utils.cache import patch_vary_headers


class HtmxVaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Also on pages that answer from the server's page cache, which keeps only the body.
        patch_vary_headers(response, ("HX-Request",))
        return response
