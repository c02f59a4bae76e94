"""Admin of locations, agencies, staff and services, for the mall and the agency sites."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from common.admin import LabelledRowsInline
from services.caching import catalog_changed
from services.models import (
    Agency,
    ApiToken,
    Facility,
    LegalBasis,
    Location,
    MallProfile,
    Membership,
    SearchSynonym,
    Service,
    ServicePledge,
    ServiceRequirement,
    ServiceStep,
)
from services.services import api_tokens_revoke, services_reindex
from services.tenancy import AgencyScopedAdmin, AgencyScopedMixin


class CatalogChangeMixin:
    """Admin writes that public catalog pages show make the cached pages stale."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        catalog_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        catalog_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        catalog_changed()


class FacilityInline(LabelledRowsInline):
    model = Facility
    fields = ["order", "kind", "description", "description_en"]
    extra = 1


@admin.register(Location)
class LocationAdmin(CatalogChangeMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "address", "is_active", "order"]
    list_editable = ["is_active", "order"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [FacilityInline]


@admin.register(MallProfile)
class MallProfileAdmin(admin.ModelAdmin):
    """The one profile row: it can be changed, never added twice or deleted."""

    fieldsets = [
        (None, {"fields": ["name", "motto", "motto_en"]}),
        (_("Visi dan misi"), {"fields": ["vision", "vision_en", "mission", "mission_en"]}),
        (
            _("Maklumat pelayanan"),
            {"fields": ["maklumat", "maklumat_en", "maklumat_signatory"]},
        ),
        (
            _("Kanal pengaduan"),
            {"fields": ["complaint_phone", "complaint_whatsapp", "complaint_email", "lapor_url"]},
        ),
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not MallProfile.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class MembershipInline(LabelledRowsInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Agency)
class AgencyAdmin(CatalogChangeMixin, admin.ModelAdmin):
    list_display = ["name", "short_name", "slug", "is_active", "order"]
    list_editable = ["is_active", "order"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["short_name"]}
    filter_horizontal = ["locations"]
    inlines = [MembershipInline]


class RequirementInline(LabelledRowsInline):
    model = ServiceRequirement
    fields = ["order", "text", "text_en", "bring_original", "copies", "note", "note_en"]
    extra = 1


class StepInline(LabelledRowsInline):
    model = ServiceStep
    fields = ["order", "text", "text_en"]
    extra = 1


class LegalBasisInline(LabelledRowsInline):
    model = LegalBasis
    fields = ["order", "title", "url"]
    extra = 1


class AgencyRequirementInline(AgencyScopedMixin, RequirementInline):
    pass


class AgencyStepInline(AgencyScopedMixin, StepInline):
    pass


class AgencyLegalBasisInline(AgencyScopedMixin, LegalBasisInline):
    pass


# Each optional English text sits on the row of its Indonesian text.
SERVICE_FIELDSETS = [
    (
        None,
        {
            "fields": [
                "agency",
                ("name", "name_en"),
                "slug",
                ("summary", "summary_en"),
                ("description", "description_en"),
                ("category", "category_en"),
                "keywords",
            ]
        },
    ),
    (
        _("Standar pelayanan"),
        {
            "fields": [
                ("processing_time", "processing_time_en"),
                ("processing_unit", "processing_amount"),
                "fee",
                "fee_note",
                ("product", "product_en"),
                "complaint_channels",
                "last_reviewed",
            ]
        },
    ),
    (
        _("Tempat, antrian dan reservasi"),
        {
            "fields": [
                "locations",
                "queue_prefix",
                "average_minutes",
                "is_bookable",
                "online_name",
                "online_url",
                "is_active",
                "order",
            ]
        },
    ),
    (
        _("Standar pelayanan lengkap (komponen internal)"),
        {
            "classes": ["collapse"],
            "fields": [
                "facilities",
                "staff_competence",
                "internal_supervision",
                "staff_count",
                "service_guarantee",
                "safety_guarantee",
                "performance_evaluation",
            ],
        },
    ),
]


class ServiceAdminBase:
    """What the mall admin and the agency admins share: inlines, layout, and the search
    index kept up to date after the service and its inlines are saved."""

    fieldsets = SERVICE_FIELDSETS
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["locations"]
    search_fields = ["name", "slug", "keywords"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services_reindex(services=[form.instance])


@admin.register(Service)
class ServiceAdmin(CatalogChangeMixin, ServiceAdminBase, admin.ModelAdmin):
    inlines = [RequirementInline, StepInline, LegalBasisInline]
    list_display = ["name", "agency", "category", "queue_prefix", "is_bookable", "is_active"]
    list_filter = ["agency", "is_active", "is_bookable"]
    list_select_related = ["agency"]


@admin.register(ServicePledge)
class ServicePledgeAdmin(CatalogChangeMixin, admin.ModelAdmin):
    list_display = ["agency", "signed_by", "signed_on"]
    list_select_related = ["agency"]


@admin.register(SearchSynonym)
class SearchSynonymAdmin(CatalogChangeMixin, admin.ModelAdmin):
    list_display = ["term", "expansion"]
    search_fields = ["term", "expansion"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "user", "kiosk_location", "created_at", "revoked_at"]
    list_filter = ["revoked_at"]
    readonly_fields = ["name", "prefix", "user", "kiosk_location", "created_at", "last_used_at"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        # Tokens are shown once, when made by `manage.py issue_token`.
        return False

    @admin.action(description=_("Cabut token terpilih"))
    def revoke(self, request, queryset):
        count = api_tokens_revoke(queryset)
        message = _("%(count)d token dicabut.") % {"count": count}
        self.message_user(request, message, messages.SUCCESS)


class StaffCreationForm(forms.ModelForm):
    """An agency admin adds staff by creating their account; existing accounts of other
    people can't be claimed (that would let one agency reset another's password)."""

    username = forms.CharField(label=_("Nama pengguna"), max_length=150)
    full_name = forms.CharField(label=_("Nama lengkap"), max_length=150)
    email = forms.EmailField(label=_("Email"), required=False)
    password = forms.CharField(label=_("Kata sandi"), widget=forms.PasswordInput)

    class Meta:
        model = Membership
        fields = ["agency", "role"]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Nama pengguna ini sudah dipakai."))
        return username

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password"):
            user = get_user_model()(username=cleaned.get("username", ""))
            try:
                validate_password(cleaned["password"], user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        first, _sep, last = self.cleaned_data["full_name"].partition(" ")
        self.instance.user = get_user_model().objects.create_user(
            username=self.cleaned_data["username"],
            email=self.cleaned_data["email"],
            password=self.cleaned_data["password"],
            first_name=first,
            last_name=last,
        )
        return super().save(commit=commit)


class StaffAdmin(AgencyScopedAdmin):
    list_display = ["user", "user_full_name", "role"]
    list_filter = ["role"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    operator_can_view = False

    @admin.display(description=_("Nama"))
    def user_full_name(self, membership):
        return membership.user.get_full_name()

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = StaffCreationForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["agency", "username", "full_name", "email", "password", "role"]
        return ["agency", "user", "role"]

    def get_readonly_fields(self, request, obj=None):
        return ["user"] if obj else []


class AgencyServiceAdmin(CatalogChangeMixin, ServiceAdminBase, AgencyScopedAdmin):
    inlines = [AgencyRequirementInline, AgencyStepInline, AgencyLegalBasisInline]
    list_display = ["name", "category", "queue_prefix", "is_bookable", "is_active", "order"]
    list_editable = ["order"]
    list_filter = ["is_active", "is_bookable", "category"]


class AgencyPledgeAdmin(CatalogChangeMixin, AgencyScopedAdmin):
    list_display = ["agency", "signed_by", "signed_on"]


# Registered on every agency's own admin site by mpp.agency_site.
AGENCY_ADMIN = [
    (Membership, StaffAdmin),
    (Service, AgencyServiceAdmin),
    (ServicePledge, AgencyPledgeAdmin),
]
