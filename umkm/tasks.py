"""The UMKM booths' periodic work, run by the worker."""

from procrastinate.contrib.django import app

from umkm.booth_messages import booth_send_reminders


# Cron times are UTC, as procrastinate reads them: 09:00 UTC is 17:00 WITA, the evening
# before a period starts.
@app.periodic(cron="0 9 * * *")
@app.task(name="umkm.send_booth_reminders", queueing_lock="send_booth_reminders")
def send_booth_reminders(timestamp: int) -> int:
    return booth_send_reminders()
