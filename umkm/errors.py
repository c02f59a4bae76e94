"""Errors of the UMKM app: the project's domain error, specialised for a rejected photo."""

from common.errors import DomainError


class InvalidPhoto(DomainError):
    status = 422
    code = "invalid_photo"
