"""The worker's tasks of the outbox: sending (notifications.delivery), recovering jobs of a
worker that died, erasing old messages with the rest of the citizens' personal data."""

from datetime import timedelta

from django.conf import settings
from procrastinate.contrib.django import app

from common import clock
from notifications.delivery import deliver_message
from notifications.services import messages_erase

__all__ = ["deliver_message", "erase_old_messages", "retry_stalled_jobs"]


@app.periodic(cron="*/5 * * * *")
@app.task(
    name="notifications.retry_stalled_jobs", queueing_lock="retry_stalled_jobs", pass_context=True
)
async def retry_stalled_jobs(context, timestamp: int) -> None:
    """Jobs of a worker that stopped sending heartbeats (killed, its machine gone) run
    again: a message cut off mid-attempt is then settled by its claim (delivery)."""
    for job in await context.app.job_manager.get_stalled_jobs():
        await context.app.job_manager.retry_job(job)


@app.periodic(cron="30 18 * * *")  # 02:30 WITA (cron times are UTC)
@app.task(name="notifications.erase_old_messages", queueing_lock="erase_old_messages")
def erase_old_messages(timestamp: int) -> int:
    return messages_erase(
        before=clock.today() - timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)
    )
