"""Change lists of every admin site: a date in the query string that no calendar holds is a
bad filter (Django then shows the unfiltered list), not a server error."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList


class CalendarSafeChangeList(ChangeList):
    def get_filters(self, request):
        # date_hierarchy builds the year after ?<field>__year=9999, or the day after
        # 9999-12-31, outside its own guard.
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error


class CalendarSafeChangeListMixin:
    def get_changelist(self, request, **kwargs):
        return CalendarSafeChangeList


class ProjectAdminSite(admin.AdminSite):
    """Every ModelAdmin registered here, the project's and Django's own, lists with
    CalendarSafeChangeList."""

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, CalendarSafeChangeListMixin):
            admin_class = type(admin_class.__name__, (CalendarSafeChangeListMixin, admin_class), {})
        super().register(model_or_iterable, admin_class, **options)
