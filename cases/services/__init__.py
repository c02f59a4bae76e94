"""Every write to a case: open (at the counter, finishing the visit, or by the back
office), change status (one or a selection), assign, note, set its unit and reference,
transfer, and the citizen's number for its messages. One transaction each, with its audit
row; the citizen's message is queued in the same transaction."""

from cases.services.changes import (
    case_add_note,
    case_assign,
    case_change_status,
    case_change_status_many,
    case_set_details,
    case_transfer,
)
from cases.services.contact import case_messages_allow, case_messages_stop
from cases.services.opening import case_open, case_open_at_counter, case_open_by_staff
from cases.services.records import apply_status

__all__ = [
    "apply_status",
    "case_add_note",
    "case_assign",
    "case_change_status",
    "case_change_status_many",
    "case_messages_allow",
    "case_messages_stop",
    "case_open",
    "case_open_at_counter",
    "case_open_by_staff",
    "case_set_details",
    "case_transfer",
]
