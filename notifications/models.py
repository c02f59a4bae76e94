"""The outbox of messages to citizens, and the citizens' consent per channel and purpose."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from notifications.catalog import PURPOSES
from notifications.recipients import mask


class Channel(models.TextChoices):
    WHATSAPP = "whatsapp", "WhatsApp"
    SMS = "sms", "SMS"
    EMAIL = "email", _("Email")


PURPOSE_CHOICES = list(PURPOSES.items())


class Consent(models.Model):
    """A citizen's yes to messages of one purpose on one channel (UU 27/2022): kept with
    its time and where it was given; withdrawing closes it, a new yes is a new row."""

    recipient = models.CharField(_("penerima"), max_length=254)
    channel = models.CharField(_("kanal"), max_length=10, choices=Channel.choices)
    purpose = models.CharField(_("keperluan"), max_length=20, choices=PURPOSE_CHOICES)
    granted_at = models.DateTimeField(_("diberikan"))
    source = models.CharField(_("sumber"), max_length=40)
    withdrawn_at = models.DateTimeField(_("ditarik"), null=True, blank=True)
    withdrawn_source = models.CharField(_("sumber penarikan"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("persetujuan pesan")
        verbose_name_plural = _("persetujuan pesan")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "channel", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="notifications_one_active_consent",
            )
        ]

    def __str__(self) -> str:
        return f"{mask(self.recipient)} · {self.channel} · {self.purpose}"

    @property
    def masked_recipient(self) -> str:
        return mask(self.recipient)


class Message(models.Model):
    """One message on one channel. Its idempotency key is unique: the caller names the
    event (e.g. "booking:K7Q2:reminder"), so queuing it twice sends it once."""

    class State(models.TextChoices):
        QUEUED = "queued", _("antre")
        SENT = "sent", _("terkirim")
        DELIVERED = "delivered", _("diterima")
        READ = "read", _("dibaca")
        FAILED = "failed", _("gagal")

    idempotency_key = models.CharField(_("kunci idempoten"), max_length=200, unique=True)
    # The agency (services.Agency pk) the message speaks for: a plain number, as this app
    # knows no domain app; the agency admin lists the messages of its own agency by it.
    tenant = models.BigIntegerField(_("instansi"), null=True, blank=True, db_index=True)
    recipient = models.CharField(_("penerima"), max_length=254)
    channel = models.CharField(_("kanal"), max_length=10, choices=Channel.choices)
    purpose = models.CharField(_("keperluan"), max_length=20, choices=PURPOSE_CHOICES)
    template = models.CharField(_("templat"), max_length=60)
    language = models.CharField(_("bahasa"), max_length=5, default="id")
    # Plain values of the template's parameters: never a NIK, never a full name.
    context = models.JSONField(_("isi"), default=dict)
    # [channel, recipient] pairs still to try, in order, once this channel has failed.
    fallbacks = models.JSONField(default=list)
    fallback_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    state = models.CharField(
        _("status"), max_length=10, choices=State.choices, default=State.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    # Set and committed before the provider is called, cleared with its answer: a row still
    # carrying it was cut off (a worker died) while its outcome was unknown.
    attempt_started_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("percobaan berikut"), null=True, blank=True)
    provider_id = models.CharField(_("ID penyedia"), max_length=128, blank=True, db_index=True)
    last_error = models.CharField(_("galat terakhir"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("terkirim"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("diterima"), null=True, blank=True)
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)
    failed_at = models.DateTimeField(_("gagal"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pesan")
        verbose_name_plural = _("kotak keluar pesan")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.template} → {mask(self.recipient)} ({self.channel})"

    @property
    def masked_recipient(self) -> str:
        return mask(self.recipient)
