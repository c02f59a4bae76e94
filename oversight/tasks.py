"""The watch's periodic work, run by the worker every minute."""

from dataclasses import asdict

from procrastinate.contrib.django import app

from oversight.messages import incidents_tell
from oversight.services import incidents_detect


@app.periodic(cron="* * * * *")
@app.task(name="oversight.detect", queueing_lock="oversight_detect")
def detect_incidents(timestamp: int) -> dict:
    return asdict(incidents_detect())


__all__ = ["detect_incidents", "incidents_tell"]
