"""Broken complaint rules, told in Indonesian and mapped to HTTP."""

from common.errors import DomainError


class InvalidComplaintStep(DomainError):
    status = 409
    code = "invalid_transition"


class ComplaintRefused(DomainError):
    """What was sent cannot be taken: a missing field, a contact on an anonymous report."""

    status = 422
    code = "invalid"


class ComplaintLookupLimited(DomainError):
    """Too many tries today, from this address or at this complaint's number."""

    status = 429
    code = "throttled"
