"""Admin lists filter only through the filters they declare, on every admin site."""

from django.contrib.admin import FieldListFilter, ModelAdmin
from django.contrib.admin.utils import get_fields_from_path


def declared_filter_parameters(model_admin: ModelAdmin, request) -> set[str]:
    """The query-string parameters that the list's declared filters and date hierarchy
    read, built the way Django's ChangeList builds those filters."""
    model = model_admin.model
    parameters = set()
    for list_filter in model_admin.get_list_filter(request):
        if callable(list_filter):
            spec = list_filter(request, {}, model, model_admin)
        else:
            field_path, filter_class = (
                list_filter if isinstance(list_filter, tuple | list) else (list_filter, None)
            )
            field = get_fields_from_path(model, field_path)[-1]
            spec = (filter_class or FieldListFilter.create)(
                field, request, {}, model, model_admin, field_path=field_path
            )
        parameters.update(spec.expected_parameters())
    if model_admin.date_hierarchy:
        parameters.update(
            f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day")
        )
    return parameters


class DeclaredFiltersOnly:
    """Django lets a list be filtered by any of its model's own fields through the query
    string (`?nik__startswith=6408`): a view-only user could then find a masked NIK or
    phone digit by digit. Only the parameters of the declared filters are accepted; any
    other lookup is refused (400) before a query runs."""

    def lookup_allowed(self, lookup, value, request):
        # Asked once per query parameter: the filters are built once per request.
        known = request.__dict__.setdefault("declared_filter_parameters", {})
        if self not in known:
            known[self] = declared_filter_parameters(self, request)
        return lookup in known[self]
