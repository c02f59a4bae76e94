"""Errors of the UMKM app: a broken rule, told to the user in Indonesian; nothing changed."""


class UmkmError(Exception):
    status = 409
    code = "conflict"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class InvalidPhoto(UmkmError):
    status = 422
    code = "invalid_photo"
