"""The limits in both admin sites (each agency edits its own) and the incidents, read only,
in the mall's."""

from django.contrib import admin

from common.admin import ReadOnlyAdminMixin
from oversight.models import Incident, OversightSetting
from services.tenancy import AgencyScopedAdmin


class OversightSettingAdminBase(admin.ModelAdmin):
    list_display = ["agency", "wait_limit_minutes", "idle_limit_minutes"]
    list_select_related = ["agency"]


@admin.register(OversightSetting)
class OversightSettingAdmin(OversightSettingAdminBase):
    pass


@admin.register(Incident)
class IncidentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Written by the detector only."""

    list_display = ["agency", "kind", "location", "opened_at", "closed_at", "notified_at"]
    list_filter = ["kind", "agency"]
    list_select_related = ["agency", "location"]
    date_hierarchy = "opened_at"


class AgencyOversightSettingAdmin(AgencyScopedAdmin, OversightSettingAdminBase):
    pass


# Registered on every agency's own admin site by mpp.agency_site: its admins set the limits
# their lines are watched by; operators read them.
AGENCY_ADMIN = [(OversightSetting, AgencyOversightSettingAdmin)]
