"""Data of the counters app; each area of the app keeps its models in its own module."""

from counters.booking.models import (
    Booking,
    BookingClosure,
    BookingEvent,
    BookingSchedule,
    BookingSlot,
    PersonalDataAccess,
)
from counters.queue.models import (
    AgencySchedule,
    BoardSetting,
    Counter,
    CounterPause,
    DailyIssueCount,
    DailyQuota,
    Priority,
    QueueSetting,
    Ticket,
    TicketEvent,
    TicketSequence,
)
from counters.survey.models import ELEMENT_FIELDS, ELEMENTS, SurveyResponse
from counters.survey.report_models import SkmFollowUp, SkmReport
from counters.survey.suggestions.models import Suggestion, SuggestionEvent

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
    "QueueSetting",
    "SkmFollowUp",
    "SkmReport",
    "Suggestion",
    "SuggestionEvent",
    "SurveyResponse",
    "Ticket",
    "TicketEvent",
    "TicketSequence",
]
