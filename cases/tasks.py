"""The cases' periodic work and deferred e-mails, run by the worker."""

from procrastinate.contrib.django import app

from cases.overdue import (
    case_escalation_email,
    case_overdue_email,
    cases_escalate,
    cases_flag_overdue,
)


@app.periodic(cron="*/5 * * * *")
@app.task(name="cases.watch_due_dates", queueing_lock="watch_case_due_dates")
def watch_due_dates(timestamp: int) -> dict:
    return {"overdue": cases_flag_overdue(), "escalated": cases_escalate()}


__all__ = ["case_escalation_email", "case_overdue_email", "watch_due_dates"]
