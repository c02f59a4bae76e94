"""Reading a refusal of PostgreSQL: which named constraint a write broke."""

from django.db import IntegrityError
from django.db.models import BaseConstraint


def broke(error: IntegrityError, constraint: BaseConstraint) -> bool:
    """Decided by the constraint name that the driver reports (psycopg2's diagnostics), not
    by the message text, which changes with the server's language and names columns too."""
    diag = getattr(error.__cause__, "diag", None)
    return getattr(diag, "constraint_name", None) == constraint.name
