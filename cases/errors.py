"""Broken case rules, told in Indonesian and mapped to HTTP."""

from common.errors import DomainError


class InvalidCaseTransition(DomainError):
    status = 409
    code = "invalid_transition"


class CaseRefused(DomainError):
    """What was sent cannot make a case: a missing reason, a foreign ticket, a bad NIK."""

    status = 422
    code = "invalid"


class CaseNotFound(DomainError):
    """A lookup whose code or NIK digits do not match: one answer for both, so that it
    never tells whether a code exists."""

    status = 404
    code = "not_found"


class CaseLookupLimited(DomainError):
    """Too many wrong NIK digits for one code today (cases.limits)."""

    status = 429
    code = "throttled"
