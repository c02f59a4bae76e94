"""Data of the counters app; each area of the app keeps its models in its own module."""

from counters.models.booking import (
    Booking,
    BookingClosure,
    BookingEvent,
    BookingSchedule,
    BookingSlot,
    PersonalDataAccess,
)
from counters.models.queue import (
    AgencySchedule,
    BoardSetting,
    Counter,
    CounterPause,
    DailyIssueCount,
    DailyQuota,
    Priority,
    Ticket,
    TicketEvent,
    TicketSequence,
)
from counters.models.survey import ELEMENT_FIELDS, ELEMENTS, SurveyResponse

__all__ = [
    "Booking",
    "BookingClosure",
    "BookingEvent",
    "BookingSchedule",
    "BookingSlot",
    "AgencySchedule",
    "BoardSetting",
    "Counter",
    "CounterPause",
    "DailyIssueCount",
    "DailyQuota",
    "ELEMENTS",
    "ELEMENT_FIELDS",
    "PersonalDataAccess",
    "Priority",
    "SurveyResponse",
    "Ticket",
    "TicketEvent",
    "TicketSequence",
]
