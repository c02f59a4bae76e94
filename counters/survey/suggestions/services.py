"""Writes of the suggestions: received with the survey, answered once, handled with a note,
each in one transaction with its event row (who, when)."""

from django.db import transaction
from django.utils.translation import gettext as _

from common import clock
from common.errors import DomainError
from common.links import public_url
from counters.survey.models import SurveyResponse
from counters.survey.suggestions.models import Suggestion, SuggestionEvent
from notifications.consent import consent_grant
from notifications.services import message_queue

CONSENT_SOURCE = "survei SKM"
MAX_TEXT = 1000


def suggestion_receive(
    *,
    response: SurveyResponse,
    phone: str = "",
    email: str = "",
    message_channels=(),
    language: str = "id",
) -> Suggestion | None:
    """The inbox row of a just-saved answer's suggestion (inside its transaction), with the
    contact the citizen left to hear a reply and their yes to such a reply on these
    channels. None when the answer has no suggestion."""
    has_contact = bool(phone or email)
    if not response.suggestion:
        if has_contact:
            raise DomainError(
                _("Kontak hanya untuk menerima balasan atas saran: tulis saran Anda juga."),
                code="invalid",
                status=422,
            )
        return None
    if has_contact and not message_channels:
        raise DomainError(
            _("Kontak hanya disimpan dengan persetujuan Anda untuk menerima balasan."),
            code="invalid",
            status=422,
        )
    suggestion = Suggestion.objects.create(
        response=response,
        agency_id=response.agency_id,
        received_at=response.submitted_at,
        phone=phone,
        email=email,
        language=language,
    )
    addresses = {"whatsapp": phone, "sms": phone, "email": email}
    for channel in message_channels:
        if addresses.get(channel):
            consent_grant(
                recipient=addresses[channel],
                channel=channel,
                purpose="suggestion",
                source=CONSENT_SOURCE,
            )
    return suggestion


def _locked(suggestion: Suggestion) -> Suggestion:
    # The row lock orders two staff acting on one suggestion at once: the second sees the
    # first one's reply or handling and is refused, so the citizen hears one reply.
    return (
        Suggestion.objects.select_for_update(of=("self",))
        .select_related("agency", "response__ticket")
        .get(pk=suggestion.pk)
    )


def _text(text: str, message: str) -> str:
    # One line: WhatsApp template parameters refuse line breaks.
    text = " ".join(text.split())[:MAX_TEXT]
    if not text:
        raise DomainError(message, code="invalid", status=422)
    return text


def suggestion_reply(*, suggestion: Suggestion, actor, text: str) -> Suggestion:
    """Answer the citizen who left a contact, once, on the channels they allowed."""
    text = _text(text, _("Tulis balasan untuk pengirim saran."))
    with transaction.atomic():
        locked = _locked(suggestion)
        if locked.replied_at is not None:
            raise DomainError(_("Saran ini sudah dibalas."), code="already_replied")
        if locked.status == Suggestion.Status.HANDLED:
            raise DomainError(
                _("Saran ini sudah ditangani; kontak pengirimnya sudah dihapus."),
                code="handled",
            )
        if not locked.has_contact:
            raise DomainError(_("Pengirim saran ini tidak meninggalkan kontak."), code="no_contact")
        locked.reply, locked.replied_at, locked.replied_by = text, clock.now(), actor
        locked.save(update_fields=["reply", "replied_at", "replied_by"])
        SuggestionEvent.objects.create(
            suggestion=locked,
            agency_id=locked.agency_id,
            action=SuggestionEvent.Action.REPLIED,
            actor=actor,
            at=locked.replied_at,
            text=text,
        )
        queued = message_queue(
            template="suggestion_reply",
            context={
                "agency": locked.agency.short_name or locked.agency.name,
                "reply": text,
                "link": public_url("counters:survey", locked.response.ticket.code),
            },
            idempotency_key=f"suggestion:{locked.pk}:reply",
            phone=locked.phone,
            email=locked.email,
            language=locked.language,
            tenant=locked.agency_id,
        )
        if queued is None:
            # Raised inside the transaction: the reply is not recorded as sent.
            raise DomainError(
                _("Pengirim sudah tidak mengizinkan pesan; balasan tidak terkirim."),
                code="no_consent",
            )
    return locked


def suggestion_handle(*, suggestion: Suggestion, actor, note: str) -> Suggestion:
    """Mark a suggestion handled with what was done about it. The contact served only for
    a reply: it is erased now."""
    note = _text(note, _("Tulis catatan penanganannya."))
    with transaction.atomic():
        locked = _locked(suggestion)
        if locked.status == Suggestion.Status.HANDLED:
            raise DomainError(_("Saran ini sudah ditandai ditangani."), code="handled")
        locked.status = Suggestion.Status.HANDLED
        locked.note, locked.handled_at, locked.handled_by = note, clock.now(), actor
        locked.phone = locked.email = ""
        locked.save(update_fields=["status", "note", "handled_at", "handled_by", "phone", "email"])
        SuggestionEvent.objects.create(
            suggestion=locked,
            agency_id=locked.agency_id,
            action=SuggestionEvent.Action.HANDLED,
            actor=actor,
            at=locked.handled_at,
            text=note,
        )
    return locked
