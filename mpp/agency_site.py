"""Each agency's own admin site at /instansi/<slug>/admin/, served by one AdminSite."""

from importlib import import_module

from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mpp.admin_base import ProjectAdminSite
from mpp.outbox_admin import AgencyMessageAdmin
from notifications.models import Message
from services.permissions import can_enter_agency

AGENCY_ADMIN_APPS = ["services", "counters", "umkm", "oversight"]


class AgencyAuthenticationForm(AdminAuthenticationForm):
    def confirm_login_allowed(self, user):
        if not user.is_active or not can_enter_agency(user, self.request.agency):
            raise ValidationError(
                _("Akun ini bukan staf %(agency)s.") % {"agency": self.request.agency.name},
                code="invalid_login",
            )


class AgencyAdminSite(ProjectAdminSite):
    """Titled with request.agency; the tenancy middleware sets the agency, its URL prefix
    and the agency scope before any of these views run."""

    login_form = AgencyAuthenticationForm

    def has_permission(self, request):
        agency = getattr(request, "agency", None)
        return agency is not None and can_enter_agency(request.user, agency)

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def view_for_members(request, *args, **kwargs):
            # A signed-in user of another agency gets a plain 403, not a login form.
            logout_url = reverse("agency_admin:logout", current_app=self.name)
            if (
                request.user.is_authenticated
                and not self.has_permission(request)
                and request.path != logout_url
            ):
                raise PermissionDenied
            return inner(request, *args, **kwargs)

        return view_for_members

    def each_context(self, request):
        context = super().each_context(request)
        agency = request.agency
        context.update(
            site_header=agency.name,
            site_title=_("Admin %(agency)s") % {"agency": agency.short_name},
            agency=agency,
            site_url="/",
        )
        return context

    def index(self, request, extra_context=None):
        title = _("Pengelolaan %(agency)s") % {"agency": request.agency.short_name}
        return super().index(request, {"title": title, **(extra_context or {})})


agency_admin_site = AgencyAdminSite(name="agency_admin")

for app in AGENCY_ADMIN_APPS:
    try:
        module = import_module(f"{app}.admin")
    except ModuleNotFoundError as error:
        if error.name != f"{app}.admin":
            raise
        continue
    for model, model_admin in getattr(module, "AGENCY_ADMIN", []):
        agency_admin_site.register(model, model_admin)

agency_admin_site.register(Message, AgencyMessageAdmin)
