"""The ticket life cycle: issue, call, serve, finish, skip, send back, transfer, cancel."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from common import clock
from common.errors import DomainError
from counters.caching import queue_changed
from counters.errors import (
    CounterUnavailable,
    InvalidTransition,
    NotYourTicket,
    QuotaFull,
    ServiceClosed,
)
from counters.models import Counter, CounterPause, DailyQuota, Priority, Ticket, TicketEvent
from counters.prepared import PreparedStatement
from counters.selectors.reference import presence_and_pace, service_by_id
from counters.selectors.schedule import closed_reason_of, service_closed_reason
from counters.selectors.tickets import position_of
from services.models import Location, Service

Status = Ticket.Status
Action = TicketEvent.Action
# A field value meaning "the moment of this transition".
NOW = object()

# The service's daily tally at the location, bumped by one. The agency's daily quota, if
# any, refuses a walk-in (the tally returns no row) once it is reached. A visitor who was
# promised a place is never refused by it but counts toward it: a booking checking in (the
# booking was the promise) and a transfer (the visitor is already in the hall, served,
# and keeps their place). ON CONFLICT DO UPDATE keeps the tally row locked until commit.
TALLY_TYPES = {"service": "bigint", "location": "bigint", "day": "date", "promised": "boolean"}
TALLY = """
quota AS (
    SELECT (SELECT q."limit" FROM counters_dailyquota q
            WHERE q.service_id = %(service)s AND q.location_id = %(location)s) AS "limit"
), tally AS (
    INSERT INTO counters_dailyissuecount AS c (service_id, location_id, day, issued)
    SELECT %(service)s, %(location)s, %(day)s, 1 FROM quota
    WHERE %(promised)s OR quota."limit" IS NULL OR quota."limit" > 0
    ON CONFLICT (service_id, location_id, day) DO UPDATE SET issued = c.issued + 1
    WHERE %(promised)s OR c.issued < COALESCE((SELECT "limit" FROM quota), c.issued + 1)
    RETURNING issued
)"""

# One statement, one round trip, its own transaction when no outer one is open: bump the
# tally (above), take the next number of the location/prefix/day sequence, insert the
# ticket and its audit row. Both counter rows stay locked until commit, so parallel kiosks
# queue up here, for the length of this one statement: the quota can't be exceeded and
# numbers are consecutive. The tally is always locked before the sequence (no deadlock);
# a refused tally inserts nothing further.
ISSUE = PreparedStatement(
    "ticket_issue",
    {
        **TALLY_TYPES,
        "prefix": "varchar",
        "agency": "bigint",
        "code": "varchar",
        "priority": "varchar",
        "source": "varchar",
        "queue_class": "smallint",
        "queued_at": "timestamptz",
        "booked_slot_start": "timestamptz",
        "now": "timestamptz",
        "issued_by": "integer",
    },
    "WITH"  # noqa: S608 — constant fragments, no input
    + TALLY
    + """, sequence AS (
    INSERT INTO counters_ticketsequence AS s (location_id, prefix, day, last_number)
    SELECT %(location)s, %(prefix)s, %(day)s, 1 FROM tally
    ON CONFLICT (location_id, prefix, day) DO UPDATE SET last_number = s.last_number + 1
    RETURNING last_number
), ticket AS (
    INSERT INTO counters_ticket (
        agency_id, location_id, service_id, day, prefix, number, code, priority, source,
        status, queue_class, queued_at, booked_slot_start, issued_at, recall_count,
        issued_by_id
    )
    SELECT %(agency)s, %(location)s, %(service)s, %(day)s, %(prefix)s, last_number, %(code)s,
        %(priority)s, %(source)s, 'waiting', %(queue_class)s, %(queued_at)s,
        %(booked_slot_start)s, %(now)s, 0, %(issued_by)s
    FROM sequence
    RETURNING id, number
), event AS (
    INSERT INTO counters_ticketevent (
        agency_id, location_id, ticket_id, action, from_status, to_status, note, at, actor_id
    )
    SELECT %(agency)s, %(location)s, id, 'issued', '', 'waiting', '', %(now)s, %(issued_by)s
    FROM ticket
)
SELECT id, number, (
    -- Those called before it (counters.selectors.tickets.ticket_position): the statement's
    -- snapshot holds every earlier ticket and not this one, the newest of its class.
    SELECT count(*) FROM counters_ticket w
    WHERE w.status = 'waiting' AND w.service_id = %(service)s
        AND w.location_id = %(location)s AND w.day = %(day)s
        AND (w.queue_class < %(queue_class)s
             OR (w.queue_class = %(queue_class)s AND w.queued_at <= %(queued_at)s))
) AS ahead
FROM ticket
""",
)

# A transfer's new ticket keeps the visitor's number, so it takes no number: it only counts.
TRANSFER_TALLY = PreparedStatement(
    "ticket_transfer_tally",
    TALLY_TYPES,
    "WITH" + TALLY + " SELECT issued FROM tally",  # noqa: S608 — constant fragments, no input
)


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
    queue_changed(ticket.location_id)
    return TicketEvent.objects.create(
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
) -> Ticket:
    """A new waiting ticket with the next number of the day; refused when closed or full.
    Its `position_when_issued` says how many of its service were to be called before it
    and the estimated wait."""
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
    )
    row = ISSUE.execute(
        {
            "agency": service.agency_id,
            "location": location.pk,
            "service": service.pk,
            "day": ticket.day,
            # A booking was the promise: its check-in is never refused by the walk-in quota.
            "promised": source == Ticket.Source.BOOKING,
            "prefix": ticket.prefix,
            "code": ticket.code,
            "priority": priority,
            "source": source,
            "queue_class": queue_class,
            "queued_at": ticket.queued_at,
            "booked_slot_start": booked_slot_start,
            "now": now,
            "issued_by": issuer.pk if issuer else None,
        },
    )
    if row is None:
        raise _quota_full(service=service, location=location)
    ticket.pk, ticket.number = row["id"], row["number"]
    ticket._state.adding = False
    ticket.position_when_issued = position_of(ticket, ahead=row["ahead"], pace=pace)
    queue_changed(location.pk)
    return ticket


def _quota_full(*, service: Service, location: Location) -> QuotaFull:
    with scopes_disabled():
        limit = (
            DailyQuota.objects.filter(service=service, location=location)
            .values_list("limit", flat=True)
            .first()
        )
    return QuotaFull(
        _("Kuota %(service)s hari ini (%(limit)d antrian) sudah habis.")
        % {"service": service.name, "limit": limit or 0}
    )


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
    allowed: tuple[str, ...],
    verb: str,
    action: str,
    to: str,
    actor,
    own: bool = True,
    note: str = "",
    **fields,
) -> Ticket:
    """Lock, check the transition (and that the actor holds the ticket), apply, record."""
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


def _refuse_counter(counter: Counter | None, operator) -> None:
    """Raise why this operator can't call at this counter now, if a reason holds."""
    if counter is None:
        raise DomainError(_("Loket tidak ditemukan."), code="not_found", status=404)
    if not counter.is_open or counter.operator_id != operator.pk:
        raise CounterUnavailable(_("Buka loket ini dulu sebelum memanggil."))
    if CounterPause.objects.filter(counter=counter, ended_at__isnull=True).exists():
        raise CounterUnavailable(_("Loket sedang jeda. Lanjutkan dulu sebelum memanggil."))
    if Ticket.objects.filter(
        Q(counter=counter) | Q(operator=operator), status__in=Ticket.ACTIVE
    ).exists():
        raise CounterUnavailable(_("Selesaikan tiket yang sedang dipanggil atau dilayani dulu."))


def _lock_counter(*, counter: Counter, operator) -> Counter:
    """The counter row, locked so that one counter's calls (double clicks, two tabs) run one
    at a time; checked to be open, worked by this operator, not paused and free."""
    # Only this row: the model's default ordering joins the location, and FOR UPDATE on that
    # join would make every counter of the location wait for each other.
    locked = (
        Counter.objects.select_for_update(of=("self",)).filter(pk=counter.pk).order_by().first()
    )
    _refuse_counter(locked, operator)
    return locked


def _mark_called(
    *, ticket: Ticket, counter: Counter, operator, now: datetime, note: str = ""
) -> Ticket:
    ticket.status = Status.CALLED
    ticket.counter = counter
    ticket.operator = operator
    ticket.called_at = now
    try:
        # The partial unique constraints (one active ticket per operator and per counter)
        # are the last guard, e.g. for an operator's ticket in another agency's counter.
        with transaction.atomic():
            ticket.save(update_fields=["status", "counter", "operator", "called_at"])
    except IntegrityError as error:
        raise CounterUnavailable(
            _("Selesaikan tiket yang sedang dipanggil atau dilayani dulu.")
        ) from error
    _record(
        ticket=ticket,
        action=Action.CALLED,
        from_status=Status.WAITING,
        actor=operator,
        counter=counter,
        note=note,
        at=now,
    )
    return ticket


# One statement: lock the counter row if it may call (open, this operator's, not paused,
# nobody called or served there or by this operator), take the first waiting ticket of its
# services in call order, skipping any that another counter is locking at this instant
# (SKIP LOCKED: two counters never get the same ticket and neither waits), mark it called
# and write the audit row. A second call racing on the same counter waits for the lock and
# then meets the one-active-ticket-per-counter constraint, which refuses it.
# Only the first CALL_DEPTH waiting of each service are sorted, not the whole line: at one
# instant at most one ticket per counter is being locked, and no service has that many
# counters, so the first unlocked ticket is always among them.
CALL_DEPTH = 32
CALL_NEXT = PreparedStatement(
    "ticket_call_next",
    {
        "counter": "bigint",
        "operator": "integer",
        "location": "bigint",
        "day": "date",
        "depth": "integer",
        "now": "timestamptz",
    },
    """
WITH counter AS (
    SELECT c.id FROM counters_counter c
    WHERE c.id = %(counter)s AND c.is_open AND c.operator_id = %(operator)s
        AND NOT EXISTS (SELECT 1 FROM counters_counterpause p
                        WHERE p.counter_id = c.id AND p.ended_at IS NULL)
        AND NOT EXISTS (SELECT 1 FROM counters_ticket a
                        WHERE (a.counter_id = c.id OR a.operator_id = %(operator)s)
                            AND a.status IN ('called', 'serving'))
    FOR UPDATE OF c
), candidates AS (
    -- The head of each of the counter's services' lines (index ticket_waiting_by_service).
    SELECT w.id, w.queue_class, w.queued_at FROM counters_counter_services cs
    CROSS JOIN LATERAL (
        SELECT t.id, t.queue_class, t.queued_at FROM counters_ticket t
        WHERE t.status = 'waiting' AND t.location_id = %(location)s
            AND t.service_id = cs.service_id AND t.day = %(day)s
        ORDER BY t.queue_class, t.queued_at, t.id
        LIMIT %(depth)s
    ) w
    WHERE cs.counter_id = %(counter)s AND EXISTS (SELECT 1 FROM counter)
), next AS (
    -- In call order (as Ticket.CALL_ORDER), the first that no other counter is locking.
    SELECT taken.id FROM (
        SELECT * FROM candidates ORDER BY queue_class, queued_at, id
    ) candidate
    CROSS JOIN LATERAL (
        SELECT t.id FROM counters_ticket t
        WHERE t.id = candidate.id AND t.status = 'waiting'
        FOR UPDATE SKIP LOCKED
    ) taken
    ORDER BY candidate.queue_class, candidate.queued_at, candidate.id
    LIMIT 1
), called AS (
    UPDATE counters_ticket t
    SET status = 'called', counter_id = %(counter)s, operator_id = %(operator)s,
        called_at = %(now)s
    FROM next WHERE t.id = next.id
    RETURNING t.*
), event AS (
    INSERT INTO counters_ticketevent (
        agency_id, location_id, ticket_id, action, from_status, to_status, counter_id,
        actor_id, note, at
    )
    SELECT agency_id, location_id, id, 'called', 'waiting', 'called', %(counter)s,
        %(operator)s, '', %(now)s
    FROM called
)
SELECT (SELECT count(*) FROM counter) AS may_call, called.*
FROM (SELECT 1) AS one LEFT JOIN called ON true
""",
)


def ticket_call_next(*, counter: Counter, operator) -> Ticket | None:
    """Call the first waiting ticket of the counter's services: priority visitors, then
    checked-in bookings, then arrival order. None when nobody waits."""
    now = clock.now()
    params = {
        "counter": counter.pk,
        "location": counter.location_id,
        "depth": CALL_DEPTH,
        "operator": operator.pk,
        "day": clock.local_day(now),
        "now": now,
    }
    try:
        row = CALL_NEXT.execute(params)
    except IntegrityError as error:
        raise CounterUnavailable(
            _("Selesaikan tiket yang sedang dipanggil atau dilayani dulu.")
        ) from error
    if not row.pop("may_call"):
        _refuse_counter(Counter.objects.filter(pk=counter.pk).order_by().first(), operator)
        raise CounterUnavailable(_("Loket ini belum bisa memanggil. Coba lagi."))
    if row["id"] is None:
        return None
    queue_changed(counter.location_id)
    ticket = Ticket(**row)
    ticket._state.adding = False
    ticket.counter, ticket.agency, ticket.location = counter, counter.agency, counter.location
    ticket.service = service_by_id(ticket.service_id)
    return ticket


def ticket_call(*, ticket: Ticket, counter: Counter, operator, reason: str) -> Ticket:
    """Call one specific waiting ticket out of order; the reason goes in the audit trail."""
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Tulis alasan memanggil tiket ini lebih dulu."), code="invalid")
    now = clock.now()
    with transaction.atomic():
        counter = _lock_counter(counter=counter, operator=operator)
        locked = _lock_ticket(ticket)
        if locked.status != Status.WAITING:
            raise _refuse(locked, _("dipanggil"))
        serves = counter.services.filter(pk=locked.service_id).exists()
        if locked.location_id != counter.location_id or not serves:
            raise CounterUnavailable(_("Loket ini tidak melayani tiket tersebut."))
        return _mark_called(ticket=locked, counter=counter, operator=operator, now=now, note=reason)


def ticket_recall(*, ticket: Ticket, operator) -> Ticket:
    with transaction.atomic():
        locked = _lock_ticket(ticket)
        return _change(
            ticket=locked,
            allowed=(Status.CALLED,),
            verb=_("dipanggil ulang"),
            action=Action.RECALLED,
            to=Status.CALLED,
            actor=operator,
            recall_count=locked.recall_count + 1,
        )


def ticket_start(*, ticket: Ticket, operator) -> Ticket:
    return _change(
        ticket=ticket,
        allowed=(Status.CALLED,),
        verb=_("mulai dilayani"),
        action=Action.STARTED,
        to=Status.SERVING,
        actor=operator,
        started_at=NOW,
    )


def ticket_finish(*, ticket: Ticket, operator) -> Ticket:
    return _change(
        ticket=ticket,
        allowed=(Status.SERVING,),
        verb=_("diselesaikan"),
        action=Action.FINISHED,
        to=Status.DONE,
        actor=operator,
        finished_at=NOW,
    )


def ticket_no_show(*, ticket: Ticket, operator) -> Ticket:
    return _change(
        ticket=ticket,
        allowed=(Status.CALLED,),
        verb=_("ditandai tidak hadir"),
        action=Action.NO_SHOW,
        to=Status.NO_SHOW,
        actor=operator,
        finished_at=NOW,
    )


def ticket_send_back(*, ticket: Ticket, operator) -> Ticket:
    """The called visitor is not ready: back to the end of the waiting line."""
    return _change(
        ticket=ticket,
        allowed=(Status.CALLED,),
        verb=_("dikembalikan ke antrian"),
        action=Action.SENT_BACK,
        to=Status.WAITING,
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
        allowed=(Status.WAITING, Status.CALLED),
        verb=_("dibatalkan"),
        action=Action.CANCELLED,
        to=Status.CANCELLED,
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
            allowed=(Status.SERVING,),
            verb=_("dialihkan"),
            action=Action.TRANSFERRED,
            to=Status.TRANSFERRED,
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
            transferred_from=old,
        )
        TRANSFER_TALLY.execute(
            {"service": service.pk, "location": old.location_id, "day": old.day, "promised": True}
        )
        _record(
            ticket=new,
            action=Action.TRANSFERRED,
            from_status="",
            actor=operator,
            note=_("Dari %(service)s") % {"service": old.service.name},
            at=now,
        )
    return new
