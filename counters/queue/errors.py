"""Broken queue rules, told to staff and visitors in Indonesian and mapped to HTTP."""

from common.errors import DomainError


class InvalidTransition(DomainError):
    status = 409
    code = "invalid_transition"


class QuotaFull(DomainError):
    status = 409
    code = "quota_full"


class ServiceClosed(DomainError):
    status = 409
    code = "service_closed"


class CounterUnavailable(DomainError):
    status = 409
    code = "counter_unavailable"


class NotYourTicket(DomainError):
    status = 403
    code = "permission_denied"
