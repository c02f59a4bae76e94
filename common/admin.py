"""Admin building blocks that every app's admin may use."""

from django.contrib import admin
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _


class LabelledRowsInline(admin.TabularInline):
    """A tabular inline's inputs sit under column headers that screen readers do not tie to
    them: each input gets a label naming its column and its row."""

    def get_formset(self, request, obj=None, **kwargs):
        row_name = capfirst(self.opts.verbose_name)

        class LabelledRows(super().get_formset(request, obj, **kwargs)):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                if index is None:
                    row = _("%(row)s baru") % {"row": row_name}
                else:
                    row = _("%(row)s nomor %(number)d") % {"row": row_name, "number": index + 1}
                for field in form.fields.values():
                    if not field.widget.is_hidden:
                        field.widget.attrs["aria-label"] = f"{capfirst(field.label)}, {row}"

        return LabelledRows


def boolean_icon(value: bool | None) -> str:
    """The admin's yes/no icon with Indonesian alternative text: Django writes Python's
    True/False/None there, which screen readers read out as English words."""
    icon = {True: "yes", False: "no", None: "unknown"}[value]
    text = {True: _("Ya"), False: _("Tidak"), None: _("Tidak diketahui")}[value]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), text)


class ReadOnlyAdminMixin:
    """For records written by the application only (audit trails, history): nobody adds,
    edits or deletes them by hand."""

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
