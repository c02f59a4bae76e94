"""What a business owner is told about booths: each decision on an application and a
reminder the day before their period, on the channels they allowed for booth messages,
queued in the transaction of the write they follow and sent by a worker."""

from datetime import date, timedelta

from django.utils import formats, translation

from common import clock
from common.links import public_url
from notifications.consent import consent_grant
from notifications.services import message_queue
from umkm.models import BoothApplication, Business

CONSENT_SOURCE = "portal UMKM: pendaftaran stan"


def booth_messages_consent(*, business: Business) -> None:
    """The owner's yes, on the application form, to booth messages on the business's
    WhatsApp and the account's e-mail."""
    consent_grant(
        recipient=business.whatsapp, channel="whatsapp", purpose="umkm", source=CONSENT_SOURCE
    )
    if business.owner.email:
        consent_grant(
            recipient=business.owner.email, channel="email", purpose="umkm", source=CONSENT_SOURCE
        )


def period_dates(starts_on: date, ends_on: date) -> str:
    """ "3–9 Maret 2027" style, in Indonesian, for messages and pages alike."""
    with translation.override("id"):
        last = formats.date_format(ends_on, "j F Y")
        if starts_on == ends_on:
            return last
        return f"{formats.date_format(starts_on, 'j F Y')} – {last}"


def _send(application: BoothApplication, *, template: str, key: str) -> None:
    business = application.business
    context = {
        "business": business.name,
        "period": application.period.name,
        "link": public_url("umkm:owner_booths"),
    }
    if application.booth_id:
        context |= {
            "booth": application.booth.code,
            "location": application.period.location.name,
            "dates": period_dates(application.starts_on, application.ends_on),
        }
    message_queue(
        template=template,
        context=context,
        idempotency_key=key,
        phone=business.whatsapp,
        email=business.owner.email,
    )


def booth_tell(application: BoothApplication) -> None:
    """After a decision (inside its transaction): the owner's message, once."""
    template = (
        "umkm_booth_allocated"
        if application.status == BoothApplication.Status.ALLOCATED
        else "umkm_booth_declined"
    )
    _send(application, template=template, key=f"umkm-booth:{application.pk}:{application.status}")


def booth_send_reminders(*, today: date | None = None) -> int:
    """The day before a period starts, each business holding a booth in it is reminded;
    a second run the same day sends nothing again (the message's key). Returns how many
    businesses start tomorrow."""
    tomorrow = (today or clock.today()) + timedelta(days=1)
    starting = BoothApplication.objects.allocated().filter(
        starts_on=tomorrow, business__status=Business.Status.APPROVED
    )
    count = 0
    for application in starting.select_related("business__owner", "booth", "period__location"):
        _send(
            application,
            template="umkm_booth_reminder",
            key=f"umkm-booth-reminder:{application.pk}",
        )
        count += 1
    return count
