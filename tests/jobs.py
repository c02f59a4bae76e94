"""Running the task queue's jobs inside a test's transaction.

A job is a row written in the transaction of the write it follows (common.side_effects);
here the test runs the due ones in process, as a worker would, so that a test wrapped in
a transaction sees their effects. Worker processes themselves are tested in
tests/notifications/test_tasks.py."""

from django.db.models import Q
from procrastinate.contrib.django import app
from procrastinate.contrib.django.models import ProcrastinateJob

from common import clock


def run_jobs(*task_names: str, rounds: int = 10) -> int:
    """Run the due jobs of these tasks (every task when none is named), and those they
    queue in turn; returns how many ran."""
    ran = 0
    for _round in range(rounds):
        due = ProcrastinateJob.objects.filter(status="todo").filter(
            Q(scheduled_at__isnull=True) | Q(scheduled_at__lte=clock.now())
        )
        if task_names:
            due = due.filter(task_name__in=task_names)
        jobs = list(due.order_by("id"))
        if not jobs:
            return ran
        for job in jobs:
            ProcrastinateJob.objects.filter(pk=job.pk).update(status="doing")
            app.tasks[job.task_name](**job.args)
            ProcrastinateJob.objects.filter(pk=job.pk).update(status="succeeded")
            ran += 1
    return ran
