"""Side effects of a write (messages, cache versions, file removal) run after its commit."""

import logging
from collections.abc import Callable

from django.db import transaction

logger = logging.getLogger("mpp.side_effects")


def after_commit(effect: Callable[[], object]) -> None:
    """Run `effect` once the current transaction has committed (at once outside one).

    The write it follows is done by then: a failing side effect is logged for the admins
    and never turns the finished action into an error page."""

    def run() -> None:
        try:
            effect()
        except Exception:
            logger.exception("Side effect %s after commit failed", effect.__qualname__)

    transaction.on_commit(run)
