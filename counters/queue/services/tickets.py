"""The ticket life cycle: issue, call, serve, finish, skip, send back, transfer, cancel."""

from contextlib import contextmanager
from datetime import datetime

from django.contrib.postgres.expressions import ArraySubquery
from django.db import DEFAULT_DB_ALIAS, IntegrityError, transaction
from django.db.models import (
    BigIntegerField,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
)
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from common import clock
from common.db import broke
from common.errors import DomainError
from common.statements import IDS, Param, Statement, scope_shape
from counters.queue.caching import code_moved, queue_changed
from counters.queue.errors import (
    CounterUnavailable,
    InvalidTransition,
    NotYourTicket,
    QuotaFull,
    ServiceClosed,
)
from counters.queue.messages import ticket_tell
from counters.queue.models import (
    DAY,
    LOCATION_ID,
    ONE_ACTIVE_PER_COUNTER,
    ONE_ACTIVE_PER_OPERATOR,
    SERVICE_ID,
    SERVICE_IDS,
    Counter,
    CounterPause,
    DailyIssueCount,
    DailyQuota,
    Priority,
    Ticket,
    TicketEvent,
    TicketSequence,
)
from counters.queue.selectors.reference import presence_and_pace, service_by_id
from counters.queue.selectors.schedule import closed_reason_of, service_closed_reason
from counters.queue.selectors.tickets import position_of, tickets_ahead
from services.models import Location, Service

Status = Ticket.Status
Action = TicketEvent.Action
# Tickets from phones that one call lapses at most before it calls (or gives up, for the
# next call to go on): a call stays short however many did not come.
LAPSES_PER_CALL = 20
# A field value meaning "the moment of this transition".
NOW = object()
# How far call-next reads ahead in the call sequence: how many counters serving the same
# lines may call at one instant and each still take their ticket in the sequence's order.
CALL_LOOKAHEAD = 30


def _record(
    *,
    ticket: Ticket,
    action: str,
    from_status: str,
    actor=None,
    counter: Counter | None = None,
    note: str = "",
    at: datetime,
) -> TicketEvent:
    queue_changed(ticket.location_id, service_id=ticket.service_id, issued=action == Action.ISSUED)
    event = TicketEvent.objects.create(
        agency_id=ticket.agency_id,
        location_id=ticket.location_id,
        ticket=ticket,
        action=action,
        from_status=from_status,
        to_status=ticket.status,
        counter=counter,
        actor=actor if actor is not None and actor.is_authenticated else None,
        note=note[:255],
        at=at,
    )
    ticket_tell(ticket, action)
    return event


def _queue_class(*, priority: str, source: str) -> int:
    if priority:
        return Ticket.QueueClass.PRIORITY
    if source == Ticket.Source.BOOKING:
        return Ticket.QueueClass.BOOKING
    return Ticket.QueueClass.WALK_IN


def ticket_issue(
    *,
    service: Service,
    location: Location,
    priority: str | None = None,
    source: str = Ticket.Source.KIOSK,
    issued_by=None,
    booked_slot_start: datetime | None = None,
    phone: str = "",
    language: str = "id",
    nik: str = "",
) -> Ticket:
    """A new waiting ticket with the next number of the day; refused when closed or full.
    Its `position_when_issued` says how many of its service were to be called before it
    and the estimated wait. `phone`: where its calls are told, if the number allows."""
    priority = priority or ""
    if priority and priority not in Priority.values:
        raise DomainError(_("Kategori prioritas tidak dikenal."), code="invalid", status=422)
    if source == Ticket.Source.BOOKING and booked_slot_start is None:
        raise DomainError(_("Tiket reservasi perlu jam slotnya."), code="invalid", status=422)
    now = clock.now()
    weekday = timezone.localtime(now).weekday()
    presence, pace = presence_and_pace(service=service, location=location, weekday=weekday)
    reason = closed_reason_of(service=service, location=location, presence=presence, moment=now)
    if reason:
        raise ServiceClosed(reason)
    issuer = issued_by if issued_by is not None and issued_by.is_authenticated else None
    queue_class = _queue_class(priority=priority, source=source)
    ticket = Ticket(
        agency=service.agency,
        location=location,
        service=service,
        day=clock.local_day(now),
        prefix=service.queue_prefix,
        priority=priority,
        source=source,
        queue_class=queue_class,
        queued_at=booked_slot_start if queue_class == Ticket.QueueClass.BOOKING else now,
        booked_slot_start=booked_slot_start,
        issued_at=now,
        issued_by=issuer,
        phone=phone,
        language=language,
        nik=nik,
    )
    with transaction.atomic():
        # A booking was the promise: its check-in is never refused by the walk-in quota.
        _count_toward_quota(ticket, promised=source == Ticket.Source.BOOKING)
        ticket.number = TicketSequence.take(
            location_id=location.pk, prefix=ticket.prefix, day=ticket.day
        )
        ticket.save(force_insert=True)
        _record(ticket=ticket, action=Action.ISSUED, from_status="", actor=issuer, at=now)
    # Counted after the commit: the day's number sequence of the prefix stays locked for
    # the writes only, not for the reads of the line (every kiosk of the hall waits on it).
    ticket.position_when_issued = position_of(ticket, ahead=tickets_ahead(ticket), pace=pace)
    return ticket


def _count_toward_quota(ticket: Ticket, *, promised: bool) -> None:
    """The daily quota: a walk-in is refused once the day's tally of its service here has
    reached the agency's limit, a ticket from a phone also once the phones' share has. A
    visitor who was promised a place (a booking checking in, a transfer: already in the
    hall and served) is never refused but counts toward it. The tally is always taken
    before the number sequence: no deadlock between kiosks."""
    quota = _QUOTA.rows(service_id=ticket.service_id, location_id=ticket.location_id)
    limit, online_limit = quota[0] if quota else (None, None)
    if ticket.source == Ticket.Source.ONLINE:
        # The phones' share first (always in this order: no deadlock with the kiosks).
        if online_limit is None:
            raise ServiceClosed(_("Layanan ini tidak menerima tiket online di lokasi ini."))
        if not DailyIssueCount.count_one(
            service_id=ticket.service_id,
            location_id=ticket.location_id,
            day=ticket.day,
            limit=online_limit,
            kind=DailyIssueCount.Kind.ONLINE,
        ):
            raise QuotaFull(
                _("Tiket online %(service)s hari ini sudah habis; ambil nomor di kios MPP.")
                % {"service": ticket.service.name}
            )
    counted = DailyIssueCount.count_one(
        service_id=ticket.service_id,
        location_id=ticket.location_id,
        day=ticket.day,
        limit=None if promised else limit,
    )
    if not counted:
        raise QuotaFull(
            _("Kuota %(service)s hari ini (%(limit)d antrian) sudah habis.")
            % {"service": ticket.service.name, "limit": limit}
        )


def _quota() -> QuerySet:
    """_count_toward_quota's statement: the limits of a service at a location, if any."""
    with scopes_disabled():
        return DailyQuota.objects.filter(
            service_id=SERVICE_ID, location_id=LOCATION_ID
        ).values_list("limit", "online_limit")[:1]


_QUOTA = Statement(_quota)


def _lock_ticket(ticket: Ticket) -> Ticket:
    """The ticket row, locked so that two actions on it (two clicks, two operators) run one
    after the other and the second sees the first's result. Another agency's: not found."""
    locked = Ticket.objects.select_for_update(of=("self",)).filter(pk=ticket.pk).first()
    if locked is None:
        raise DomainError(_("Tiket tidak ditemukan."), code="not_found", status=404)
    return locked


def _refuse(ticket: Ticket, verb: str) -> InvalidTransition:
    return InvalidTransition(
        _("Tiket %(number)s berstatus “%(status)s”, tidak bisa %(verb)s.")
        % {"number": ticket.display_number, "status": ticket.get_status_display(), "verb": verb}
    )


def _change(
    *,
    ticket: Ticket,
    verb: str,
    action: str,
    actor,
    own: bool = True,
    note: str = "",
    **fields,
) -> Ticket:
    """Lock, check the transition (and that the actor holds the ticket), apply, record."""
    allowed, to = Ticket.TRANSITIONS[action]
    now = clock.now()
    with transaction.atomic():
        locked = _lock_ticket(ticket)
        if locked.status not in allowed:
            raise _refuse(locked, verb)
        if own and locked.operator_id != actor.pk:
            raise NotYourTicket(_("Tiket ini sedang ditangani petugas lain."))
        from_status = locked.status
        locked.status = to
        for name, value in fields.items():
            setattr(locked, name, now if value is NOW else value)
        locked.save(update_fields=["status", *fields])
        _record(
            ticket=locked,
            action=action,
            from_status=from_status,
            actor=actor,
            counter=locked.counter,
            note=note,
            at=now,
        )
    return locked


def _lock_counter(*, counter: Counter, operator) -> tuple[Counter, list[int]]:
    """Who may call: the counter row, locked so that one counter's calls (double clicks,
    two tabs) run one after the other, and refused unless it is open, worked by this
    operator, not paused, and neither it nor the operator has a ticket called or served.
    Read in the locking statement, so the reason is the one that holds under the lock; so
    are the counter's location and the services it calls (the counter given takes them)."""
    rows = _COUNTER_LOCK.rows(scope_shape(), counter=counter.pk, operator=operator.pk)
    if not rows:
        raise DomainError(_("Loket tidak ditemukan."), code="not_found", status=404)
    is_open, operator_id, location_id, paused, busy, service_ids = rows[0]
    if not is_open or operator_id != operator.pk:
        raise CounterUnavailable(_("Buka loket ini dulu sebelum memanggil."))
    if paused:
        raise CounterUnavailable(_("Loket sedang jeda. Lanjutkan dulu sebelum memanggil."))
    if busy:
        raise CounterUnavailable(_("Selesaikan tiket yang sedang dipanggil atau dilayani dulu."))
    counter.is_open, counter.operator_id, counter.location_id = is_open, operator_id, location_id
    return counter, service_ids


def _counter_lock(_scope: tuple) -> QuerySet:
    """_lock_counter's statement, in the caller's tenant scope (another agency's counter is
    not found)."""
    operator = Param("operator", BigIntegerField())
    active = Ticket.objects.filter(
        Q(counter=OuterRef("pk")) | Q(operator=operator), status__in=Ticket.ACTIVE
    )
    paused = CounterPause.objects.filter(counter=OuterRef("pk"), ended_at=None)
    services = Counter.services.through.objects.filter(counter=OuterRef("pk"))
    # Only this row: without the model's default ordering, which joins the location (FOR
    # UPDATE on that join would make every counter of the location wait for each other).
    return (
        Counter.objects.select_for_update()
        .filter(pk=Param("counter", BigIntegerField()))
        .order_by()
        .annotate(
            paused=Exists(paused),
            busy=Exists(active),
            service_ids=ArraySubquery(services.values("service")),
        )
        .values_list("is_open", "operator", "location", "paused", "busy", "service_ids")
    )


_COUNTER_LOCK = Statement(_counter_lock)


@contextmanager
def _busy_on_conflict():
    """Around a call's transaction: the one-active-ticket constraints are the last guard
    (e.g. for an operator's ticket in another agency's counter, which the counter's lock
    does not see); their refusal reads as the busy counter's."""
    try:
        yield
    except IntegrityError as error:
        if not (broke(error, ONE_ACTIVE_PER_OPERATOR) or broke(error, ONE_ACTIVE_PER_COUNTER)):
            raise
        raise CounterUnavailable(
            _("Selesaikan tiket yang sedang dipanggil atau dilayani dulu.")
        ) from error


def _mark_called(
    *, ticket: Ticket, counter: Counter, operator, now: datetime, note: str = ""
) -> Ticket:
    from_status = ticket.status
    ticket.status = Ticket.TRANSITIONS[Action.CALLED][1]
    ticket.counter = counter
    ticket.operator = operator
    ticket.called_at = now
    ticket.save(update_fields=["status", "counter", "operator", "called_at"])
    _record(
        ticket=ticket,
        action=Action.CALLED,
        from_status=from_status,
        actor=operator,
        counter=counter,
        note=note,
        at=now,
    )
    return ticket


def _next_to_call(counter: Counter, *, day, service_ids: list[int]) -> Ticket | None:
    """The first of the counter's call sequence that no other counter holds, locked. Only
    when more counters than CALL_LOOKAHEAD take from these lines at this instant is every
    one held; then the first free ticket in CALL_ORDER, so that nobody is told the line is
    empty."""
    line = {"location_id": counter.location_id, "day": day, "service_ids": service_ids}
    sequence = Ticket.call_sequence(**line, length=CALL_LOOKAHEAD)
    if not sequence:
        return None
    picked = _PICK.rows(True, **line, ids=sequence) or _PICK.rows(False, **line)
    if not picked:
        return None
    ticket = Ticket.from_db(DEFAULT_DB_ALIAS, _TICKET_COLUMNS, picked[0])
    # What the caller shows of it: its service (with the service's agency) is reference
    # data, its location the counter's. The agency is taken along only while it is still
    # the ticket's own: a service moved to another agency since leaves the ticket's as it
    # was, read when asked for.
    ticket.service = service_by_id(ticket.service_id)
    if ticket.service.agency_id == ticket.agency_id:
        ticket.agency = ticket.service.agency
    ticket.location = counter.location
    return ticket


# A ticket's columns, as Ticket.from_db takes them.
_TICKET_COLUMNS = [field.attname for field in Ticket._meta.concrete_fields]


def _pick(in_sequence: bool) -> QuerySet:
    """_next_to_call's statement: the first waiting ticket of the lines that no other
    counter holds, locked, read whole; of those in the sequence `ids`, the first in its
    order."""
    line = Ticket.waiting_line(
        location_id=LOCATION_ID, day=DAY, service_ids=SERVICE_IDS
    ).select_for_update(skip_locked=True)
    if in_sequence:
        ids = Param("ids", IDS)
        place = Func(ids, F("id"), function="array_position", output_field=IntegerField())
        line = line.filter(pk__any=ids).order_by(place)
    return line.values_list(*_TICKET_COLUMNS)[:1]


_PICK = Statement(_pick)


def ticket_call_next(*, counter: Counter, operator) -> Ticket | None:
    """Call the first waiting ticket of the counter's services in call order
    (Ticket.call_sequence: priority visitors, then checked-in bookings, then arrival order,
    with a regular visitor after every few priority ones when the agency sets it). None
    when nobody waits. Tickets another counter is taking at this instant are skipped (SKIP
    LOCKED): two counters never get the same ticket and neither waits for the other."""
    now = clock.now()
    with _busy_on_conflict(), transaction.atomic():
        locked, services = _lock_counter(counter=counter, operator=operator)
        day = clock.local_day(now)
        for _lapsed in range(LAPSES_PER_CALL + 1):
            ticket = _next_to_call(locked, day=day, service_ids=services)
            if ticket is None or not ticket.awaits_check_in:
                break
            _lapse(ticket, now=now)
        else:
            return None  # more lapsed than one call clears: the next call goes on
        if ticket is None:
            return None
        _mark_called(ticket=ticket, counter=locked, operator=operator, now=now)
    ticket.counter = counter
    return ticket


def _lapse(ticket: Ticket, *, now: datetime) -> None:
    """Its turn came before it checked in at the hall: a no-show, and the line goes on."""
    from_status = ticket.status
    ticket.status = Ticket.TRANSITIONS[Action.LAPSED][1]
    ticket.finished_at = now
    ticket.save(update_fields=["status", "finished_at"])
    _record(ticket=ticket, action=Action.LAPSED, from_status=from_status, at=now)


def ticket_check_in(*, ticket: Ticket, location: Location) -> Ticket:
    """A ticket taken from a phone checks in at the hall (its QR scanned at a kiosk of its
    location): from now on it is called, not lapsed."""
    allowed, _to = Ticket.TRANSITIONS[Action.CHECKED_IN]
    now = clock.now()
    # The hall's kiosk, for whichever agency: the ticket is the one the citizen showed.
    with transaction.atomic(), scopes_disabled():
        locked = _lock_ticket(ticket)
        if locked.location_id != location.pk:
            raise DomainError(
                _("Tiket ini untuk %(location)s, bukan lokasi ini.")
                % {"location": locked.location.name},
                code="wrong_location",
            )
        if locked.checked_in_at is not None:
            return locked
        if locked.source != Ticket.Source.ONLINE or locked.status not in allowed:
            raise _refuse(locked, _("check-in"))
        locked.checked_in_at = now
        locked.save(update_fields=["checked_in_at"])
        _record(ticket=locked, action=Action.CHECKED_IN, from_status=locked.status, at=now)
    return locked


def ticket_call(*, ticket: Ticket, counter: Counter, operator, reason: str) -> Ticket:
    """Call one specific waiting ticket out of order; the reason goes in the audit trail."""
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Tulis alasan memanggil tiket ini lebih dulu."), code="invalid")
    now = clock.now()
    with _busy_on_conflict(), transaction.atomic():
        counter, services = _lock_counter(counter=counter, operator=operator)
        locked = _lock_ticket(ticket)
        if locked.status not in Ticket.TRANSITIONS[Action.CALLED][0]:
            raise _refuse(locked, _("dipanggil"))
        if locked.location_id != counter.location_id or locked.service_id not in services:
            raise CounterUnavailable(_("Loket ini tidak melayani tiket tersebut."))
        return _mark_called(ticket=locked, counter=counter, operator=operator, now=now, note=reason)


def ticket_recall(*, ticket: Ticket, operator) -> Ticket:
    with transaction.atomic():
        locked = _lock_ticket(ticket)
        return _change(
            ticket=locked,
            verb=_("dipanggil ulang"),
            action=Action.RECALLED,
            actor=operator,
            recall_count=locked.recall_count + 1,
        )


def ticket_start(*, ticket: Ticket, operator) -> Ticket:
    return _change(
        ticket=ticket,
        verb=_("mulai dilayani"),
        action=Action.STARTED,
        actor=operator,
        started_at=NOW,
    )


def ticket_finish(*, ticket: Ticket, operator) -> Ticket:
    return _change(
        ticket=ticket,
        verb=_("diselesaikan"),
        action=Action.FINISHED,
        actor=operator,
        finished_at=NOW,
    )


def ticket_no_show(*, ticket: Ticket, operator) -> Ticket:
    return _change(
        ticket=ticket,
        verb=_("ditandai tidak hadir"),
        action=Action.NO_SHOW,
        actor=operator,
        finished_at=NOW,
    )


def ticket_send_back(*, ticket: Ticket, operator) -> Ticket:
    """The called visitor is not ready: back to the end of the waiting line."""
    return _change(
        ticket=ticket,
        verb=_("dikembalikan ke antrian"),
        action=Action.SENT_BACK,
        actor=operator,
        counter=None,
        operator=None,
        called_at=None,
        queued_at=NOW,
    )


def ticket_cancel(*, ticket: Ticket, actor, reason: str = "") -> Ticket:
    """Any staff member of the ticket's agency may cancel a waiting or called ticket."""
    return _change(
        ticket=ticket,
        verb=_("dibatalkan"),
        action=Action.CANCELLED,
        actor=actor,
        own=False,
        note=reason.strip(),
        finished_at=NOW,
    )


def ticket_transfer(*, ticket: Ticket, operator, service: Service) -> Ticket:
    """The visitor keeps number and code and joins the end of the target service's queue
    (of any agency); this ticket ends as transferred. Returns the new waiting ticket."""
    now = clock.now()
    reason = service_closed_reason(service=service, location=ticket.location, moment=now)
    if reason:
        raise ServiceClosed(reason)
    if service.pk == ticket.service_id:
        raise DomainError(_("Pilih layanan lain untuk pengalihan."), code="invalid")
    with transaction.atomic():
        old = _change(
            ticket=ticket,
            verb=_("dialihkan"),
            action=Action.TRANSFERRED,
            actor=operator,
            note=_("Ke %(service)s") % {"service": service.name},
            finished_at=NOW,
        )
        new = Ticket.objects.create(
            agency_id=service.agency_id,
            location_id=old.location_id,
            service=service,
            day=old.day,
            prefix=old.prefix,
            number=old.number,
            code=old.code,
            priority=old.priority,
            source=old.source,
            queue_class=old.queue_class,
            queued_at=now,
            booked_slot_start=old.booked_slot_start,
            issued_at=now,
            issued_by=operator,
            phone=old.phone,
            language=old.language,
            # Served at a counter already: in the hall, whatever it was taken from.
            checked_in_at=old.checked_in_at or now,
            transferred_from=old,
        )
        code_moved(new.code)
        _count_toward_quota(new, promised=True)
        _record(
            ticket=new,
            action=Action.TRANSFERRED,
            from_status="",
            actor=operator,
            note=_("Dari %(service)s") % {"service": old.service.name},
            at=now,
        )
    return new
