"""The task queue's own housekeeping, run by the workers."""

from procrastinate.contrib.django import app

# Finished jobs stay this long for the admin (their arguments are ids, no personal data).
FINISHED_JOBS_KEPT_HOURS = 30 * 24


@app.periodic(cron="*/5 * * * *")
@app.task(
    name="mpp.retry_stalled_jobs",
    queueing_lock="retry_stalled_jobs",
    pass_context=True,
)
async def retry_stalled_jobs(context, timestamp: int) -> None:
    """Jobs of a worker that stopped sending heartbeats (killed, its machine gone) run
    again: a message cut off mid-attempt is then settled by its claim
    (notifications.delivery)."""
    for job in await context.app.job_manager.get_stalled_jobs():
        await context.app.job_manager.retry_job(job)


@app.periodic(cron="45 18 * * *")  # 02:45 WITA (cron times are UTC)
@app.task(name="mpp.remove_old_jobs", queueing_lock="remove_old_jobs", pass_context=True)
async def remove_old_jobs(context, timestamp: int) -> None:
    await context.app.job_manager.delete_old_jobs(
        nb_hours=FINISHED_JOBS_KEPT_HOURS,
        include_failed=True,
        include_cancelled=True,
        include_aborted=True,
    )
