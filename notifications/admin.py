"""The outbox and the consents in the mall admin: read-only, recipients masked; the agency
admin sites show their own agency's outbox (mpp.outbox_admin)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from common.admin import ReadOnlyAdminMixin
from notifications.catalog import PURPOSES, TEMPLATES
from notifications.models import Consent, Message
from notifications.selectors import delivery_rates


@admin.register(Message)
class MessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = (
        "created_at",
        "masked_recipient",
        "channel",
        "template",
        "state",
        "attempts",
        "last_error",
    )
    list_filter = ("state", "channel", "template")
    fields = (
        "masked_recipient",
        "channel",
        "purpose",
        "template",
        "language",
        "context",
        "state",
        "attempts",
        "provider_id",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "delivered_at",
        "read_at",
        "failed_at",
    )
    readonly_fields = fields
    change_list_template = "admin/notifications/message/change_list.html"

    @admin.display(description=_("penerima"))
    def masked_recipient(self, message: Message) -> str:
        return message.masked_recipient

    def get_urls(self):
        view = self.admin_site.admin_view(self.templates_view)
        return [path("templat/", view, name="notifications_message_templates"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra = {
            "delivery_rates": delivery_rates(self.get_queryset(request)),
            "templates_url": reverse(
                f"{self.admin_site.name}:notifications_message_templates",
                current_app=self.admin_site.name,
            ),
        }
        return super().changelist_view(request, {**extra, **(extra_context or {})})

    def templates_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Templat pesan"),
            "opts": self.opts,
            "templates": [
                {
                    "template": template,
                    "purpose": PURPOSES[template.purpose],
                    "parameters": list(enumerate(template.parameters, start=1)),
                    "whatsapp_text": template.whatsapp_body(template.text["id"]),
                }
                for template in TEMPLATES.values()
            ],
        }
        return TemplateResponse(request, "admin/notifications/templates.html", context)


@admin.register(Consent)
class ConsentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = (
        "masked_recipient",
        "channel",
        "purpose",
        "granted_at",
        "source",
        "withdrawn_at",
    )
    list_filter = ("channel", "purpose")
    fields = list_display + ("withdrawn_source",)
    readonly_fields = fields

    @admin.display(description=_("penerima"))
    def masked_recipient(self, consent: Consent) -> str:
        return consent.masked_recipient
