"""A written SKM suggestion in its agency's inbox, and the record of who did what to it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from counters.survey.models import SurveyResponse
from notifications.recipients import mask
from services.models import Agency


class Suggestion(models.Model):
    """The suggestion of one SKM answer: open until someone of the agency (or the mall)
    marks it handled with a note. The citizen's contact, given with their consent only to
    hear a reply, is kept until then and no longer."""

    class Status(models.TextChoices):
        OPEN = "open", _("Belum ditangani")
        HANDLED = "handled", _("Sudah ditangani")

    response = models.OneToOneField(
        SurveyResponse,
        on_delete=models.CASCADE,
        related_name="suggestion_record",
        verbose_name=_("jawaban SKM"),
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="suggestions", verbose_name=_("instansi")
    )
    received_at = models.DateTimeField(_("diterima"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    phone = models.CharField(_("nomor ponsel"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(_("bahasa"), max_length=5, default="id")
    reply = models.TextField(_("balasan"), max_length=1000, blank=True)
    replied_at = models.DateTimeField(_("dibalas"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("catatan penanganan"), max_length=1000, blank=True)
    handled_at = models.DateTimeField(_("ditangani"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = ScopedManager(agency="agency")

    class Meta:
        verbose_name = _("saran SKM")
        verbose_name_plural = _("saran SKM")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", handled_at__isnull=True)
                | Q(status="handled", handled_at__isnull=False),
                name="suggestion_handled_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "status", "-received_at"], name="suggestion_inbox"),
            models.Index(fields=["status", "-received_at"], name="suggestion_mall_inbox"),
        ]

    def __str__(self) -> str:
        return f"Saran {self.response_id}"

    @property
    def has_contact(self) -> bool:
        return bool(self.phone or self.email)

    @property
    def masked_contact(self) -> str:
        return " · ".join(mask(address) for address in (self.phone, self.email) if address)


class SuggestionEvent(models.Model):
    """Who replied to or handled a suggestion, and when (the audit trail)."""

    class Action(models.TextChoices):
        REPLIED = "replied", _("dibalas")
        HANDLED = "handled", _("ditandai ditangani")

    suggestion = models.ForeignKey(Suggestion, on_delete=models.CASCADE, related_name="events")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    action = models.CharField(max_length=10, choices=Action.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    text = models.TextField(blank=True)

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.suggestion_id} {self.action}"
