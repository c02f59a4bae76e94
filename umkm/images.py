"""Checks and re-encodes uploaded product photos: type, size, dimensions, EXIF, thumbnail."""

import io
from dataclasses import dataclass

from django.core.files import File
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from umkm.errors import InvalidPhoto

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# Pillow reports many phone-camera JPEGs (with a depth or preview frame) as MPO.
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}
MIN_EDGE = 100
MAX_EDGE = 8000
MAX_PIXELS = 40_000_000
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
    # No exif= argument: the re-encoded file carries no EXIF (and so no GPS position).
    image.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


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
    # Dimensions come from the header; a decompression bomb is refused before any pixel
    # is decoded.
    if width * height > MAX_PIXELS or max(width, height) > MAX_EDGE:
        raise too_large
    if min(width, height) < MIN_EDGE:
        raise InvalidPhoto(
            _("Foto terlalu kecil (paling kecil %(edge)d piksel per sisi).") % {"edge": MIN_EDGE},
            code="photo_dimensions",
        )
    return image


def prepare_photo(upload: File) -> PreparedPhoto:
    """Refuse anything that is not a sane JPEG/PNG/WebP photo; return the re-encoded photo
    (upright, at most PHOTO_EDGE, no metadata) and its thumbnail."""
    image = _open_checked(upload)
    try:
        image.load()
        image = _flatten(ImageOps.exif_transpose(image))
    except (Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise InvalidPhoto(_("Foto rusak atau tidak lengkap."), code="photo_broken") from None
    image.thumbnail((PHOTO_EDGE, PHOTO_EDGE), Image.Resampling.LANCZOS)
    thumbnail = image.copy()
    thumbnail.thumbnail((THUMBNAIL_EDGE, THUMBNAIL_EDGE), Image.Resampling.LANCZOS)
    return PreparedPhoto(
        image=ContentFile(_encode(image), name="foto.jpg"),
        thumbnail=ContentFile(_encode_thumbnail(thumbnail), name="thumb.webp"),
        width=image.width,
        height=image.height,
    )
