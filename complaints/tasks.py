"""The complaints' periodic work: late stages escalated to the mall's officers and the
agency that owns the complaint, each told once by e-mail."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from procrastinate.contrib.django import app

from common.mail import email_message
from common.side_effects import defer_on_commit
from complaints.models import ComplaintEvent
from complaints.selectors.staff import escalation_recipients
from complaints.services import complaint_escalate_late


@app.periodic(cron="*/10 * * * *")
@app.task(name="complaints.escalate_late", queueing_lock="complaints_escalate_late")
def escalate_late(timestamp: int) -> int:
    """Each late stage marked once (complaint_escalate_late), and its e-mails queued in the
    same transaction: a crash between the two cannot lose them."""
    with transaction.atomic():
        late = complaint_escalate_late()
        for complaint in late:
            event = complaint.events.filter(action=ComplaintEvent.Action.ESCALATED).last()
            defer_on_commit(tell_escalation, once=True, event_id=event.pk)
    return len(late)


@app.task(name="complaints.tell_escalation", queue="messages")
def tell_escalation(event_id: int) -> int:
    """The officers' e-mail, and the owning agency's (its address and its admins'): the
    number, the subject and the stage; never the complainant. Returns how many were sent."""
    with scopes_disabled():  # a mall-wide duty, for one escalation
        event = (
            ComplaintEvent.objects.select_related("complaint__agency", "complaint__category")
            .filter(pk=event_id, action=ComplaintEvent.Action.ESCALATED)
            .first()
        )
        if event is None:
            return 0
        complaint = event.complaint
        officers, agency = escalation_recipients(complaint)
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        pages = [(officers, reverse("complaints_staff:officer_detail", args=[complaint.code]))]
        if agency:
            pages.append(
                (
                    agency,
                    reverse(
                        "complaints_staff:agency_detail",
                        args=[complaint.agency.slug, complaint.code],
                    ),
                )
            )
        for recipients, path in pages:
            if not recipients:
                continue
            body = render_to_string(
                "complaints/staff/escalation.txt",
                {"complaint": complaint, "event": event, "link": settings.PUBLIC_BASE_URL + path},
            )
            subject = _("Pengaduan %(code)s melewati batas waktu") % {"code": complaint.code}
            email_message(subject=subject, body=body, to=recipients).send()
            sent += 1
    return sent
