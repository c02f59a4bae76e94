"""Every write of the queue: tickets and counters, one transaction each."""

from counters.queue.services.counters import (
    counter_close,
    counter_open,
    counter_pause,
    counter_resume,
)
from counters.queue.services.online import ONLINE_TICKETS_PER_NIK, ticket_take_online
from counters.queue.services.tickets import (
    ticket_call,
    ticket_call_next,
    ticket_cancel,
    ticket_check_in,
    ticket_finish,
    ticket_issue,
    ticket_no_show,
    ticket_recall,
    ticket_send_back,
    ticket_start,
    ticket_transfer,
)

# An operator's actions on a ticket that need nothing but the ticket, by the name the
# console and the API use for them.
TICKET_ACTIONS = {
    "recall": ticket_recall,
    "start": ticket_start,
    "finish": ticket_finish,
    "no-show": ticket_no_show,
    "send-back": ticket_send_back,
}

__all__ = [
    "ONLINE_TICKETS_PER_NIK",
    "TICKET_ACTIONS",
    "counter_close",
    "counter_open",
    "counter_pause",
    "counter_resume",
    "ticket_call",
    "ticket_call_next",
    "ticket_cancel",
    "ticket_check_in",
    "ticket_finish",
    "ticket_issue",
    "ticket_no_show",
    "ticket_recall",
    "ticket_send_back",
    "ticket_start",
    "ticket_take_online",
    "ticket_transfer",
]
