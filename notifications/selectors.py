"""Reads of the outbox that the admin sites share."""

from django.db.models import Count, Q, QuerySet

from notifications.models import Channel, Message

SENT_OR_LATER = [Message.State.SENT, Message.State.DELIVERED, Message.State.READ]
DELIVERED_OR_LATER = [Message.State.DELIVERED, Message.State.READ]


def delivery_rates(messages: QuerySet[Message]) -> list[dict]:
    """Per channel: how many messages, and the share sent (accepted by the provider),
    delivered (reached the phone; WhatsApp reports it, e-mail cannot), read and failed."""
    rows = (
        messages.order_by()
        .values("channel")
        .annotate(
            total=Count("pk"),
            sent=Count("pk", filter=Q(state__in=SENT_OR_LATER)),
            delivered=Count("pk", filter=Q(state__in=DELIVERED_OR_LATER)),
            read=Count("pk", filter=Q(state=Message.State.READ)),
            failed=Count("pk", filter=Q(state=Message.State.FAILED)),
        )
        .order_by("channel")
    )
    return [
        {
            **row,
            "label": Channel(row["channel"]).label,
            **{
                f"{name}_percent": round(100 * row[name] / row["total"])
                for name in ("sent", "delivered", "read", "failed")
            },
        }
        for row in rows
    ]
