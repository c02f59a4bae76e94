"""Admin of counters, schedules, quotas and the queue's audit trail (mall and agency sites)."""

from django.contrib import admin

from counters.queue.caching import queue_changed
from counters.queue.models import (
    AgencySchedule,
    BoardSetting,
    Counter,
    CounterPause,
    DailyQuota,
    QueueSetting,
    Ticket,
    TicketEvent,
)
from services.admin import CatalogChangeMixin
from services.tenancy import AgencyScopedAdmin, AgencyScopedTabularInline, ReadOnlyAdminMixin


class LocationOfAgencyMixin:
    """Locations offered in the agency site are those where the agency serves."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        agency = getattr(request, "agency", None)
        if agency and db_field.name == "location":
            kwargs["queryset"] = agency.locations.all()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CounterAdminBase(CatalogChangeMixin, admin.ModelAdmin):
    """A saved counter replaces the catalog version: `counter_identity` caches its agency,
    location, number and name under that version, and either admin may change them."""

    list_display = ["number", "name", "agency", "location", "is_open", "operator"]
    list_filter = ["location", "is_open", "agency"]
    list_select_related = ["agency", "location", "operator"]
    search_fields = ["name"]
    filter_horizontal = ["services"]
    readonly_fields = ["is_open", "operator"]


class TicketEventInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = TicketEvent
    fields = ["at", "action", "from_status", "to_status", "counter", "actor", "note"]
    readonly_fields = fields
    extra = 0


class AgencyTicketEventInline(ReadOnlyAdminMixin, AgencyScopedTabularInline):
    model = TicketEvent
    fields = TicketEventInline.fields
    readonly_fields = fields
    extra = 0


class TicketAdminBase(admin.ModelAdmin):
    list_display = [
        "__str__",
        "day",
        "service",
        "agency",
        "status",
        "priority",
        "source",
        "counter",
        "issued_at",
    ]
    list_filter = ["day", "status", "source", "priority", "location", "agency"]
    list_select_related = ["service", "agency", "counter"]
    search_fields = ["code"]
    date_hierarchy = "issued_at"
    inlines = [TicketEventInline]


class PauseAdminBase(admin.ModelAdmin):
    list_display = ["counter", "agency", "reason", "note", "operator", "started_at", "ended_at"]
    list_filter = ["reason", "agency"]
    list_select_related = ["counter", "agency", "operator"]


class ScheduleAdminBase(CatalogChangeMixin, admin.ModelAdmin):
    """Opening hours decide what the kiosk offers: a change reaches every node at once."""

    list_display = ["agency", "location", "weekday", "opens_at", "closes_at"]
    list_filter = ["location", "weekday", "agency"]
    list_select_related = ["agency", "location"]


class QuotaAdminBase(admin.ModelAdmin):
    list_display = ["service", "agency", "location", "limit"]
    list_filter = ["location", "agency"]
    list_select_related = ["service", "agency", "location"]


class QueueSettingAdminBase(admin.ModelAdmin):
    """The setting reorders the agency's lines: the places in line that ticket pages show
    from the cache are read anew at each of its locations."""

    list_display = ["agency", "priority_run"]
    list_select_related = ["agency"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._queues_changed(obj)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self._queues_changed(obj)

    def delete_queryset(self, request, queryset):
        settings = list(queryset.select_related("agency"))
        super().delete_queryset(request, queryset)
        for setting in settings:
            self._queues_changed(setting)

    @staticmethod
    def _queues_changed(setting: QueueSetting) -> None:
        for location_id in setting.agency.locations.values_list("pk", flat=True):
            queue_changed(location_id)


admin.site.register(Counter, CounterAdminBase)


@admin.register(Ticket)
class TicketAdmin(ReadOnlyAdminMixin, TicketAdminBase):
    pass


@admin.register(CounterPause)
class PauseAdmin(ReadOnlyAdminMixin, PauseAdminBase):
    pass


admin.site.register(AgencySchedule, ScheduleAdminBase)
admin.site.register(DailyQuota, QuotaAdminBase)
admin.site.register(QueueSetting, QueueSettingAdminBase)


@admin.register(BoardSetting)
class BoardSettingAdmin(admin.ModelAdmin):
    list_display = ["location", "running_text", "kiosk_paper", "updated_at"]


class AgencyCounterAdmin(LocationOfAgencyMixin, AgencyScopedAdmin, CounterAdminBase):
    pass


class AgencyScheduleAdmin(LocationOfAgencyMixin, AgencyScopedAdmin, ScheduleAdminBase):
    pass


class AgencyQuotaAdmin(LocationOfAgencyMixin, AgencyScopedAdmin, QuotaAdminBase):
    pass


class AgencyQueueSettingAdmin(AgencyScopedAdmin, QueueSettingAdminBase):
    pass


class AgencyTicketAdmin(ReadOnlyAdminMixin, AgencyScopedAdmin, TicketAdminBase):
    inlines = [AgencyTicketEventInline]


class AgencyPauseAdmin(ReadOnlyAdminMixin, AgencyScopedAdmin, PauseAdminBase):
    pass


# Registered on every agency's own admin site by mpp.agency_site: admins manage counters,
# schedules, quotas and the queue setting; operators only read them, and everyone reads
# the queue's history.
AGENCY_ADMIN = [
    (Counter, AgencyCounterAdmin),
    (AgencySchedule, AgencyScheduleAdmin),
    (DailyQuota, AgencyQuotaAdmin),
    (QueueSetting, AgencyQueueSettingAdmin),
    (Ticket, AgencyTicketAdmin),
    (CounterPause, AgencyPauseAdmin),
]
