"""Data of bookings (reservasi): schedules, closure days, per-slot seat counters, bookings."""

from datetime import time, timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from common import clock
from common.codes import unambiguous_code
from common.validators import mask_nik, mask_phone
from counters.upsert import increment
from services.models import Agency, Location, Service

WEEKDAY_CHOICES = [
    (0, _("Senin")),
    (1, _("Selasa")),
    (2, _("Rabu")),
    (3, _("Kamis")),
    (4, _("Jumat")),
    (5, _("Sabtu")),
    (6, _("Minggu")),
]
MIDNIGHT = time(0, 0)
# A booking checks in at the kiosk from 30 minutes before to 15 minutes after its slot
# starts; a booked visitor who has not checked in by then is a no-show.
CHECK_IN_OPENS_BEFORE = timedelta(minutes=30)
CHECK_IN_CLOSES_AFTER = timedelta(minutes=15)

CODE_LENGTH = 8


def new_booking_code() -> str:
    return unambiguous_code(CODE_LENGTH)


# Named here once; the booking service tells by these names which rule a refused write broke.
ONE_ACTIVE_PER_NIK_SERVICE_DAY = models.UniqueConstraint(
    fields=["nik", "service", "local_date"],
    condition=models.Q(status__in=["booked", "checked_in"]),
    name="booking_one_active_per_nik_service_day",
)
UNIQUE_CODE = models.UniqueConstraint(fields=["code"], name="booking_unique_code")


def default_weekdays() -> list[int]:
    return [0, 1, 2, 3, 4]


class BookingSchedule(models.Model):
    """When a service can be booked at a location, and how many visitors fit in one slot."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, verbose_name=_("instansi"))
    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        related_name="booking_schedules",
        verbose_name=_("layanan"),
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.CASCADE,
        related_name="booking_schedules",
        verbose_name=_("lokasi"),
    )
    weekdays = ArrayField(
        models.PositiveSmallIntegerField(choices=WEEKDAY_CHOICES),
        default=default_weekdays,
        verbose_name=_("hari layanan"),
    )
    opens_at = models.TimeField(_("jam mulai"), default=time(8, 0))
    closes_at = models.TimeField(
        _("jam selesai"), default=time(14, 0), help_text=_("00.00 berarti tengah malam.")
    )
    slot_minutes = models.PositiveSmallIntegerField(_("lama satu sesi (menit)"), default=30)
    capacity = models.PositiveSmallIntegerField(_("kuota per sesi"), default=4)
    days_ahead = models.PositiveSmallIntegerField(
        _("bisa dipesan berapa hari ke depan"), default=14
    )
    min_notice_minutes = models.PositiveSmallIntegerField(
        _("batas pesan (menit sebelum sesi)"),
        default=60,
        help_text=_("Reservasi untuk sesi ditutup sekian menit sebelum sesi dimulai."),
    )
    is_active = models.BooleanField(_("aktif"), default=True)

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["service__order", "service__name"]
        verbose_name = _("jadwal reservasi")
        verbose_name_plural = _("jadwal reservasi")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "location"], name="booking_schedule_unique_service_location"
            ),
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at"))
                | models.Q(closes_at=MIDNIGHT),
                name="booking_schedule_closes_after_opening",
            ),
            models.CheckConstraint(
                condition=models.Q(slot_minutes__gte=5, capacity__gte=1),
                name="booking_schedule_positive_slot_and_capacity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} — {self.location}"

    def clean(self):
        if self.service_id and self.agency_id and self.service.agency_id != self.agency_id:
            raise ValidationError({"service": _("Layanan ini milik instansi lain.")})
        if self.closes_at != MIDNIGHT and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Jam selesai harus setelah jam mulai.")})


class BookingClosure(models.Model):
    """A day an agency takes no bookings (cuti bersama, an event), at one or all locations."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, verbose_name=_("instansi"))
    location = models.ForeignKey(
        Location,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("lokasi"),
        help_text=_("Kosongkan bila berlaku di semua lokasi."),
    )
    date = models.DateField(_("tanggal"))
    reason = models.CharField(_("keterangan"), max_length=200)

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["date"]
        verbose_name = _("hari tutup reservasi")
        verbose_name_plural = _("hari tutup reservasi")

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} — {self.reason}"


class BookingSlot(models.Model):
    """Seat counter of one slot, created at its first booking. Seats are taken and given
    back only by take_seat and free_seat, each one statement that holds this row's lock
    until the transaction ends; the check constraint keeps `booked` within `capacity` even
    if a code path forgot them."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, verbose_name=_("instansi"))
    service = models.ForeignKey(Service, on_delete=models.CASCADE, verbose_name=_("layanan"))
    location = models.ForeignKey(Location, on_delete=models.CASCADE, verbose_name=_("lokasi"))
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(_("selesai"))
    capacity = models.PositiveSmallIntegerField(_("kuota"))
    booked = models.PositiveSmallIntegerField(_("terpesan"), default=0)

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("sesi reservasi")
        verbose_name_plural = _("sesi reservasi")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "location", "starts_at"], name="booking_slot_unique_start"
            ),
            models.CheckConstraint(
                condition=models.Q(booked__lte=models.F("capacity")),
                name="booking_slot_within_capacity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} {self.starts_at:%Y-%m-%d %H:%M}"

    @classmethod
    def take_seat(cls, schedule: BookingSchedule, *, starts_at, ends_at) -> int | None:
        """The seat capacity: one seat of the slot if fewer than the schedule's capacity
        are booked (its current capacity, also when it was changed after the slot's first
        booking); the slot's id, or None when it is full."""
        taken = increment(
            cls,
            key={
                "service": schedule.service_id,
                "location": schedule.location_id,
                "starts_at": starts_at,
            },
            field="booked",
            below=schedule.capacity,
            agency=schedule.agency_id,
            ends_at=ends_at,
            capacity=schedule.capacity,
        )
        return taken[0] if taken else None

    @staticmethod
    def seats_left(capacity: int, booked: int) -> int:
        """What take_seat still gives: a seat while fewer than `capacity` are booked."""
        return max(capacity - booked, 0)

    @classmethod
    def free_seat(cls, pk: int) -> None:
        cls.objects.filter(pk=pk).update(booked=Greatest(models.F("booked") - 1, 0))


class Booking(models.Model):
    """A citizen's booked visit: one seat of one slot, identified by a short code."""

    class Status(models.TextChoices):
        BOOKED = "booked", _("Terpesan")
        CANCELLED = "cancelled", _("Dibatalkan")
        CHECKED_IN = "checked_in", _("Sudah check-in")
        NO_SHOW = "no_show", _("Tidak datang")

    ACTIVE_STATUSES = (Status.BOOKED, Status.CHECKED_IN)
    # Every change of a booking, by what happens: the statuses it may start from and the one
    # it leads to. counters.booking.services applies no other.
    TRANSITIONS = {
        "cancelled": ((Status.BOOKED,), Status.CANCELLED),
        "rescheduled": ((Status.BOOKED,), Status.BOOKED),
        "checked_in": ((Status.BOOKED,), Status.CHECKED_IN),
        "no_show": ((Status.BOOKED,), Status.NO_SHOW),
    }

    code = models.CharField(_("kode"), max_length=CODE_LENGTH, default=new_booking_code)
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, verbose_name=_("instansi"))
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="bookings", verbose_name=_("layanan")
    )
    location = models.ForeignKey(Location, on_delete=models.CASCADE, verbose_name=_("lokasi"))
    slot = models.ForeignKey(
        BookingSlot, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("sesi")
    )
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(_("selesai"))
    local_date = models.DateField(_("tanggal"), help_text=_("Tanggal sesi dalam WITA."))
    name = models.CharField(_("nama"), max_length=120)
    nik = models.CharField(_("NIK"), max_length=16)
    phone = models.CharField(_("nomor ponsel"), max_length=16)
    email = models.EmailField(_("email"), blank=True)
    # The language of the pages the citizen booked on: their e-mails and messages use it.
    language = models.CharField(_("bahasa"), max_length=5, default="id", db_default="id")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.BOOKED
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    cancelled_at = models.DateTimeField(_("dibatalkan"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("check-in"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("pengingat terkirim"), null=True, blank=True)
    # The calendar entry's SEQUENCE (RFC 5545 3.8.7.4): raised by every change the citizen's
    # calendar must take over the copy it already has (a reschedule, a cancellation).
    sequence = models.PositiveIntegerField(_("revisi kalender"), default=0, db_default=0)
    ticket = models.OneToOneField(
        "counters.Ticket",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="booking",
        verbose_name=_("tiket antrian"),
    )

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["starts_at", "created_at"]
        verbose_name = _("reservasi")
        verbose_name_plural = _("reservasi")
        constraints = [ONE_ACTIVE_PER_NIK_SERVICE_DAY, UNIQUE_CODE]
        indexes = [models.Index(fields=["local_date", "status"], name="booking_day_status")]

    def __str__(self) -> str:
        return self.code

    @property
    def masked_nik(self) -> str:
        return mask_nik(self.nik)

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE_STATUSES

    @property
    def attendance(self) -> str:
        """The status as staff should read it now: a booked visit past its check-in window
        is a no-show even before `mark_booking_no_shows` has run."""
        if self.status == self.Status.BOOKED and clock.now() > self.check_in_closes_at:
            return str(self.Status.NO_SHOW.label)
        return self.get_status_display()

    @property
    def check_in_opens_at(self):
        return self.starts_at - CHECK_IN_OPENS_BEFORE

    @property
    def check_in_closes_at(self):
        return self.starts_at + CHECK_IN_CLOSES_AFTER

    @property
    def is_changeable(self) -> bool:
        """The citizen may still cancel or reschedule it: before its slot starts."""
        changeable = self.TRANSITIONS["cancelled"][0] + self.TRANSITIONS["rescheduled"][0]
        return self.status in changeable and self.starts_at > clock.now()


class PersonalDataAccess(models.Model):
    """A staff member was shown a booking's full NIK and phone number: who, when, where
    (UU 27/2022). Written only by booking_personal_data_reveal; never edited."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, verbose_name=_("instansi"))
    booking = models.ForeignKey(
        Booking, on_delete=models.CASCADE, related_name="accesses", verbose_name=_("reservasi")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("petugas"),
    )
    # Kept in words too, so that the record outlives a deleted account.
    username = models.CharField(_("nama pengguna"), max_length=150)
    counter = models.ForeignKey(
        "counters.Counter",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("loket"),
    )
    at = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["-at"]
        verbose_name = _("akses data pribadi")
        verbose_name_plural = _("akses data pribadi")

    def __str__(self) -> str:
        return f"{self.username} · {self.booking_id}"


class BookingEvent(models.Model):
    """One change of a booking, written by the booking service in the transaction that
    makes it: the booking's audit trail. It holds no personal data (a note names slots and
    counters, never the citizen), so it outlives the booking's anonymisation unchanged."""

    class Action(models.TextChoices):
        CREATED = "created", _("Dibuat")
        RESCHEDULED = "rescheduled", _("Dijadwal ulang")
        CANCELLED = "cancelled", _("Dibatalkan")
        CHECKED_IN = "checked_in", _("Check-in")
        NO_SHOW = "no_show", _("Tidak datang")
        ANONYMISED = "anonymised", _("Data pribadi dihapus")
        REVEALED = "revealed", _("Data pribadi dibuka")

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="booking_events", verbose_name=_("instansi")
    )
    booking = models.ForeignKey(
        Booking, on_delete=models.CASCADE, related_name="events", verbose_name=_("reservasi")
    )
    action = models.CharField(_("aksi"), max_length=16, choices=Action.choices)
    from_status = models.CharField(
        _("dari status"), max_length=16, choices=Booking.Status.choices, blank=True
    )
    to_status = models.CharField(_("ke status"), max_length=16, choices=Booking.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="booking_events",
        verbose_name=_("oleh"),
    )
    note = models.CharField(_("catatan"), max_length=255, blank=True)
    at = models.DateTimeField(_("waktu"))

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["id"]
        verbose_name = _("riwayat reservasi")
        verbose_name_plural = _("riwayat reservasi")

    def __str__(self) -> str:
        return f"{self.booking} {self.get_action_display()}"
