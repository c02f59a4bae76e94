"""Queuing a test message and reading what the worker was asked to do."""

from procrastinate.contrib.django.models import ProcrastinateJob

from notifications.models import Message
from notifications.services import message_queue
from tests.notifications.conftest import EMAIL, PHONE

CONTEXT = {
    "service": "KTP-el",
    "date": "04-12-2026",
    "time": "09:00",
    "code": "K7Q2MP",
    "link": "https://mpp.kutaitimurkab.go.id/reservasi/K7Q2MP/",
}


def queue(key: str = "booking:K7Q2MP:confirmation", **kwargs) -> Message | None:
    return message_queue(
        template="booking_confirmation",
        context=CONTEXT,
        idempotency_key=key,
        phone=PHONE,
        email=EMAIL,
        **kwargs,
    )


def delivery_jobs(message: Message) -> list[ProcrastinateJob]:
    return list(
        ProcrastinateJob.objects.filter(
            task_name="notifications.deliver_message", args={"message_id": message.pk}
        ).order_by("id")
    )
