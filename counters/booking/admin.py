"""Admin of booking schedules, closure days, the day's bookings (NIK and phone masked, CSV
export) and the record of who was shown a booking's full personal data."""

import csv
from datetime import timedelta

from django import forms
from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common import clock
from common.side_effects import defer_on_commit
from counters.booking.models import (
    WEEKDAY_CHOICES,
    Booking,
    BookingClosure,
    BookingEvent,
    BookingSchedule,
    PersonalDataAccess,
)
from counters.tasks import announce_closure, announce_schedule_stopped
from services.admin import CatalogChangeMixin
from services.tenancy import AgencyScopedAdmin, AgencyScopedTabularInline, ReadOnlyAdminMixin


class BookingScheduleForm(forms.ModelForm):
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Hari layanan"),
        choices=WEEKDAY_CHOICES,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = BookingSchedule
        # The other fields come from the admin, built inside the agency's scope.
        fields = ["weekdays"]


class AgencyLocationsMixin:
    """Locations to choose from are those where the agency serves."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        agency = getattr(request, "agency", None)
        if db_field.name == "location" and agency is not None:
            kwargs["queryset"] = agency.locations.all()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class BookingScheduleAdmin(CatalogChangeMixin, AgencyLocationsMixin, AgencyScopedAdmin):
    form = BookingScheduleForm
    fields = [
        "agency",
        "service",
        "location",
        "weekdays",
        "opens_at",
        "closes_at",
        "slot_minutes",
        "capacity",
        "days_ahead",
        "min_notice_minutes",
        "is_active",
    ]
    list_display = [
        "service",
        "location",
        "weekday_names",
        "opens_at",
        "closes_at",
        "slot_minutes",
        "capacity",
        "is_active",
    ]
    list_filter = ["is_active", "location"]
    list_select_related = ["service", "location"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active:
            # Whoever is booked from now on hears of it from a worker, after this commits.
            defer_on_commit(announce_schedule_stopped, schedule_id=obj.pk)
            self.message_user(request, _("Warga yang sudah memesan jadwal ini akan diberi tahu."))

    @admin.display(description=_("Hari"))
    def weekday_names(self, schedule):
        names = dict(WEEKDAY_CHOICES)
        return ", ".join(str(names[day]) for day in sorted(schedule.weekdays))


class BookingClosureAdmin(CatalogChangeMixin, AgencyLocationsMixin, AgencyScopedAdmin):
    list_display = ["date", "reason", "location"]
    list_filter = ["location"]
    date_hierarchy = "date"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Whoever is booked that day hears of it from a worker, after this save commits.
        defer_on_commit(announce_closure, closure_id=obj.pk)
        self.message_user(request, _("Warga yang sudah memesan pada hari itu akan diberi tahu."))


class DayFilter(admin.SimpleListFilter):
    title = _("hari")
    parameter_name = "hari"

    def lookups(self, request, model_admin):
        return [("kemarin", _("Kemarin")), ("hari-ini", _("Hari ini")), ("besok", _("Besok"))]

    def queryset(self, request, queryset):
        offsets = {"kemarin": -1, "hari-ini": 0, "besok": 1}
        if self.value() in offsets:
            day = clock.today() + timedelta(days=offsets[self.value()])
            return queryset.filter(local_date=day)
        return queryset


CSV_HEADER = [
    _("Kode"),
    _("Tanggal"),
    _("Jam"),
    _("Layanan"),
    _("Lokasi"),
    _("Nama"),
    _("NIK"),
    _("Ponsel"),
    _("Email"),
    _("Status"),
]


def _cell(value: str) -> str:
    """Text typed by citizens can't become a spreadsheet formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


class AgencyBookingEventInline(ReadOnlyAdminMixin, AgencyScopedTabularInline):
    model = BookingEvent
    fields = ["at", "action", "from_status", "to_status", "actor", "note"]
    readonly_fields = fields
    extra = 0


class BookingAdmin(ReadOnlyAdminMixin, AgencyScopedAdmin):
    """Read-only: bookings are made and changed by citizens and the kiosk, never edited here.
    NIK and phone are shown masked; the serving counter may see them in full (recorded)."""

    list_display = [
        "code",
        "local_date",
        "slot_time",
        "service",
        "location",
        "name",
        "masked_nik",
        "masked_phone",
        "attendance",
    ]
    list_filter = [DayFilter, "status", "service", "location"]
    list_select_related = ["service", "location"]
    date_hierarchy = "local_date"
    search_fields = ["=code"]
    ordering = ["local_date", "service__name", "starts_at"]
    fields = [
        "code",
        "service",
        "location",
        "starts_at",
        "ends_at",
        "name",
        "masked_nik",
        "masked_phone",
        "email",
        "status",
        "created_at",
        "cancelled_at",
        "checked_in_at",
        "reminder_sent_at",
    ]
    readonly_fields = fields
    inlines = [AgencyBookingEventInline]
    actions = ["export_csv"]

    @admin.display(description=_("Jam"), ordering="starts_at")
    def slot_time(self, booking):
        return timezone.localtime(booking.starts_at).strftime("%H.%M")

    @admin.display(description=_("Status"), ordering="status")
    def attendance(self, booking):
        return booking.attendance

    @admin.display(description=_("NIK"))
    def masked_nik(self, booking):
        return booking.masked_nik

    @admin.display(description=_("Ponsel"))
    def masked_phone(self, booking):
        return booking.masked_phone

    @admin.action(description=_("Ekspor reservasi terpilih ke CSV"))
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="reservasi.csv"'
        writer = csv.writer(response)
        writer.writerow([str(title) for title in CSV_HEADER])
        for booking in queryset.select_related("service", "location").order_by(*self.ordering):
            writer.writerow(
                [
                    booking.code,
                    booking.local_date.isoformat(),
                    self.slot_time(booking),
                    booking.service.name,
                    booking.location.name,
                    _cell(booking.name),
                    booking.masked_nik,
                    booking.masked_phone,
                    _cell(booking.email),
                    booking.attendance,
                ]
            )
        return response


class PersonalDataAccessAdminBase(admin.ModelAdmin):
    """Written when the serving counter reveals a booking's NIK; read-only on both sites."""

    list_display = ["at", "username", "booking", "counter", "agency"]
    list_filter = ["agency"]
    list_select_related = ["booking", "counter", "agency"]
    search_fields = ["=booking__code", "username"]
    date_hierarchy = "at"
    fields = list_display
    readonly_fields = fields


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(ReadOnlyAdminMixin, PersonalDataAccessAdminBase):
    pass


@admin.register(BookingEvent)
class BookingEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Every booking's audit trail, across agencies, for the mall admin."""

    list_display = ["at", "booking", "action", "from_status", "to_status", "actor", "agency"]
    list_filter = ["action", "agency"]
    list_select_related = ["booking", "actor", "agency"]
    search_fields = ["=booking__code"]
    date_hierarchy = "at"
    fields = [*list_display, "note"]
    readonly_fields = fields


class AgencyPersonalDataAccessAdmin(
    ReadOnlyAdminMixin, AgencyScopedAdmin, PersonalDataAccessAdminBase
):
    operator_can_view = False


AGENCY_ADMIN = [
    (BookingSchedule, BookingScheduleAdmin),
    (BookingClosure, BookingClosureAdmin),
    (Booking, BookingAdmin),
    (PersonalDataAccess, AgencyPersonalDataAccessAdmin),
]
