"""The queue engine's data: counters, opening schedules, quotas, tickets and their events."""

import heapq
import itertools
import operator
import secrets
from collections import namedtuple
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import reduce

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager, scopes_disabled

from common.statements import IDS, Param, Statement
from common.validators import mask_phone
from counters.upsert import increment
from services.models import Agency, Location, Service


class Counter(models.Model):
    """A counter (loket) of one agency at one location, serving some of its services."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="counters", verbose_name=_("instansi")
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="counters", verbose_name=_("lokasi")
    )
    number = models.PositiveSmallIntegerField(
        _("nomor loket"), help_text=_("Dipanggil di layar: “silakan menuju loket 3”.")
    )
    name = models.CharField(_("nama"), max_length=80, blank=True)
    services = models.ManyToManyField(
        Service, related_name="counters", blank=True, verbose_name=_("layanan yang dilayani")
    )
    is_open = models.BooleanField(_("buka"), default=False)
    operator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="operated_counters",
        verbose_name=_("petugas saat ini"),
    )

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["location", "number"]
        verbose_name = _("loket")
        verbose_name_plural = _("loket")
        constraints = [
            models.UniqueConstraint(fields=["location", "number"], name="counter_unique_number"),
            # An operator sits at one counter at a time.
            models.UniqueConstraint(
                fields=["operator"],
                condition=Q(operator__isnull=False),
                name="counter_one_per_operator",
            ),
        ]

    def __str__(self) -> str:
        label = _("Loket %(number)d") % {"number": self.number}
        return f"{label} — {self.name}" if self.name else str(label)

    def validate_constraints(self, exclude=None):
        # Numbers are unique per location across agencies (the hall's boards call one
        # "loket 3"), so the check must see every agency's counters, not only the scope's.
        with scopes_disabled():
            super().validate_constraints(exclude)

    def unique_error_message(self, model_class, unique_check):
        if tuple(unique_check) == ("location", "number"):
            # Says that the number is taken, which the boards show anyway; not whose it is.
            message = _("Nomor loket %(number)d sudah dipakai loket lain di lokasi ini.")
            return ValidationError(message % {"number": self.number}, code="unique_together")
        return super().unique_error_message(model_class, unique_check)


class AgencySchedule(models.Model):
    """The hours an agency serves at a location on one weekday; no row means absent."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Senin")
        TUESDAY = 1, _("Selasa")
        WEDNESDAY = 2, _("Rabu")
        THURSDAY = 3, _("Kamis")
        FRIDAY = 4, _("Jumat")
        SATURDAY = 5, _("Sabtu")
        SUNDAY = 6, _("Minggu")

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="schedules", verbose_name=_("instansi")
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="schedules", verbose_name=_("lokasi")
    )
    weekday = models.PositiveSmallIntegerField(_("hari"), choices=Weekday.choices)
    opens_at = models.TimeField(_("jam buka"))
    closes_at = models.TimeField(_("jam tutup"), help_text=_("Antrian tidak dibagikan lagi."))

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["location", "weekday", "opens_at"]
        verbose_name = _("jadwal layanan")
        verbose_name_plural = _("jadwal layanan")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "location", "weekday"], name="schedule_unique_weekday"
            ),
            models.CheckConstraint(
                condition=Q(opens_at__lt=models.F("closes_at")), name="schedule_opens_before_close"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_weekday_display()} {self.opens_at:%H.%M}–{self.closes_at:%H.%M} "
            f"({self.location})"
        )


class DailyQuota(models.Model):
    """At most `limit` tickets a day for one service at one location."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="daily_quotas", verbose_name=_("instansi")
    )
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="daily_quotas", verbose_name=_("layanan")
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="daily_quotas", verbose_name=_("lokasi")
    )
    limit = models.PositiveIntegerField(_("kuota per hari"))
    # The share citizens may take from their phones (the rest stays for the kiosk); a
    # service offers online tickets at a location only where it is set.
    online_limit = models.PositiveIntegerField(
        _("tiket online per hari"),
        null=True,
        blank=True,
        help_text=_(
            "Bagian kuota yang boleh diambil dari ponsel (/antrian/ambil/online/); sisanya "
            "untuk kios. Kosongkan bila layanan ini tidak menerima tiket online."
        ),
    )

    objects = ScopedManager(agency="agency")

    class Meta:
        verbose_name = _("kuota harian")
        verbose_name_plural = _("kuota harian")
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="quota_unique_service"),
            models.CheckConstraint(condition=Q(limit__gte=1), name="quota_limit_positive"),
            models.CheckConstraint(
                condition=Q(online_limit__isnull=True)
                | Q(online_limit__gte=1, online_limit__lte=models.F("limit")),
                name="quota_online_within_limit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service}: {self.limit}"


class QueueSetting(models.Model):
    """How an agency's lines are called; an agency without one calls priority visitors
    always first."""

    agency = models.OneToOneField(
        Agency, on_delete=models.CASCADE, related_name="queue_setting", verbose_name=_("instansi")
    )
    priority_run = models.PositiveSmallIntegerField(
        _("panggilan prioritas berturut-turut"),
        null=True,
        blank=True,
        help_text=_(
            "Setelah sekian pengunjung prioritas (lansia, penyandang disabilitas, ibu hamil "
            "atau menyusui, anak) dipanggil berturut-turut dalam antrian satu layanan, satu "
            "pengunjung reguler (reservasi atau datang langsung) dipanggil, agar mereka tidak "
            "menunggu tanpa akhir. Kosongkan atau isi 0 agar pengunjung prioritas selalu "
            "didahulukan."
        ),
    )

    objects = ScopedManager(agency="agency")

    class Meta:
        verbose_name = _("pengaturan antrian")
        verbose_name_plural = _("pengaturan antrian")

    def __str__(self) -> str:
        return str(self.agency)


class TicketSequence(models.Model):
    """The last number given per location, prefix and local day (taken by one upsert)."""

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")
    prefix = models.CharField(max_length=3)
    day = models.DateField()
    last_number = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["location", "prefix", "day"], name="ticket_sequence_unique_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.prefix} {self.day}: {self.last_number}"

    @classmethod
    def take(cls, *, location_id: int, prefix: str, day) -> int:
        """The next number of the day: consecutive, since parallel takers queue up on the
        row's lock until the taker's transaction ends."""
        key = {"location": location_id, "prefix": prefix, "day": day}
        _pk, number = increment(cls, key=key, field="last_number")
        return number


class DailyIssueCount(models.Model):
    """Tickets issued per service, location and local day: what the daily quota counts.
    One tally of every ticket ("all") and one of those taken from phones ("online")."""

    class Kind(models.TextChoices):
        ALL = "all"
        ONLINE = "online"

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.ALL, db_default="all")
    issued = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["service", "location", "day", "kind"],
                name="daily_issue_count_unique_day_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.day}: {self.issued}"

    @classmethod
    def count_one(
        cls, *, service_id: int, location_id: int, day, limit: int | None, kind: str = Kind.ALL
    ) -> bool:
        """Count one ticket toward the day's tally of `kind`, unless `limit` (None: no
        limit) has been reached; False when refused. The row stays locked until the
        transaction ends, so parallel kiosks can't go past the limit together."""
        key = {"service": service_id, "location": location_id, "day": day, "kind": kind}
        return increment(cls, key=key, field="issued", below=limit) is not None

    @classmethod
    def full(cls, *, location_id: int, day, service_ids) -> set[int]:
        """The services of which count_one refuses walk-ins today: tally at the limit."""
        with scopes_disabled():
            limit = DailyQuota.objects.filter(
                service=models.OuterRef("service"), location=models.OuterRef("location")
            ).values("limit")
            return set(
                cls.objects.filter(
                    location_id=location_id, day=day, service_id__in=service_ids, kind=cls.Kind.ALL
                )
                .annotate(limit=models.Subquery(limit))
                .filter(issued__gte=models.F("limit"))
                .values_list("service_id", flat=True)
            )


class Priority(models.TextChoices):
    """Visitors served first (UU 25/2009 pasal 29)."""

    LANSIA = "lansia", _("Lansia")
    DISABILITAS = "disabilitas", _("Penyandang disabilitas")
    IBU_HAMIL = "ibu_hamil", _("Ibu hamil atau menyusui")
    ANAK = "anak", _("Anak-anak")


def new_ticket_code() -> str:
    return secrets.token_urlsafe(12)


# Named here once; the call service tells by these names that a call broke "one active
# ticket per operator and per counter".
ONE_ACTIVE_PER_OPERATOR = models.UniqueConstraint(
    fields=["operator"],
    condition=Q(status__in=["called", "serving"]),
    name="ticket_one_active_per_operator",
)
ONE_ACTIVE_PER_COUNTER = models.UniqueConstraint(
    fields=["counter"],
    condition=Q(status__in=["called", "serving"]),
    name="ticket_one_active_per_counter",
)
# A citizen takes one ticket of a service a day from their phone while it is live.
ONE_LIVE_ONLINE_PER_NIK = models.UniqueConstraint(
    fields=["service", "day", "nik"],
    condition=Q(source="online", status__in=["waiting", "called", "serving"]) & ~Q(nik=""),
    name="ticket_one_live_online_per_nik",
)


@dataclass(frozen=True)
class Interleave:
    """How one line mixes its two kinds of visitors, each kept in CALL_ORDER among its own:
    priority visitors and the regular ones (bookings, then walk-ins). After `every` priority
    calls in a row one regular visitor is called; `streak` priority calls have been made in
    a row since the line's last regular call. `every` None or 0: priority visitors always
    first. When one kind runs out, the other goes on in its own order."""

    every: int | None
    streak: int = 0

    def others_due(self, *, priority: bool, rank: int) -> int | None:
        """How many of the other kind are called before the visitor with `rank` of their own
        kind ahead, if that many wait; None: all of them."""
        # Priority calls still to make before the next regular one.
        run = max(self.every - self.streak, 0) if self.every else None
        if priority:
            if run is None or rank < run:
                return 0
            return (rank - run) // self.every + 1
        return None if run is None else run + rank * self.every

    def ahead(self, *, priority: bool, rank: int, others: int) -> int:
        """How many are called before the visitor with `rank` of their own kind ahead, when
        `others` of the other kind wait."""
        due = self.others_due(priority=priority, rank=rank)
        return rank + (others if due is None else min(due, others))

    def order(self, priorities: list, regulars: list) -> list:
        """One line's two kinds, each given in CALL_ORDER, in the order they are called."""
        kinds = ((True, priorities, regulars), (False, regulars, priorities))
        placed = [
            (self.ahead(priority=priority, rank=rank, others=len(others)), ticket)
            for priority, own, others in kinds
            for rank, ticket in enumerate(own)
        ]
        return [ticket for _ahead, ticket in sorted(placed, key=operator.itemgetter(0))]


# Before any call: the streak counts the priority calls after the line's last regular one.
BEFORE_ANY_CALL = datetime(1, 1, 1, tzinfo=UTC)

# What a statement about a day's lines at a location runs with (common.statements): the
# location, the local day, and one service or several.
LOCATION_ID = Param("location_id", models.BigIntegerField())
DAY = Param("day", models.DateField())
SERVICE_ID = Param("service_id", models.BigIntegerField())
SERVICE_IDS = Param("service_ids", IDS)


class Ticket(models.Model):
    """A queue ticket; its number is unique per location, prefix and local day.

    The call order is defined here once. A line is the waiting tickets of one service at one
    location on one local day. Within a line, priority visitors and regular ones (bookings,
    then walk-ins) each keep CALL_ORDER among their own, and the agency's
    `QueueSetting.priority_run` interleaves them (Interleave): after that many priority
    calls in a row, one regular call. The streak is counted per line, from the line's own
    calls today, because a line is what the place in line counts (the tickets of the same
    service ahead) and what every counter serving that service takes from: whichever
    counter calls, and whatever else it serves, a line is called in its own interleaved
    order, so the number shown to a visitor is the number of calls of their service before
    theirs. A streak per counter or per agency would let other services' calls change a
    line's order, and two counters serving one service would call it in different orders.
    Across the lines of a counter, call-next takes among the lines' next tickets the one
    CALL_ORDER puts first (a priority visitor of any of its services first), as
    call_sequence lists them."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Menunggu")
        CALLED = "called", _("Dipanggil")
        SERVING = "serving", _("Sedang dilayani")
        DONE = "done", _("Selesai")
        NO_SHOW = "no_show", _("Tidak hadir")
        CANCELLED = "cancelled", _("Dibatalkan")
        TRANSFERRED = "transferred", _("Dialihkan")

    class Source(models.TextChoices):
        KIOSK = "kiosk", _("Kios")
        BOOKING = "booking", _("Reservasi")
        STAFF = "staff", _("Petugas")
        ONLINE = "online", _("Ponsel")

    class QueueClass(models.IntegerChoices):
        """The first part of the call order (then queued_at, then id)."""

        PRIORITY = 0, _("Prioritas")
        BOOKING = 1, _("Reservasi")
        WALK_IN = 2, _("Datang langsung")

    ACTIVE = (Status.CALLED, Status.SERVING)
    # Who is called first among priority visitors, and among the regular ones: checked-in
    # bookings by their slot, then walk-ins by arrival. Interleave mixes the two kinds
    # within a line; across lines, the next ticket of each line is compared by it.
    CALL_ORDER = ("queue_class", "queued_at", "id")
    # Every change of status, by the action its TicketEvent records: the statuses it may
    # start from and the one it leads to. counters.queue.services.tickets applies no other.
    TRANSITIONS = {
        "issued": ((), Status.WAITING),
        "called": ((Status.WAITING,), Status.CALLED),
        "recalled": ((Status.CALLED,), Status.CALLED),
        "started": ((Status.CALLED,), Status.SERVING),
        "finished": ((Status.SERVING,), Status.DONE),
        "no_show": ((Status.CALLED,), Status.NO_SHOW),
        "sent_back": ((Status.CALLED,), Status.WAITING),
        "transferred": ((Status.SERVING,), Status.TRANSFERRED),
        "cancelled": ((Status.WAITING, Status.CALLED), Status.CANCELLED),
        "checked_in": ((Status.WAITING,), Status.WAITING),
        "lapsed": ((Status.WAITING,), Status.NO_SHOW),
    }

    # Every ticket written costs one entry per index, and a call or a finish (which change
    # indexed columns) one more in each: foreign keys whose lookups the composite indexes
    # below already serve (agency, location, service), or that are never looked up
    # (issued_by), have no index of their own.
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="tickets",
        verbose_name=_("instansi"),
        db_index=False,
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        related_name="tickets",
        verbose_name=_("lokasi"),
        db_index=False,
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.PROTECT,
        related_name="tickets",
        verbose_name=_("layanan"),
        db_index=False,
    )
    day = models.DateField(_("tanggal (WITA)"))
    prefix = models.CharField(_("awalan"), max_length=3)
    number = models.PositiveIntegerField(_("nomor"))
    code = models.CharField(_("kode"), max_length=20, default=new_ticket_code, editable=False)
    priority = models.CharField(_("prioritas"), max_length=16, choices=Priority.choices, blank=True)
    source = models.CharField(_("sumber"), max_length=16, choices=Source.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.WAITING
    )
    queue_class = models.PositiveSmallIntegerField(_("kelas antrian"), choices=QueueClass.choices)
    queued_at = models.DateTimeField(_("urutan antrian"))
    booked_slot_start = models.DateTimeField(_("slot reservasi"), null=True, blank=True)
    issued_at = models.DateTimeField(_("diambil"))
    called_at = models.DateTimeField(_("dipanggil"), null=True, blank=True)
    started_at = models.DateTimeField(_("mulai dilayani"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    recall_count = models.PositiveSmallIntegerField(_("panggilan ulang"), default=0)
    # Where the visitor asked to be told "3 more" and the call (counters.queue.messages):
    # kept for the day only, cleared at night; the language of those messages.
    phone = models.CharField(
        _("nomor ponsel"), max_length=16, blank=True, default="", db_default=""
    )
    language = models.CharField(_("bahasa"), max_length=5, default="id", db_default="id")
    # A ticket taken from a phone: the NIK it was taken with (one live ticket per NIK, service
    # and day; cleared at night like the phone) and when it checked in at the hall. Until
    # then it lapses instead of being called.
    nik = models.CharField(_("NIK"), max_length=16, blank=True, default="", db_default="")
    checked_in_at = models.DateTimeField(_("check-in"), null=True, blank=True)
    counter = models.ForeignKey(
        Counter,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tickets",
        verbose_name=_("loket"),
    )
    operator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="served_tickets",
        verbose_name=_("petugas"),
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="issued_tickets",
        verbose_name=_("diambilkan oleh"),
        db_index=False,
    )
    transferred_from = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transferred_to",
        verbose_name=_("dialihkan dari"),
    )

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("tiket antrian")
        verbose_name_plural = _("tiket antrian")
        constraints = [
            # A transferred visitor keeps number and code: the chain has one live ticket.
            models.UniqueConstraint(
                fields=["location", "day", "prefix", "number"],
                condition=~Q(status="transferred"),
                name="ticket_unique_number",
            ),
            models.UniqueConstraint(
                fields=["code"], condition=~Q(status="transferred"), name="ticket_unique_code"
            ),
            ONE_ACTIVE_PER_OPERATOR,
            ONE_ACTIVE_PER_COUNTER,
            ONE_LIVE_ONLINE_PER_NIK,
        ]
        indexes = [
            # Today's waiting line of one service in call order: places in line, and the
            # heads of the lines that call-next chooses from.
            models.Index(
                fields=["location", "service", "day", "queue_class", "queued_at", "id"],
                condition=Q(status="waiting"),
                name="ticket_waiting_by_service",
            ),
            # Each line's latest calls: the streak of priority calls.
            models.Index(
                fields=["location", "service", "day", "called_at"],
                include=["queue_class"],
                condition=Q(called_at__isnull=False),
                name="ticket_called_by_service",
            ),
            models.Index(fields=["service", "location", "finished_at"], name="ticket_finished"),
            models.Index(fields=["agency", "day"], name="ticket_agency_day"),
            # Whether anyone waiting in a line left a number to be told "3 more": a few
            # entries, read at every call.
            models.Index(
                fields=["location", "service", "day"],
                condition=Q(status="waiting") & ~Q(phone=""),
                name="ticket_waiting_with_phone",
            ),
            # A NIK's tickets from phones today (their daily limit).
            models.Index(fields=["nik", "day"], condition=~Q(nik=""), name="ticket_online_nik"),
        ]

    def __str__(self) -> str:
        return self.display_number

    @property
    def display_number(self) -> str:
        return f"{self.prefix}-{self.number:03d}"

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)

    @property
    def awaits_check_in(self) -> bool:
        """Taken from a phone and not yet checked in at the hall: lapses at its turn."""
        return self.source == self.Source.ONLINE and self.checked_in_at is None

    @property
    def is_priority(self) -> bool:
        return self.queue_class == self.QueueClass.PRIORITY

    @classmethod
    def of_kind(cls, *, priority: bool) -> Q:
        """Priority visitors, or the regular ones (bookings and walk-ins)."""
        if priority:
            return Q(queue_class=cls.QueueClass.PRIORITY)
        return Q(queue_class__gt=cls.QueueClass.PRIORITY)

    @classmethod
    def waiting_line(cls, *, location_id: int, day, service_ids=None, service=None):
        """Today's waiting tickets at a location of these services (a list of ids, or a
        Param of one) or of one `service` (an id, or an expression of one), in CALL_ORDER."""
        services = Q(service_id__any=service_ids) if service is None else Q(service_id=service)
        with scopes_disabled():
            return cls.objects.filter(
                services, status=cls.Status.WAITING, location_id=location_id, day=day
            ).order_by(*cls.CALL_ORDER)

    @classmethod
    def before(cls, *, priority: bool, place: dict) -> Q:
        """The tickets of a kind that CALL_ORDER puts before a ticket of that kind at
        `place` (its values of the CALL_ORDER fields, or Params of them)."""
        # (a, b, c) < (x, y, z): a < x, or a = x and b < y, or a = x, b = y and c < z.
        earlier = reduce(
            operator.or_,
            (
                Q(
                    **{earlier: place[earlier] for earlier in cls.CALL_ORDER[:n]},
                    **{f"{name}__lt": place[name]},
                )
                for n, name in enumerate(cls.CALL_ORDER)
            ),
        )
        return cls.of_kind(priority=priority) & earlier

    @classmethod
    def _lines(cls, *, location_id: int, day, service_ids) -> models.QuerySet:
        """The services' rows, each with its line's Interleave: its agency's setting
        (`agency__queue_setting__priority_run`) and `streak`, the priority calls made in a
        row since the line's last regular call today."""

        def calls(service):
            return cls.objects.filter(
                location_id=location_id, day=day, service=service, called_at__isnull=False
            )

        last_regular = (
            calls(OuterRef(OuterRef("pk")))
            .filter(cls.of_kind(priority=False))
            .order_by("-called_at")
            .values("called_at")[:1]
        )
        streak = (
            calls(OuterRef("pk"))
            .filter(
                cls.of_kind(priority=True),
                called_at__gt=Coalesce(Subquery(last_regular), Value(BEFORE_ANY_CALL)),
            )
            .order_by()
            .values("service")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return (
            Service.objects.filter(pk__any=service_ids)
            .order_by()
            .annotate(streak=Coalesce(Subquery(streak), 0))
        )

    @classmethod
    def interleaves(cls, *, location_id: int, day, service_ids) -> dict[int, Interleave]:
        """Each line's Interleave, by service id, in one statement."""
        with scopes_disabled():
            rows = cls._lines(location_id=location_id, day=day, service_ids=service_ids)
            return {
                pk: Interleave(every=every, streak=streak)
                for pk, every, streak in rows.values_list(
                    "pk", "agency__queue_setting__priority_run", "streak"
                )
            }

    @classmethod
    def call_sequence(
        cls, *, location_id: int, day, service_ids: list[int], length: int
    ) -> list[int]:
        """The ids of the first `length` waiting tickets of these services at a location, in
        the order that call-next, pressed again and again at a counter serving them all,
        calls them: each service's line in its Interleave order, and at each call, of the
        lines' next tickets the one that CALL_ORDER puts first. Those `length` can only be
        among the first `length` of each kind of each line, so no more are read, however
        long the lines: one statement for each line's Interleave and the ids of those
        tickets, one for their places in CALL_ORDER (each built once, common.statements)."""
        lines = _LINE_HEADS.rows(
            length, location_id=location_id, day=day, service_ids=list(service_ids)
        )
        ids = [pk for *_interleave, priorities, regulars in lines for pk in priorities + regulars]
        if not ids:
            return []
        tickets = {row.id: row for row in map(_Place._make, _PLACES.rows(ids=ids))}
        # A ticket called by another counter between the two statements is left out.
        ordered = [
            Interleave(every=every, streak=streak).order(
                [tickets[pk] for pk in priorities if pk in tickets],
                [tickets[pk] for pk in regulars if pk in tickets],
            )
            for every, streak, priorities, regulars in lines
        ]
        # heapq.merge holds one ticket of each line at a time and yields the first of them
        # in CALL_ORDER: the rule across lines, without reordering a line.
        merged = heapq.merge(*ordered, key=operator.attrgetter(*cls.CALL_ORDER))
        return [row.id for row in itertools.islice(merged, length)]

    @classmethod
    def _line_heads(cls, length: int) -> models.QuerySet:
        """call_sequence's first statement: the lines' Interleaves and the ids of the first
        `length` tickets of each kind of each line."""

        def firsts(priority: bool) -> ArraySubquery:
            line = cls.waiting_line(location_id=LOCATION_ID, day=DAY, service=OuterRef("pk"))
            return ArraySubquery(line.filter(cls.of_kind(priority=priority)).values("id")[:length])

        with scopes_disabled():
            return (
                cls._lines(location_id=LOCATION_ID, day=DAY, service_ids=SERVICE_IDS)
                .annotate(priorities=firsts(True), regulars=firsts(False))
                .values_list(
                    "agency__queue_setting__priority_run", "streak", "priorities", "regulars"
                )
            )

    @classmethod
    def _places(cls) -> models.QuerySet:
        """call_sequence's second statement: the tickets' places in CALL_ORDER."""
        with scopes_disabled():
            return (
                cls.objects.filter(pk__any=Param("ids", IDS))
                .order_by()
                .values_list(*cls.CALL_ORDER)
            )

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE


_LINE_HEADS = Statement(Ticket._line_heads)
_PLACES = Statement(Ticket._places)
_Place = namedtuple("_Place", Ticket.CALL_ORDER)


class TicketEvent(models.Model):
    """One change of a ticket: the audit trail and the display boards' feed."""

    class Action(models.TextChoices):
        ISSUED = "issued", _("Diambil")
        CALLED = "called", _("Dipanggil")
        RECALLED = "recalled", _("Dipanggil ulang")
        STARTED = "started", _("Mulai dilayani")
        FINISHED = "finished", _("Selesai")
        NO_SHOW = "no_show", _("Tidak hadir")
        SENT_BACK = "sent_back", _("Dikembalikan ke antrian")
        TRANSFERRED = "transferred", _("Dialihkan")
        CANCELLED = "cancelled", _("Dibatalkan")
        CHECKED_IN = "checked_in", _("Check-in di kios")
        LAPSED = "lapsed", _("Hangus (belum check-in saat giliran)")

    CALLS = (Action.CALLED, Action.RECALLED)

    # Read by ticket (its history) and by location in id order (the boards' feed) only.
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="ticket_events",
        verbose_name=_("instansi"),
        db_index=False,
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        related_name="ticket_events",
        verbose_name=_("lokasi"),
        db_index=False,
    )
    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="events", verbose_name=_("tiket")
    )
    action = models.CharField(_("aksi"), max_length=16, choices=Action.choices)
    from_status = models.CharField(
        _("dari status"), max_length=16, choices=Ticket.Status.choices, blank=True
    )
    to_status = models.CharField(_("ke status"), max_length=16, choices=Ticket.Status.choices)
    counter = models.ForeignKey(
        Counter,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("loket"),
        db_index=False,
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ticket_events",
        verbose_name=_("oleh"),
        db_index=False,
    )
    note = models.CharField(_("catatan"), max_length=255, blank=True)
    at = models.DateTimeField(_("waktu"))

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["id"]
        verbose_name = _("riwayat tiket")
        verbose_name_plural = _("riwayat tiket")
        indexes = [
            models.Index(fields=["location", "id"], name="ticket_event_feed"),
            # The board's "today's calls": by time, so that a morning with few calls yet
            # reads today's only, not the location's whole history back to the last ones.
            models.Index(
                fields=["location", "at"],
                condition=Q(action__in=["called", "recalled"]),
                name="ticket_event_calls_by_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ticket} {self.get_action_display()}"


class CounterPause(models.Model):
    """A pause of an open counter (break, system down); pauses count in reports."""

    class Reason(models.TextChoices):
        BREAK = "break", _("Istirahat")
        PRAYER = "prayer", _("Ibadah")
        SYSTEM_DOWN = "system_down", _("Gangguan sistem")
        OTHER = "other", _("Lainnya")

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="counter_pauses", verbose_name=_("instansi")
    )
    counter = models.ForeignKey(
        Counter, on_delete=models.CASCADE, related_name="pauses", verbose_name=_("loket")
    )
    operator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="counter_pauses",
        verbose_name=_("petugas"),
    )
    reason = models.CharField(_("alasan"), max_length=16, choices=Reason.choices)
    note = models.CharField(_("keterangan"), max_length=255, blank=True)
    started_at = models.DateTimeField(_("mulai"))
    ended_at = models.DateTimeField(_("selesai"), null=True, blank=True)

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("jeda loket")
        verbose_name_plural = _("jeda loket")
        constraints = [
            models.UniqueConstraint(
                fields=["counter"], condition=Q(ended_at__isnull=True), name="pause_one_open"
            )
        ]

    def __str__(self) -> str:
        return f"{self.counter}: {self.get_reason_display()}"


class BoardSetting(models.Model):
    """What mall admins set for a location's hall devices: display boards and kiosks."""

    class SlipPaper(models.TextChoices):
        MM80 = "80", "80 mm"
        MM58 = "58", "58 mm"

    location = models.OneToOneField(
        Location, on_delete=models.CASCADE, related_name="board_setting", verbose_name=_("lokasi")
    )
    running_text = models.TextField(
        _("teks berjalan"), blank=True, help_text=_("Pengumuman yang berjalan di bawah layar.")
    )
    # Staff set it once for the printers at the location; citizens at the kiosk never see it.
    kiosk_paper = models.CharField(
        _("kertas struk kios"),
        max_length=2,
        choices=SlipPaper.choices,
        default=SlipPaper.MM80,
        help_text=_("Lebar kertas printer struk di kios lokasi ini."),
    )
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("layar antrian")
        verbose_name_plural = _("layar antrian")

    def __str__(self) -> str:
        return str(self.location)
