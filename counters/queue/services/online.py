"""A ticket taken from a phone: today's number of a service that offers it, with the
citizen's NIK and phone; it lapses unless checked in at the hall before its turn."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from common import clock
from common.db import broke
from common.errors import DomainError
from common.validators import normalize_nik, normalize_phone
from counters.queue.messages import ticket_messages_consent
from counters.queue.models import ONE_LIVE_ONLINE_PER_NIK, Ticket
from counters.queue.services.tickets import ticket_issue
from services.models import Location, Service

# Tickets one NIK may take from a phone in a day, over every service.
ONLINE_TICKETS_PER_NIK = 3


def ticket_take_online(
    *,
    service: Service,
    location: Location,
    nik: str,
    phone: str,
    notify=(),
    language: str = "id",
) -> Ticket:
    """Today's number of `service` at `location` from a phone: refused outside opening
    hours, where the service takes no online tickets or their share of the quota is gone,
    and for a NIK that holds a live one of the service already or has taken its day's
    ONLINE_TICKETS_PER_NIK. `notify`: channels allowed for "3 more" and the call."""
    try:
        nik, phone = normalize_nik(nik), normalize_phone(phone)
    except ValidationError as error:
        raise DomainError(" ".join(error.messages), code="invalid", status=422) from error
    with scopes_disabled():
        taken = Ticket.objects.filter(nik=nik, day=clock.today()).count()
    if taken >= ONLINE_TICKETS_PER_NIK:
        raise DomainError(
            _("NIK ini sudah mengambil %(count)d tiket online hari ini.")
            % {"count": ONLINE_TICKETS_PER_NIK},
            code="throttled",
            status=429,
        )
    try:
        with transaction.atomic():
            ticket = ticket_issue(
                service=service,
                location=location,
                source=Ticket.Source.ONLINE,
                nik=nik,
                phone=phone,
                language=language,
            )
            ticket_messages_consent(phone=phone, channels=notify)
    except IntegrityError as error:
        if not broke(error, ONE_LIVE_ONLINE_PER_NIK):
            raise
        raise DomainError(
            _("NIK ini masih punya tiket online %(service)s yang berlaku hari ini.")
            % {"service": service.name},
            code="duplicate_ticket",
            status=409,
        ) from error
    return ticket
