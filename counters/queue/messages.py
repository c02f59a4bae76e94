"""What a visitor who left a phone number is told about their ticket, so that they need not
watch the board: "3 more" when three are ahead, the counter when called, the survey link
after the visit. Queued in the transaction of the ticket's change, sent by a worker, only
on the channels the number allowed for that purpose (notifications)."""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from common.errors import DomainError
from common.links import public_url
from common.statements import Statement
from counters.queue.models import DAY, LOCATION_ID, SERVICE_ID, Ticket, TicketEvent
from notifications.consent import (
    PHONE_CHANNELS,
    allowed_channels,
    consent_grant,
    consent_withdraw,
)
from notifications.services import message_queue

# From this many people ahead the visitor is told to come back to the hall.
SOON_AHEAD = 3
CONSENT_SOURCE = "halaman tiket"
Action = TicketEvent.Action
# Events after which the tickets behind move up.
LINE_MOVES = (
    Action.CALLED,
    Action.CANCELLED,
    Action.SENT_BACK,
    Action.TRANSFERRED,
    Action.LAPSED,
)


def ticket_tell(ticket: Ticket, action: str) -> None:
    """After `action` on `ticket` (inside its transaction): the messages it causes."""
    if ticket.phone and action in (Action.CALLED, Action.RECALLED):
        _tell(
            ticket,
            "queue_called",
            f"called:{ticket.recall_count}",
            number=ticket.display_number,
            counter=ticket.counter.number if ticket.counter else "",
        )
    if ticket.phone and action == Action.FINISHED:
        _tell(
            ticket,
            "survey_invitation",
            "survey",
            service=_service_name(ticket),
            link=public_url("counters:survey", ticket.code),
        )
    if action in LINE_MOVES:
        _tell_the_ones_near(ticket)


def _tell_the_ones_near(moved: Ticket) -> None:
    """Everyone of the service's line with SOON_AHEAD or fewer ahead (the line's own call
    order, as their place in line counts it), once each. One small index lookup when
    nobody waiting in the line left a number, as on most days."""
    line = {"location_id": moved.location_id, "day": moved.day, "service_id": moved.service_id}
    if not _ANYONE_TO_TELL.rows(**line):
        return
    near = Ticket.call_sequence(
        location_id=moved.location_id,
        day=moved.day,
        service_ids=[moved.service_id],
        length=SOON_AHEAD + 1,
    )
    with scopes_disabled():  # the line of the moved ticket's own service
        near = list(Ticket.objects.filter(pk__in=near).exclude(phone="").select_related("service"))
    for ticket in near:
        _tell(
            ticket,
            "queue_almost",
            "almost",
            number=ticket.display_number,
            service=_service_name(ticket),
            link=public_url("counters:ticket_status", ticket.code),
        )


def _anyone_to_tell():
    """_tell_the_ones_near's statement: anyone waiting in the line who left a number."""
    line = Ticket.waiting_line(location_id=LOCATION_ID, day=DAY, service=SERVICE_ID)
    return line.exclude(phone="").order_by().values_list("id")[:1]


_ANYONE_TO_TELL = Statement(_anyone_to_tell)


def _service_name(ticket: Ticket) -> str:
    with translation.override(ticket.language):
        return ticket.service.localized_name


def _tell(ticket: Ticket, template: str, event: str, **context) -> None:
    message_queue(
        template=template,
        context=context,
        idempotency_key=f"ticket:{ticket.pk}:{event}",
        phone=ticket.phone,
        language=ticket.language,
        tenant=ticket.agency_id,
    )


def ticket_messages_allow(
    *, ticket: Ticket, phone: str, channels, survey: bool, language: str
) -> Ticket:
    """The visitor's number for this ticket's messages and their yes to them on these
    channels (and to the survey link when `survey`); refused once the visit is over."""
    with transaction.atomic(), scopes_disabled():  # a visitor's own ticket, found by its code
        locked = Ticket.objects.select_for_update(of=("self",)).get(pk=ticket.pk)
        if locked.status not in (Ticket.Status.WAITING, Ticket.Status.CALLED):
            raise DomainError(
                _("Tiket ini sudah dilayani atau selesai; pemberitahuan tidak diperlukan lagi."),
                code="not_changeable",
            )
        locked.phone, locked.language = phone, language
        locked.save(update_fields=["phone", "language"])
        ticket_messages_consent(phone=phone, channels=channels, survey=survey)
    return locked


def ticket_messages_consent(*, phone: str, channels, survey: bool = False) -> None:
    """The yes of `phone` to queue messages (and the survey link) on these channels."""
    purposes = ("queue", "survey") if survey else ("queue",)
    for channel in channels:
        for purpose in purposes:
            consent_grant(recipient=phone, channel=channel, purpose=purpose, source=CONSENT_SOURCE)


def ticket_messages_stop(ticket: Ticket) -> int:
    """One tap: the ticket's number gets no more queue or survey messages on any channel."""
    if not ticket.phone:
        return 0
    with transaction.atomic():
        return sum(
            consent_withdraw(
                recipient=ticket.phone, channel=channel, purpose=purpose, source=CONSENT_SOURCE
            )
            for channel in PHONE_CHANNELS
            for purpose in ("queue", "survey")
        )


def ticket_messages_allowed(ticket: Ticket) -> list[str]:
    """The phone channels on which this ticket's calls are sent."""
    if not ticket.phone:
        return []
    return [
        channel
        for channel, _number in allowed_channels(purpose="queue", phone=ticket.phone)
        if channel in PHONE_CHANNELS
    ]


def ticket_phones_forget(*, before) -> int:
    """Clear the phone numbers and NIKs of tickets of days before `before`: they served
    that day only."""
    with scopes_disabled():
        return (
            Ticket.objects.filter(day__lt=before).exclude(phone="", nik="").update(phone="", nik="")
        )
