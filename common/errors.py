"""Domain errors: a broken business rule, told to the user and mapped to an HTTP status."""


class DomainError(Exception):
    """Raised by service functions; the state is left unchanged. `code` is stable for API
    clients, the message is for people (Indonesian)."""

    status = 409
    code = "conflict"

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        if status:
            self.status = status
