"""Opening, pausing and closing a counter by its operator."""

from django.db import transaction
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from common import clock
from common.errors import DomainError
from counters.queue.caching import queue_changed
from counters.queue.errors import CounterUnavailable
from counters.queue.models import Counter, CounterPause, Ticket


def _busy() -> CounterUnavailable:
    return CounterUnavailable(_("Selesaikan tiket yang sedang dipanggil atau dilayani dulu."))


def _lock(counter: Counter) -> Counter:
    """The counter row, locked so that open/pause/close of one counter don't interleave."""
    locked = (
        Counter.objects.select_for_update(of=("self",)).filter(pk=counter.pk).order_by().first()
    )
    if locked is None:
        raise DomainError(_("Loket tidak ditemukan."), code="not_found", status=404)
    return locked


def _has_active_ticket(counter_ids: list[int]) -> bool:
    with scopes_disabled():
        return Ticket.objects.filter(counter_id__in=counter_ids, status__in=Ticket.ACTIVE).exists()


def _end_pause(counter: Counter) -> None:
    CounterPause.objects.filter(counter=counter, ended_at__isnull=True).update(ended_at=clock.now())


def counter_open(*, counter: Counter, operator) -> Counter:
    """The operator sits at this counter (leaving any other one they held) and opens it."""
    queue_changed(counter.location_id)
    with transaction.atomic():
        locked = _lock(counter)
        if locked.operator_id not in (None, operator.pk) and _has_active_ticket([locked.pk]):
            raise CounterUnavailable(_("Loket ini sedang dipakai petugas lain."))
        # The operator's other seat may belong to another agency they also work for.
        with scopes_disabled():
            elsewhere = list(
                Counter.objects.filter(operator=operator)
                .exclude(pk=locked.pk)
                .values_list("pk", flat=True)
            )
            if _has_active_ticket(elsewhere):
                raise _busy()
            Counter.objects.filter(pk__in=elsewhere).update(operator=None, is_open=False)
        locked.operator = operator
        locked.is_open = True
        locked.save(update_fields=["operator", "is_open"])
    return locked


def _own_open_counter(counter: Counter, operator) -> Counter:
    locked = _lock(counter)
    if not locked.is_open or locked.operator_id != operator.pk:
        raise CounterUnavailable(_("Loket ini tidak sedang Anda buka."))
    return locked


def counter_close(*, counter: Counter, operator) -> Counter:
    queue_changed(counter.location_id)
    with transaction.atomic():
        locked = _own_open_counter(counter, operator)
        if _has_active_ticket([locked.pk]):
            raise _busy()
        _end_pause(locked)
        locked.operator = None
        locked.is_open = False
        locked.save(update_fields=["operator", "is_open"])
    return locked


def counter_pause(*, counter: Counter, operator, reason: str, note: str = "") -> CounterPause:
    queue_changed(counter.location_id)
    if reason not in CounterPause.Reason.values:
        raise DomainError(_("Pilih alasan jeda."), code="invalid", status=422)
    with transaction.atomic():
        locked = _own_open_counter(counter, operator)
        if _has_active_ticket([locked.pk]):
            raise _busy()
        if CounterPause.objects.filter(counter=locked, ended_at__isnull=True).exists():
            raise CounterUnavailable(_("Loket sudah dalam jeda."))
        return CounterPause.objects.create(
            agency_id=locked.agency_id,
            counter=locked,
            operator=operator,
            reason=reason,
            note=note.strip()[:255],
            started_at=clock.now(),
        )


def counter_resume(*, counter: Counter, operator) -> Counter:
    queue_changed(counter.location_id)
    with transaction.atomic():
        locked = _own_open_counter(counter, operator)
        if not CounterPause.objects.filter(counter=locked, ended_at__isnull=True).exists():
            raise CounterUnavailable(_("Loket tidak sedang jeda."))
        _end_pause(locked)
    return locked
