"""Resolves request.agency once per request and activates the matching data scope."""

import re
from functools import lru_cache

from django.http import Http404
from django.urls import path, reverse
from django_scopes import scopes_disabled

from services.models import Agency
from services.tenancy import agency_scope

AGENCY_ADMIN_PATH = re.compile(r"^/instansi/(?P<slug>[-a-zA-Z0-9_]+)/admin(?:/|$)")


class AgencyUrlconf:
    """The root URLs plus one agency's admin site under its own prefix, so that the admin's
    own reverse() calls need no agency argument."""

    def __init__(self, slug: str):
        from mpp import urls
        from mpp.agency_site import agency_admin_site

        self.urlpatterns = [
            path(f"instansi/{slug}/admin/", agency_admin_site.urls),
            *urls.urlpatterns,
        ]


@lru_cache(maxsize=1024)
def agency_urlconf(slug: str) -> AgencyUrlconf:
    return AgencyUrlconf(slug)


def agency_admin_reverse(agency_slug: str, viewname: str = "agency_admin:index", **kwargs) -> str:
    """reverse() for a URL of one agency's admin site, from anywhere."""
    return reverse(viewname, urlconf=agency_urlconf(agency_slug), **kwargs)


class TenancyMiddleware:
    """Agency admin sites run inside their agency's scope (services.tenancy.agency_scope):
    every scoped model sees that agency only, and a guessed id of another agency's row is a
    404. The mall admin sees all. Every other staff view enters its agency through
    services.tenancy.staff_view or staff_scope; a query left without a scope raises
    ScopeError."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.agency = None
        match = AGENCY_ADMIN_PATH.match(request.path_info)
        if match:
            agency = Agency.objects.filter(slug=match["slug"], is_active=True).first()
            if agency is None:
                raise Http404("Instansi tidak ditemukan")
            request.urlconf = agency_urlconf(agency.slug)
            with agency_scope(request, agency):
                return self.get_response(request)
        if request.path_info.startswith("/admin/"):
            with scopes_disabled():
                return self.get_response(request)
        return self.get_response(request)
