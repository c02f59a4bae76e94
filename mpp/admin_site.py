"""The mall admin (/admin/): superusers and the mall group only."""

from django.utils.translation import gettext_lazy as _

from mpp.admin_base import ProjectAdminSite
from services.permissions import is_mall_admin


class MallAdminSite(ProjectAdminSite):
    site_header = _("Pengelola MPP Kutai Timur")
    site_title = _("Admin MPP Kutai Timur")
    index_title = _("Pengelolaan mal pelayanan publik")

    def has_permission(self, request):
        return request.user.is_active and request.user.is_staff and is_mall_admin(request.user)
