"""How the back office words a case: its due date and lateness, and masked personal data."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cases.models import Case
from common import clock
from common.validators import mask_name, mask_phone

register = template.Library()


@register.filter
def due_words(case: Case) -> str:
    """The due date in words, with the `late` flag the list read (Case.with_late) or, for
    one case, Case.is_late."""
    if case.due_at is None:
        return _("Tanpa batas waktu terukur")
    due = date_format(timezone.localtime(case.due_at), "j M Y")
    late = case.late if hasattr(case, "late") else case.is_late
    if late:
        return _("Terlambat — batas %(due)s") % {"due": due}
    if case.completed_at is not None:
        return _("Selesai tepat waktu (batas %(due)s)") % {"due": due}
    if case.paused_at is not None:
        return _("Menunggu pemohon (batas %(due)s, dihitung lagi saat lengkap)") % {"due": due}
    days = (timezone.localtime(case.due_at).date() - clock.today()).days
    if days <= 0:
        return _("Jatuh tempo hari ini")
    return ngettext(
        "Batas %(due)s, %(days)s hari lagi", "Batas %(due)s, %(days)s hari lagi", days
    ) % {"due": due, "days": days}


@register.filter
def masked_phone(phone: str) -> str:
    return mask_phone(phone) if phone else "—"


@register.filter
def masked_name(name: str) -> str:
    return mask_name(name) if name else "—"
