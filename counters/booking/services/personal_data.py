"""The full NIK and phone of a booking, shown to the operator serving it and recorded."""

from django.db import transaction
from django.utils.translation import gettext as _

from common import clock
from counters.booking.models import Booking, BookingEvent, PersonalDataAccess
from counters.booking.services.records import BookingError, record_event
from counters.queue.models import Counter, Ticket


@transaction.atomic
def booking_personal_data_reveal(*, ticket: Ticket, counter: Counter, user) -> Booking:
    """The booking of the ticket this operator is calling or serving at this counter, for
    its full NIK and phone number; each reveal is recorded (who, when, which booking, which
    counter). Anyone else, or any other moment, is refused: the number stays masked."""
    booking = (
        Booking.objects.filter(
            ticket=ticket,
            ticket__counter=counter,
            ticket__operator_id=user.pk,
            ticket__status__in=Ticket.ACTIVE,
        )
        .select_related("agency")
        .first()
    )
    if booking is None:
        raise BookingError(
            _("Data pribadi hanya terlihat oleh petugas yang sedang melayani reservasi ini."),
            code="permission_denied",
            status=403,
        )
    now = clock.now()
    PersonalDataAccess.objects.create(
        agency=booking.agency,
        booking=booking,
        user=user,
        username=user.get_username(),
        counter=counter,
        at=now,
    )
    record_event(
        booking,
        BookingEvent.Action.REVEALED,
        from_status=booking.status,
        at=now,
        actor=user,
        note=str(counter),
    )
    return booking
