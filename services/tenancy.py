"""How a staff request enters its agency (the tenant), and the admin building blocks of the
agency admin sites: rows and choices of one agency only."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps

from django.contrib import admin
from django.http import Http404
from django_scopes import scope, scopes_disabled

from common.admin import LabelledRowsInline, ReadOnlyAdminMixin  # noqa: F401 — used by the apps
from services.models import Agency
from services.permissions import can_enter_agency, can_manage_agency, can_operate


@contextmanager
def agency_scope(request, agency: Agency) -> Iterator[Agency]:
    """The one way a request enters its tenant: `request.agency` is set and every scoped
    query inside sees that agency's rows only (another agency's id is then a 404)."""
    request.agency = agency
    with scope(agency=agency):
        yield agency


@contextmanager
def staff_scope(request, target, *, may: Callable = can_operate) -> Iterator:
    """A staff request about `target` (an agency, or a counter, ticket … with its `agency`):
    a 404 when there is none or the user may not act in its agency (`may`, from
    services.permissions), otherwise the request runs inside that agency's scope."""
    agency = target if isinstance(target, Agency) else getattr(target, "agency", None)
    if agency is None or not may(request.user, agency):
        raise Http404
    with agency_scope(request, agency):
        yield target


def staff_view(find: Callable, argument: str, *, may: Callable = can_operate):
    """Decorator of a staff view whose URL names its object by `argument` (a counter id, an
    agency slug): `find(value)` reads it across agencies (the one place a staff view looks
    outside its tenant), then the view runs inside staff_scope with the object in place of
    the URL value."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            with scopes_disabled():
                target = find(kwargs.pop(argument))
            with staff_scope(request, target, may=may):
                return view(request, target, *args, **kwargs)

        return wrapped

    return decorator


class AgencyScopedMixin:
    """Permissions by role in request.agency; the rows themselves are already limited by
    the agency scope that the tenancy middleware activates for the whole request."""

    operator_can_view = True

    def _agency(self, request) -> Agency | None:
        return getattr(request, "agency", None)

    def _may_view(self, request) -> bool:
        agency = self._agency(request)
        if agency is None or not can_enter_agency(request.user, agency):
            return False
        return self.operator_can_view or can_manage_agency(request.user, agency)

    def _may_manage(self, request) -> bool:
        agency = self._agency(request)
        return agency is not None and can_manage_agency(request.user, agency)

    def has_module_permission(self, request):
        return self._may_view(request)

    def has_view_permission(self, request, obj=None):
        return self._may_view(request)

    def has_add_permission(self, request, *args):
        return self._may_manage(request)

    def has_change_permission(self, request, obj=None):
        return self._may_manage(request)

    def has_delete_permission(self, request, obj=None):
        return self._may_manage(request)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        agency = self._agency(request)
        if db_field.name == "agency" and db_field.related_model is Agency and agency:
            # Shown read-only but kept in the form, so that unique constraints that
            # include the agency are validated instead of failing at save time.
            kwargs["queryset"] = Agency.objects.filter(pk=agency.pk)
            kwargs["initial"] = agency
            kwargs["disabled"] = True
            # From the model field, so that it keeps its label ("Instansi").
            return db_field.formfield(**kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        agency = self._agency(request)
        if agency and db_field.name == "locations":
            kwargs["queryset"] = agency.locations.all()
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class AgencyScopedAdmin(AgencyScopedMixin, admin.ModelAdmin):
    """Base of every ModelAdmin registered on the agency admin sites."""

    def get_object(self, request, object_id, from_field=None):
        # Another agency's row is outside the scope: a plain 404, no "does not exist"
        # redirect that would confirm or deny anything.
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404
        return obj

    def get_list_display(self, request):
        return [field for field in super().get_list_display(request) if field != "agency"]

    def get_list_filter(self, request):
        return [field for field in super().get_list_filter(request) if field != "agency"]


class AgencyScopedTabularInline(AgencyScopedMixin, LabelledRowsInline):
    pass
