"""Every write of the queue: tickets and counters, one transaction each."""

from counters.queue.services.counters import (
    counter_close,
    counter_open,
    counter_pause,
    counter_resume,
)
from counters.queue.services.tickets import (
    ticket_call,
    ticket_call_next,
    ticket_cancel,
    ticket_finish,
    ticket_issue,
    ticket_no_show,
    ticket_recall,
    ticket_send_back,
    ticket_start,
    ticket_transfer,
)

__all__ = [
    "counter_close",
    "counter_open",
    "counter_pause",
    "counter_resume",
    "ticket_call",
    "ticket_call_next",
    "ticket_cancel",
    "ticket_finish",
    "ticket_issue",
    "ticket_no_show",
    "ticket_recall",
    "ticket_send_back",
    "ticket_start",
    "ticket_transfer",
]
