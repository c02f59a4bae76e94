"""Every write of the UMKM app: registration, profile, products, photos, moderation."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from common import clock
from common.errors import DomainError
from common.images import prepare_photo
from common.mail import email_message
from common.side_effects import after_commit
from umkm.caching import showcase_changed
from umkm.models import Business, BusinessChange, Product, ProductPhoto
from umkm.selectors import pending_change

MAX_PHOTOS_PER_PRODUCT = 6
# Path segments under /umkm/ that are pages, never a business.
RESERVED_SLUGS = {"akun", "api", "admin", "di-mpp"}

BUSINESS_PROFILE_FIELDS = {
    "name",
    "description",
    "category",
    "kecamatan",
    "address",
    "whatsapp",
    "instagram_url",
    "facebook_url",
    "marketplace_url",
    "nib",
    "halal_certificate",
    "is_dekranasda_member",
}
PRODUCT_FIELDS = {"name", "description", "price", "unit", "category", "is_available"}


def _free_slug(queryset, name: str, *, fallback: str, reserved=frozenset()) -> str:
    base = slugify(name)[:120] or fallback
    slug = base
    while slug in reserved or queryset.filter(slug=slug).exists():
        slug = f"{base}-{secrets.token_hex(2)}"
    return slug


def business_register(
    *,
    username: str,
    password: str,
    email: str,
    owner_name: str,
    name: str,
    category: str,
    kecamatan: str,
    address: str,
    whatsapp: str,
    description: str = "",
) -> Business:
    """A new owner account and its business, waiting for a mall admin's approval."""
    user_model = get_user_model()
    try:
        with transaction.atomic():
            if user_model.objects.filter(username__iexact=username).exists():
                raise DomainError(_("Nama pengguna ini sudah dipakai."), code="username_taken")
            first_name, _sep, last_name = owner_name.partition(" ")
            owner = user_model.objects.create_user(
                username=username,
                password=password,
                email=email,
                first_name=first_name,
                last_name=last_name,
            )
            return Business.objects.create(
                owner=owner,
                name=name,
                slug=_free_slug(
                    Business.objects.all(), name, fallback="umkm", reserved=RESERVED_SLUGS
                ),
                category=category,
                kecamatan=kecamatan,
                address=address,
                whatsapp=whatsapp,
                description=description,
            )
    except IntegrityError:
        # Another registration took the same username or slug a moment ago.
        raise DomainError(
            _("Pendaftaran bersamaan dengan pendaftaran lain. Silakan coba lagi."),
            code="conflict",
        ) from None


# What visitors trust an approved business by: who it is, how to reach it, where to buy,
# and the claims it makes (legal number, halal, Dekranasda). Changes to these wait for a
# mall admin. Category, kecamatan and address only place the business, and products are
# the ordinary trade of an approved business (prices and stock change daily; each is shown
# under the approved name and contacts, and a mall admin can hide one or suspend the
# business): those go live at once.
REVIEWED_FIELDS = {
    "name",
    "description",
    "whatsapp",
    "instagram_url",
    "facebook_url",
    "marketplace_url",
    "nib",
    "halal_certificate",
    "is_dekranasda_member",
}


@transaction.atomic
def business_update(*, business: Business, changes: dict) -> BusinessChange | None:
    """The owner edits their profile; status, booth and moderation are not theirs to set.

    While the business is public, changes to REVIEWED_FIELDS wait in its pending change
    (returned; None when nothing waits) and the public keeps seeing the approved values."""
    unknown = set(changes) - BUSINESS_PROFILE_FIELDS
    if unknown:
        raise DomainError(_("Kolom ini tidak boleh diubah pemilik."), code="forbidden_field")
    # Locked, and before its pending change (as the moderator's decision takes them): two
    # edits, or an edit and a decision, run one after the other.
    business = Business.objects.select_for_update().get(pk=business.pk)
    held = {}
    if business.is_public:
        held = {name: value for name, value in changes.items() if name in REVIEWED_FIELDS}
    live = {name: value for name, value in changes.items() if name not in held}
    if live:
        showcase_changed()
        for field, value in live.items():
            setattr(business, field, value)
        business.save(update_fields=[*live])
    return _hold_for_review(business=business, held=held)


def _hold_for_review(*, business: Business, held: dict) -> BusinessChange | None:
    change = pending_change(business)
    if not held:
        return change
    proposed = {**(change.proposed if change else {}), **held}
    # A field set back to its approved value no longer waits.
    proposed = {name: v for name, v in proposed.items() if getattr(business, name) != v}
    if not proposed:
        if change:
            change.delete()
        return None
    if change is None:
        change = BusinessChange(business=business)
    change.proposed = proposed
    change.submitted_at = clock.now()
    change.save()
    return change


def _tell_owner(business: Business, *, subject: str, body: str) -> None:
    if business.owner.email:
        message = email_message(subject=subject, body=body, to=[business.owner.email])
        after_commit(message.send)


def _pending_change_locked(change: BusinessChange) -> BusinessChange:
    """The change, still pending, with its business. Locks are taken as business_update
    takes them, business first, then its change: a decision and an owner's edit at the
    same moment run one after the other instead of deadlocking."""
    business = (
        Business.objects.select_for_update(of=("self",))
        .select_related("owner")
        .get(pk=change.business_id)
    )
    locked = (
        BusinessChange.objects.select_for_update()
        .filter(pk=change.pk, status=BusinessChange.Status.PENDING)
        .first()
    )
    if locked is None:
        raise DomainError(_("Perubahan ini sudah diputuskan."), code="already_decided")
    locked.business = business
    return locked


@transaction.atomic
def business_change_approve(
    *, change: BusinessChange, moderator: AbstractBaseUser, note: str = ""
) -> Business:
    """The proposed values go public."""
    change = _pending_change_locked(change)
    business = change.business
    showcase_changed()
    for field, value in change.proposed.items():
        setattr(business, field, value)
    business.save(update_fields=[*change.proposed])
    _decide(change, status=BusinessChange.Status.APPROVED, moderator=moderator, note=note)
    _tell_owner(
        business,
        subject=_("Perubahan profil %(name)s disetujui") % {"name": business.name},
        body=_("Perubahan profil usaha Anda kini tampil di etalase UMKM MPP Kutai Timur.")
        + _note_paragraph(note),
    )
    return business


@transaction.atomic
def business_change_reject(
    *, change: BusinessChange, moderator: AbstractBaseUser, note: str
) -> BusinessChange:
    """The approved values stay public; the owner reads why."""
    if not note.strip():
        raise DomainError(_("Tuliskan alasan penolakan untuk pemilik."), code="note_required")
    change = _pending_change_locked(change)
    _decide(change, status=BusinessChange.Status.REJECTED, moderator=moderator, note=note)
    _tell_owner(
        change.business,
        subject=_("Perubahan profil %(name)s ditolak") % {"name": change.business.name},
        body=_("Perubahan profil usaha Anda tidak disetujui; etalase tetap menampilkan data lama.")
        + _note_paragraph(note),
    )
    return change


def _decide(change: BusinessChange, *, status: str, moderator, note: str) -> None:
    change.status = status
    change.note = note.strip()
    change.decided_at = clock.now()
    change.decided_by = moderator
    change.save(update_fields=["status", "note", "decided_at", "decided_by"])


def _note_paragraph(note: str) -> str:
    note = note.strip()
    return "\n\n" + _("Catatan pengelola: %(note)s") % {"note": note} if note else ""


def _moderate(
    *, business: Business, status: str, note: str, moderator: AbstractBaseUser
) -> Business:
    showcase_changed()
    business.status = status
    business.moderation_note = note
    business.moderated_at = clock.now()
    business.moderated_by = moderator
    business.save(update_fields=["status", "moderation_note", "moderated_at", "moderated_by"])
    _tell_owner(
        business,
        subject=_("Status UMKM %(name)s: %(status)s")
        % {"name": business.name, "status": business.get_status_display()},
        body=_("Status usaha Anda di etalase UMKM MPP Kutai Timur: %(status)s.")
        % {"status": business.get_status_display()}
        + _note_paragraph(note),
    )
    return business


@transaction.atomic
def business_approve(
    *, business: Business, moderator: AbstractBaseUser, note: str = ""
) -> Business:
    return _moderate(
        business=business, status=Business.Status.APPROVED, note=note.strip(), moderator=moderator
    )


@transaction.atomic
def business_suspend(*, business: Business, moderator: AbstractBaseUser, note: str) -> Business:
    """Hides the business and all its products; the owner reads the reason."""
    if not note.strip():
        raise DomainError(_("Tuliskan alasan penangguhan untuk pemilik."), code="note_required")
    return _moderate(
        business=business, status=Business.Status.SUSPENDED, note=note.strip(), moderator=moderator
    )


@transaction.atomic
def product_create(
    *,
    business: Business,
    name: str,
    price: int,
    unit: str,
    category: str,
    description: str = "",
    is_available: bool = True,
) -> Product:
    showcase_changed()
    return Product.objects.create(
        business=business,
        name=name,
        slug=_free_slug(business.products.all(), name, fallback="produk"),
        price=price,
        unit=unit,
        category=category,
        description=description,
        is_available=is_available,
    )


@transaction.atomic
def product_update(*, product: Product, changes: dict) -> Product:
    showcase_changed()
    unknown = set(changes) - PRODUCT_FIELDS
    if unknown:
        raise DomainError(_("Kolom ini tidak boleh diubah pemilik."), code="forbidden_field")
    for field, value in changes.items():
        setattr(product, field, value)
    product.save(update_fields=[*changes, "updated_at"])
    return product


def _delete_files_after_commit(photos: list[ProductPhoto]) -> None:
    names = [(photo.image.storage, photo.image.name) for photo in photos]
    names += [(photo.thumbnail.storage, photo.thumbnail.name) for photo in photos]

    def delete():
        for storage, name in names:
            storage.delete(name)

    after_commit(delete)


@transaction.atomic
def product_delete(*, product: Product) -> None:
    showcase_changed()
    _delete_files_after_commit(list(product.photos.all()))
    product.delete()


@transaction.atomic
def product_photo_add(*, product: Product, upload: File, alt_text: str = "") -> ProductPhoto:
    """Checks and re-encodes the upload, and makes its thumbnail once, here."""
    showcase_changed()
    prepared = prepare_photo(upload)
    # Lock the product so that two uploads at once can't both pass the photo limit.
    Product.objects.select_for_update().filter(pk=product.pk).first()
    count = product.photos.count()
    if count >= MAX_PHOTOS_PER_PRODUCT:
        raise DomainError(
            _("Paling banyak %(count)d foto per produk.") % {"count": MAX_PHOTOS_PER_PRODUCT},
            code="too_many_photos",
        )
    photo = ProductPhoto(
        product=product,
        alt_text=alt_text or product.name,
        position=count,
        width=prepared.width,
        height=prepared.height,
    )
    photo.image.save(prepared.image.name, prepared.image, save=False)
    photo.thumbnail.save(prepared.thumbnail.name, prepared.thumbnail, save=False)
    photo.save()
    return photo


@transaction.atomic
def product_photo_delete(*, photo: ProductPhoto) -> None:
    showcase_changed()
    _delete_files_after_commit([photo])
    photo.delete()
