"""The worker's tasks of the outbox: sending (notifications.delivery) and erasing old
messages with the rest of the citizens' personal data."""

from datetime import timedelta

from django.conf import settings
from procrastinate.contrib.django import app

from common import clock
from notifications.delivery import deliver_message
from notifications.services import messages_erase

__all__ = ["deliver_message", "erase_old_messages"]


@app.periodic(cron="30 18 * * *")  # 02:30 WITA (cron times are UTC)
@app.task(name="notifications.erase_old_messages", queueing_lock="erase_old_messages")
def erase_old_messages(timestamp: int) -> int:
    return messages_erase(
        before=clock.today() - timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)
    )
