"""Telling an agency's head (its admins, by e-mail) of its new incidents. The messaging
interface's WhatsApp templates all serve a citizen's purpose with their consent; none is
for staff, so the head is told by e-mail only."""

from collections import defaultdict

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_scopes import scopes_disabled
from procrastinate.contrib.django import app

from common.links import public_url
from common.mail import email_message
from oversight.models import Incident
from services.permissions import agency_admins


@app.task(name="oversight.tell_heads", queue="messages")
def incidents_tell(incident_ids: list[int]) -> int:
    """One e-mail per agency listing its new incidents; how many e-mails were sent."""
    with scopes_disabled():
        by_agency = defaultdict(list)
        for incident in (
            Incident.objects.filter(pk__in=incident_ids)
            .select_related("agency", "location")
            .order_by("agency_id", "opened_at", "id")
        ):
            by_agency[incident.agency].append(incident)
        sent = 0
        for agency, incidents in by_agency.items():
            heads = sorted(
                {
                    email.lower()
                    for email in agency_admins(agency).values_list("email", flat=True)
                    if email
                }
            )
            if not heads:
                continue
            with override("id"):
                body = render_to_string(
                    "oversight/email/incidents.txt",
                    {
                        "agency": agency,
                        "incidents": incidents,
                        "link": public_url("counters:agency_report", agency.slug),
                    },
                )
                subject = _("%(count)d hal pelayanan %(agency)s perlu keputusan") % {
                    "count": len(incidents),
                    "agency": agency.short_name or agency.name,
                }
            email_message(subject=subject, body=body, to=heads).send()
            sent += 1
        return sent
