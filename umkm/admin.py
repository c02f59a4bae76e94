"""UMKM moderation in the mall admin: the queue of pending businesses, approve and suspend,
the review of approved businesses' profile changes, and booths, periods and their
allocation."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from common.admin import LabelledRowsInline
from common.errors import DomainError
from umkm import booth_services, selectors, services
from umkm.caching import showcase_changed
from umkm.models import (
    Booth,
    BoothApplication,
    BoothChoice,
    BoothPeriod,
    Business,
    BusinessChange,
    PendingBusiness,
    Product,
    ProductPhoto,
)


class ModerationForm(forms.Form):
    note = forms.CharField(
        label=_("Catatan untuk pemilik"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
    )


class ShowcaseChangeMixin:
    """Edits made here show on the public showcase at once."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        showcase_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        showcase_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        showcase_changed()


@admin.register(Business)
class BusinessAdmin(ShowcaseChangeMixin, admin.ModelAdmin):
    list_display = ["name", "kecamatan", "category", "status", "is_dekranasda_member", "created_at"]
    list_filter = ["status", "kecamatan", "category", "is_dekranasda_member"]
    search_fields = ["name", "slug", "owner__username", "nib"]
    list_select_related = ["owner"]
    readonly_fields = [
        "owner",
        "status",
        "moderation_note",
        "moderated_at",
        "moderated_by",
        "created_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "owner",
                    "description",
                    "category",
                    "kecamatan",
                    "address",
                    "whatsapp",
                ]
            },
        ),
        (
            _("Tautan dan legalitas"),
            {
                "fields": [
                    "instagram_url",
                    "facebook_url",
                    "marketplace_url",
                    "nib",
                    "halal_certificate",
                    "is_dekranasda_member",
                ]
            },
        ),
        (
            _("Moderasi"),
            {"fields": ["status", "moderation_note", "moderated_at", "moderated_by", "created_at"]},
        ),
    ]
    actions = ["approve", "suspend"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    change_form_template = "umkm/admin/business_change_form.html"

    def get_urls(self):
        moderate = self.admin_site.admin_view(require_POST(self.moderate_view))
        name = f"{self.opts.app_label}_{self.opts.model_name}_moderate"
        return [
            path("<path:object_id>/moderasi/", moderate, name=name),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context = {
            **context,
            "moderation_form": ModerationForm(),
            "pending_change": obj and selectors.pending_change(obj),
        }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def moderate_view(self, request, object_id):
        """The approve and suspend buttons of the business's own page."""
        business = self.get_object(request, unquote(object_id))
        if business is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, business):
            raise PermissionDenied
        apply = {"approve": services.business_approve, "suspend": services.business_suspend}.get(
            request.POST.get("decision")
        )
        form = ModerationForm(request.POST)
        if apply is not None and form.is_valid():
            try:
                apply(business=business, moderator=request.user, note=form.cleaned_data["note"])
            except DomainError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                business.refresh_from_db()
                self.message_user(
                    request,
                    _("%(name)s: %(status)s.")
                    % {"name": business.name, "status": business.get_status_display()},
                    messages.SUCCESS,
                )
        # The business's own page: it may have left the pending queue it was opened from.
        return redirect(reverse("admin:umkm_business_change", args=[business.pk]))

    def has_add_permission(self, request):
        # Businesses register themselves at /umkm/akun/daftar/, with their owner account.
        return False

    def _moderate(self, request, queryset, *, title: str, apply, note_required: bool):
        form = ModerationForm(request.POST if "apply" in request.POST else None)
        form.fields["note"].required = note_required
        if note_required:
            form.fields["note"].help_text = _("Wajib: pemilik membaca alasannya di dasbornya.")
        if form.is_valid():
            done = 0
            for business in queryset.select_related("owner"):
                try:
                    apply(business=business, moderator=request.user, note=form.cleaned_data["note"])
                except DomainError as error:
                    self.message_user(request, error.message, messages.ERROR)
                    return None
                done += 1
            self.message_user(
                request, _("%(count)d UMKM diperbarui.") % {"count": done}, messages.SUCCESS
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "form": form,
            "businesses": queryset,
            "action": request.POST["action"],
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "umkm/admin/moderate.html", context)

    @admin.action(description=_("Setujui UMKM terpilih"))
    def approve(self, request, queryset):
        return self._moderate(
            request,
            queryset,
            title=_("Setujui UMKM"),
            apply=services.business_approve,
            note_required=False,
        )

    @admin.action(description=_("Tangguhkan UMKM terpilih"))
    def suspend(self, request, queryset):
        return self._moderate(
            request,
            queryset,
            title=_("Tangguhkan UMKM"),
            apply=services.business_suspend,
            note_required=True,
        )


@admin.register(PendingBusiness)
class PendingBusinessAdmin(BusinessAdmin):
    list_display = ["name", "kecamatan", "category", "owner", "whatsapp", "created_at"]
    list_filter = ["kecamatan", "category"]
    ordering = ["created_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status=Business.Status.PENDING)


class ProductPhotoInline(LabelledRowsInline):
    model = ProductPhoto
    fields = ["thumbnail", "alt_text", "position"]
    readonly_fields = ["thumbnail"]
    extra = 0

    def has_add_permission(self, request, obj=None):
        # Photos go through the owner's upload, which checks and re-encodes them.
        return False


@admin.register(Product)
class ProductAdmin(ShowcaseChangeMixin, admin.ModelAdmin):
    list_display = ["name", "business", "price", "unit", "category", "is_available", "is_featured"]
    list_filter = ["category", "is_available", "is_featured", "business__status"]
    list_editable = ["is_featured"]
    list_select_related = ["business"]
    search_fields = ["name", "business__name"]
    readonly_fields = ["business", "slug"]
    inlines = [ProductPhotoInline]

    def has_add_permission(self, request):
        return False


class DecisionForm(ModerationForm):
    decision = forms.ChoiceField(choices=[("approve", _("Setujui")), ("reject", _("Tolak"))])


@admin.register(BusinessChange)
class BusinessChangeAdmin(admin.ModelAdmin):
    """Approved businesses' edits of their name, contacts, links and claims, before they go
    public."""

    list_display = ["business", "status", "submitted_at", "decided_by", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["business", "decided_by"]
    search_fields = ["business__name"]
    ordering = ["submitted_at"]

    def has_add_permission(self, request):
        # A change is what an owner proposes in their portal.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        change = self.get_object(request, unquote(object_id))
        if change is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, change):
            raise PermissionDenied
        form = DecisionForm(request.POST or None)
        if request.method == "POST":
            if not self.has_change_permission(request, change):
                raise PermissionDenied
            if form.is_valid():
                decide = (
                    services.business_change_approve
                    if form.cleaned_data["decision"] == "approve"
                    else services.business_change_reject
                )
                try:
                    decide(change=change, moderator=request.user, note=form.cleaned_data["note"])
                except DomainError as error:
                    form.add_error("note", error.message)
                else:
                    self.message_user(request, _("Keputusan disimpan."), messages.SUCCESS)
                    return redirect(reverse("admin:umkm_businesschange_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": str(change),
            "change": change,
            "form": form,
            "opts": self.opts,
            "is_pending": change.status == BusinessChange.Status.PENDING,
        }
        return TemplateResponse(request, "umkm/admin/business_change.html", context)


@admin.register(Booth)
class BoothAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "location",
        "area",
        "row",
        "column",
        "has_power",
        "has_table",
        "is_active",
    ]
    list_filter = ["location", "area", "has_power", "is_active"]
    search_fields = ["code", "area"]
    list_select_related = ["location"]


@admin.register(BoothPeriod)
class BoothPeriodAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "location",
        "starts_on",
        "ends_on",
        "applications_open_on",
        "applications_close_on",
        "dekranasda_quota",
    ]
    list_filter = ["kind", "location"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["booths"]
    list_select_related = ["location"]
    actions = ["allocate_by_rule"]

    @admin.action(description=_("Bagikan stan menurut aturan (Dekranasda, rotasi, urutan daftar)"))
    def allocate_by_rule(self, request, queryset):
        for period in queryset:
            try:
                outcome = booth_services.booth_allocation_run(period=period, by=request.user)
            except DomainError as error:
                self.message_user(request, f"{period}: {error.message}", messages.ERROR)
                continue
            self.message_user(
                request,
                _("%(period)s: %(allocated)d mendapat stan, %(declined)d tidak.")
                % {"period": period, **outcome},
                messages.SUCCESS,
            )


class BoothChoiceInline(admin.TabularInline):
    model = BoothChoice
    fields = ["rank", "booth"]
    readonly_fields = ["rank", "booth"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # The owner's wishes, as they sent them.
        return False


class BoothDecisionForm(forms.Form):
    booth = forms.ModelChoiceField(label=_("Stan"), queryset=Booth.objects.none(), required=False)
    note = forms.CharField(
        label=_("Catatan untuk pemilik"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
    )
    decision = forms.ChoiceField(choices=[("allocate", _("Berikan stan")), ("decline", _("Tolak"))])


@admin.register(BoothApplication)
class BoothApplicationAdmin(admin.ModelAdmin):
    """Applications as the owners sent them; a decision is taken on an application's page
    (a booth of the period, or a refusal with its reason) or by the period's rule."""

    list_display = ["business", "period", "status", "booth", "submitted_at", "decided_at"]
    list_filter = ["status", "period"]
    list_select_related = ["business", "period", "booth"]
    search_fields = ["business__name", "period__name"]
    ordering = ["period", "submitted_at"]
    inlines = [BoothChoiceInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        application = self.get_object(request, unquote(object_id))
        if application is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, application):
            raise PermissionDenied
        form = BoothDecisionForm(request.POST or None)
        form.fields["booth"].queryset = application.period.booths.filter(is_active=True)
        if request.method == "POST":
            if not self.has_change_permission(request, application):
                raise PermissionDenied
            if form.is_valid() and self._decide(request, application, form):
                self.message_user(request, _("Keputusan disimpan."), messages.SUCCESS)
                return redirect(reverse("admin:umkm_boothapplication_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": str(application),
            "application": application,
            "choices": application.choices.select_related("booth"),
            "form": form,
            "opts": self.opts,
            "is_pending": application.status == BoothApplication.Status.PENDING,
        }
        return TemplateResponse(request, "umkm/admin/booth_application.html", context)

    def _decide(self, request, application, form) -> bool:
        data = form.cleaned_data
        try:
            if data["decision"] == "decline":
                booth_services.booth_decline(
                    application=application, by=request.user, note=data["note"]
                )
            elif data["booth"] is None:
                form.add_error("booth", _("Pilih stan yang diberikan."))
                return False
            else:
                booth_services.booth_allocate(
                    application=application, booth=data["booth"], by=request.user, note=data["note"]
                )
        except DomainError as error:
            form.add_error(None, error.message)
            return False
        return True
