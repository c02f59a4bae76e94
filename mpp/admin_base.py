"""The one base of every admin site of the project (the mall's and each agency's)."""

from django.contrib import admin

from mpp.admin_changelist import CalendarSafeChangeListMixin
from mpp.admin_lookups import DeclaredFiltersOnly


class ProjectAdminSite(admin.AdminSite):
    """Every ModelAdmin registered here, the project's and Django's own (users, groups),
    filters only through its declared filters and lists with a calendar-safe change list:
    no list of any site can be forgotten."""

    def register(self, model_or_iterable, admin_class=None, **options):
        base = admin_class or admin.ModelAdmin
        guarded = type(
            base.__name__,
            (DeclaredFiltersOnly, CalendarSafeChangeListMixin, base),
            {"__module__": base.__module__},
        )
        super().register(model_or_iterable, guarded, **options)
