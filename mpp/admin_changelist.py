"""Change lists of every admin site: a date in the query string that no calendar holds is a
bad filter (Django then shows the unfiltered list), not a server error."""

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
