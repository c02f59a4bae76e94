"""Checks and re-encodes uploaded photos (UMKM products, complaints): type, size, pixel
count, metadata, thumbnail."""

import io
from dataclasses import dataclass

from django.core.files import File
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from common.errors import DomainError


class InvalidPhoto(DomainError):
    status = 422
    code = "invalid_photo"


MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# Pillow reports many phone-camera JPEGs (with a depth or preview frame) as MPO.
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}
MIN_EDGE = 100
MAX_EDGE = 8000
# A 24-megapixel phone photo passes; decoding costs about 4 bytes a pixel (RGBA), so this
# bounds one upload's memory near 100 MB, whatever the file's size on disk.
MAX_PIXELS = 24_000_000
PHOTO_EDGE = 1600
THUMBNAIL_EDGE = 480


@dataclass(frozen=True)
class PreparedPhoto:
    image: ContentFile
    thumbnail: ContentFile
    width: int
    height: int


def _encode(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


def _in_srgb(image: Image.Image) -> Image.Image:
    """Pixels of a photo with a colour profile (a phone's Display P3, Adobe RGB) converted
    to sRGB, so that they look the same once the profile is dropped."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "CMYK", "L"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        return ImageCms.profileToProfile(
            image, source, ImageCms.createProfile("sRGB"), outputMode="RGB"
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        # A broken profile: the pixels as they are, which is what most viewers show.
        return image


def _without_metadata(image: Image.Image) -> Image.Image:
    """The pixels only: Pillow carries metadata it read (a JPEG comment, XMP, EXIF, an ICC
    profile, PNG text chunks) into what it saves, so the saved image is made anew."""
    return Image.frombytes(image.mode, image.size, image.tobytes())


def _encode_thumbnail(image: Image.Image) -> bytes:
    """WebP: a third of the JPEG's bytes at the same look, and a showcase page shows
    dozens of thumbnails to phones (the page budget is 100 KiB)."""
    buffer = io.BytesIO()
    image.save(buffer, format="WEBP", quality=75, method=6)
    return buffer.getvalue()


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "P", "PA"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def _open_checked(upload: File) -> Image.Image:
    size = getattr(upload, "size", None)
    if size is None or size > MAX_UPLOAD_BYTES:
        raise InvalidPhoto(_("Ukuran foto paling besar 5 MB."), code="photo_too_large")
    upload.seek(0)
    too_large = InvalidPhoto(
        _("Dimensi foto terlalu besar (paling besar %(edge)d piksel per sisi).")
        % {"edge": MAX_EDGE},
        code="photo_dimensions",
    )
    try:
        image = Image.open(upload)
    except Image.DecompressionBombError:
        raise too_large from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise InvalidPhoto(
            _("Berkas ini bukan foto JPEG, PNG atau WebP yang sah."), code="photo_type"
        ) from None
    if image.format not in ACCEPTED_FORMATS:
        raise InvalidPhoto(_("Foto harus berformat JPEG, PNG atau WebP."), code="photo_type")
    width, height = image.size
    # Dimensions come from the header (Image.open decodes no pixel): a decompression bomb
    # is refused before its pixels cost any memory.
    if max(width, height) > MAX_EDGE:
        raise too_large
    if width * height > MAX_PIXELS:
        raise InvalidPhoto(
            _(
                "Foto terlalu besar: %(size)s megapiksel, paling banyak %(limit)d megapiksel. "
                "Perkecil ukuran foto lalu unggah lagi."
            )
            % {"size": f"{width * height / 1_000_000:.0f}", "limit": MAX_PIXELS // 1_000_000},
            code="photo_dimensions",
        )
    if min(width, height) < MIN_EDGE:
        raise InvalidPhoto(
            _("Foto terlalu kecil (paling kecil %(edge)d piksel per sisi).") % {"edge": MIN_EDGE},
            code="photo_dimensions",
        )
    return image


def prepare_photo(upload: File) -> PreparedPhoto:
    """Refuse anything that is not a sane JPEG/PNG/WebP photo; return the re-encoded photo
    (upright, sRGB, at most PHOTO_EDGE, no metadata at all) and its thumbnail."""
    image = _open_checked(upload)
    try:
        image.load()
        image = _flatten(_in_srgb(ImageOps.exif_transpose(image)))
    except (Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise InvalidPhoto(_("Foto rusak atau tidak lengkap."), code="photo_broken") from None
    image.thumbnail((PHOTO_EDGE, PHOTO_EDGE), Image.Resampling.LANCZOS)
    image = _without_metadata(image)
    thumbnail = image.copy()
    thumbnail.thumbnail((THUMBNAIL_EDGE, THUMBNAIL_EDGE), Image.Resampling.LANCZOS)
    return PreparedPhoto(
        image=ContentFile(_encode(image), name="foto.jpg"),
        thumbnail=ContentFile(_encode_thumbnail(thumbnail), name="thumb.webp"),
        width=image.width,
        height=image.height,
    )
