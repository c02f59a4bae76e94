"""Broken case rules, told in Indonesian and mapped to HTTP."""

from common.errors import DomainError


class InvalidCaseTransition(DomainError):
    status = 409
    code = "invalid_transition"


class CaseRefused(DomainError):
    """What was sent cannot make a case: a missing reason, a foreign ticket, a bad NIK."""

    status = 422
    code = "invalid"
