"""Writes of booths: an owner's application, the mall admin's decisions and the allocation
run that applies the rule of umkm.booth_selectors.allocation_order."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from common import clock
from common.db import broke
from common.errors import DomainError
from umkm.booth_messages import booth_messages_consent, booth_tell
from umkm.booth_selectors import RECENT_DAYS, allocation_order
from umkm.caching import showcase_changed
from umkm.models import Booth, BoothApplication, BoothChoice, BoothPeriod, Business

MAX_CHOICES = 3
NEVER_TWICE = next(
    constraint
    for constraint in BoothApplication._meta.constraints
    if constraint.name == "booth_never_given_twice"
)


def booth_application_submit(
    *,
    business: Business,
    period: BoothPeriod,
    booths: list[Booth],
    products: str,
    notify: bool = False,
) -> BoothApplication:
    """An approved business applies inside the period's window, with its booths in order of
    preference and what it will sell there."""
    if not business.is_public:
        raise DomainError(
            _("Hanya UMKM yang sudah disetujui dapat mendaftar stan."), code="not_approved"
        )
    if not period.accepts_applications_on(clock.today()):
        raise DomainError(
            _("Pendaftaran untuk periode ini tidak sedang dibuka."), code="window_closed"
        )
    if not 1 <= len(booths) <= MAX_CHOICES or len(set(booths)) != len(booths):
        raise DomainError(
            _("Pilih 1 sampai %(count)d stan yang berbeda.") % {"count": MAX_CHOICES},
            code="bad_choices",
        )
    offered = set(period.booths.filter(is_active=True).values_list("pk", flat=True))
    if any(booth.pk not in offered for booth in booths):
        raise DomainError(
            _("Stan itu tidak ditawarkan pada periode ini."), code="booth_not_offered"
        )
    if not products.strip():
        raise DomainError(_("Tuliskan produk yang akan dibawa."), code="products_required")
    try:
        with transaction.atomic():
            application = BoothApplication.objects.create(
                period=period,
                business=business,
                products=products.strip(),
                submitted_at=clock.now(),
            )
            BoothChoice.objects.bulk_create(
                BoothChoice(application=application, booth=booth, rank=rank)
                for rank, booth in enumerate(booths, start=1)
            )
            if notify:
                booth_messages_consent(business=business)
    except IntegrityError:
        raise DomainError(
            _("Usaha Anda sudah mendaftar untuk periode ini."), code="already_applied"
        ) from None
    return application


def _pending_locked(application: BoothApplication) -> BoothApplication:
    # Locked: two admins deciding the same application at once decide it once.
    locked = (
        BoothApplication.objects.select_for_update(of=("self",))
        .select_related("period__location", "business__owner")
        .filter(pk=application.pk, status=BoothApplication.Status.PENDING)
        .first()
    )
    if locked is None:
        raise DomainError(_("Pendaftaran ini sudah diputuskan."), code="already_decided")
    return locked


def _decided(application: BoothApplication, *, by: AbstractBaseUser, note: str) -> None:
    application.note = note.strip()
    application.decided_at = clock.now()
    application.decided_by = by


@transaction.atomic
def booth_allocate(
    *, application: BoothApplication, booth: Booth, by: AbstractBaseUser, note: str = ""
) -> BoothApplication:
    """The booth is the business's for the period's dates, unless it is already given for a
    common day (in this period or an overlapping one): then the database refuses it."""
    application = _pending_locked(application)
    period = application.period
    if not period.booths.filter(pk=booth.pk, is_active=True).exists():
        raise DomainError(
            _("Stan itu tidak ditawarkan pada periode ini."), code="booth_not_offered"
        )
    application.status = BoothApplication.Status.ALLOCATED
    application.booth = booth
    application.starts_on, application.ends_on = period.starts_on, period.ends_on
    _decided(application, by=by, note=note)
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as error:
        if broke(error, NEVER_TWICE):
            raise DomainError(
                _("%(booth)s sudah diberikan kepada usaha lain pada tanggal yang sama.")
                % {"booth": booth},
                code="booth_taken",
            ) from None
        raise
    showcase_changed()
    booth_tell(application)
    return application


@transaction.atomic
def booth_decline(
    *, application: BoothApplication, by: AbstractBaseUser, note: str
) -> BoothApplication:
    """No booth this time; the owner reads why."""
    if not note.strip():
        raise DomainError(_("Tuliskan alasan untuk pemilik."), code="note_required")
    application = _pending_locked(application)
    application.status = BoothApplication.Status.DECLINED
    _decided(application, by=by, note=note)
    application.save()
    booth_tell(application)
    return application


def _rule_note(application: BoothApplication, rank: int) -> str:
    note = _(
        "Stan pilihan ke-%(rank)d. Urutan pembagian: %(recent)d kali mendapat stan dalam "
        "%(days)d hari sebelum periode ini, mendaftar %(at)s."
    ) % {
        "rank": rank,
        "recent": application.recent,
        "days": RECENT_DAYS,
        "at": formats.date_format(timezone.localtime(application.submitted_at), "j F Y H.i"),
    }
    if application.by_quota:
        note += " " + _("Diberikan dari kuota Dekranasda.")
    return note


def booth_allocation_run(*, period: BoothPeriod, by: AbstractBaseUser) -> dict[str, int]:
    """Every pending application of the period decided by the rule, in allocation_order:
    each gets its most preferred booth that is still free, or is declined with the reason.
    Each decision is its own transaction: a run stopped halfway leaves whole decisions."""
    outcome = {"allocated": 0, "declined": 0}
    for application in allocation_order(period):
        for choice in application.choices.all():
            try:
                booth_allocate(
                    application=application,
                    booth=choice.booth,
                    by=by,
                    note=_rule_note(application, choice.rank),
                )
            except DomainError as error:
                if error.code == "already_decided":
                    break  # decided by hand meanwhile: the admin's decision stands
                if error.code != "booth_taken":
                    raise
            else:
                outcome["allocated"] += 1
                break
        else:
            booth_decline(
                application=application,
                by=by,
                note=_("Semua stan yang Anda pilih sudah diberikan kepada pendaftar sebelumnya."),
            )
            outcome["declined"] += 1
    return outcome
