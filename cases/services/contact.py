"""The citizen's number for a case's messages, left or withdrawn on the tracking page."""

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from cases.errors import CaseRefused
from cases.messages import (
    PORTAL_CONSENT_SOURCE,
    case_messages_consent,
    case_messages_withdraw,
)
from cases.models import Case
from cases.services.records import lock_case, normalized_phone
from notifications.consent import PHONE_CHANNELS


def case_messages_allow(*, case: Case, phone: str, channels: Sequence[str], language: str) -> Case:
    """The citizen's number for this case's messages, left on the tracking page, and their
    yes to them on `channels`; refused once the case is closed (nothing more will happen)."""
    phone, channels = normalized_phone(phone), list(channels)
    if not phone:
        raise CaseRefused(_("Isi nomor ponsel."))
    if not channels or not set(channels) <= set(PHONE_CHANNELS):
        raise CaseRefused(_("Pilih paling sedikit satu kanal."))
    with transaction.atomic():
        locked = lock_case(case)
        if locked.is_closed:
            raise CaseRefused(
                _("Berkas ini sudah selesai; pemberitahuan tidak diperlukan lagi."),
                code="closed",
                status=409,
            )
        locked.phone, locked.language = phone, language
        locked.save(update_fields=["phone", "language"])
        case_messages_consent(phone=phone, channels=channels, source=PORTAL_CONSENT_SOURCE)
    return locked


def case_messages_stop(*, case: Case) -> Case:
    """No more messages about this case: its number is forgotten and the number's yes to
    case messages withdrawn."""
    with transaction.atomic():
        locked = lock_case(case)
        if locked.phone:
            case_messages_withdraw(phone=locked.phone, source=PORTAL_CONSENT_SOURCE)
            locked.phone = ""
            locked.save(update_fields=["phone"])
    return locked
