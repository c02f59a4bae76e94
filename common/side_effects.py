"""Side effects of a write (messages, cache versions, file removal) run after its commit."""

import logging
from collections.abc import Callable

from django.db import transaction
from procrastinate import jobs, manager
from procrastinate.contrib.django.django_connector import DjangoConnector
from procrastinate.contrib.django.models import ProcrastinateJob

logger = logging.getLogger("mpp.side_effects")
DJANGO_TRANSACTION_JOBS = manager.JobManager(DjangoConnector())


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


def defer_on_commit(
    task, *, delay_seconds: float | None = None, once: bool = False, **task_kwargs
) -> None:
    """Enqueue a Procrastinate `task` for a worker, to run once the current transaction
    has committed (`delay_seconds` later).

    The job is a row written through Django's connection, in the current transaction: workers
    see it exactly when the write it follows commits, a rollback takes it back, and no crash
    between the commit and the enqueueing can lose it. The request only writes the row; the
    slow or failing work (a gateway, a mail server) happens in the worker. A worker's own
    connector (`manage.py procrastinate worker` replaces the app's) writes outside Django's
    transaction, hence the explicit Django connector here, in web and worker alike.
    `once`: not again when a job of `task` with the same arguments exists (finished jobs
    are kept a month)."""
    if once and ProcrastinateJob.objects.filter(task_name=task.name, args=task_kwargs).exists():
        return  # queued (or done) already: what is told again is told once
    options = {"schedule_in": {"seconds": delay_seconds}} if delay_seconds else {}
    job = task.configure(**options).job
    jobs.JobDeferrer(job_manager=DJANGO_TRANSACTION_JOBS, job=job).defer(**task_kwargs)
