"""Reading a refusal of PostgreSQL: which named constraint a write broke, which SQLSTATE."""

from django.db import DatabaseError, IntegrityError
from django.db.models import BaseConstraint


def broke(error: IntegrityError, constraint: BaseConstraint) -> bool:
    """Decided by the constraint name that the driver reports (psycopg's diagnostics), not
    by the message text, which changes with the server's language and names columns too."""
    diag = getattr(error.__cause__, "diag", None)
    return getattr(diag, "constraint_name", None) == constraint.name


def sqlstate(error: DatabaseError) -> str | None:
    """PostgreSQL's five-character code of the error (e.g. 55P03, lock not available)."""
    return getattr(getattr(error.__cause__, "diag", None), "sqlstate", None)
