"""Photo uploads: only sane JPEG/PNG/WebP photos pass, re-encoded without EXIF."""

import io

import pytest
from PIL import Image, ImageCms, ImageFile, PngImagePlugin

from common.images import (
    MAX_UPLOAD_BYTES,
    PHOTO_EDGE,
    THUMBNAIL_EDGE,
    InvalidPhoto,
    prepare_photo,
)
from tests.images import image_bytes, png_claiming_size, upload


def opened(content_file) -> Image.Image:
    content_file.seek(0)
    return Image.open(io.BytesIO(content_file.read()))


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_jpeg_png_and_webp_photos_are_accepted_and_re_encoded_as_jpeg_with_a_webp_thumbnail(
    fmt,
):
    prepared = prepare_photo(upload(image_bytes(fmt), name=f"foto.{fmt.lower()}"))
    assert opened(prepared.image).format == "JPEG"
    assert opened(prepared.thumbnail).format == "WEBP"
    assert (prepared.width, prepared.height) == (640, 480)


def test_a_phone_camera_multi_picture_jpeg_is_accepted():
    first, second = Image.new("RGB", (640, 480), "red"), Image.new("RGB", (640, 480), "blue")
    buffer = io.BytesIO()
    first.save(buffer, format="MPO", save_all=True, append_images=[second])
    assert Image.open(io.BytesIO(buffer.getvalue())).format == "MPO"
    prepared = prepare_photo(upload(buffer.getvalue()))
    assert opened(prepared.image).format == "JPEG"


def test_a_photo_over_5_mb_is_refused_before_it_is_opened():
    oversize = upload(b"\xff\xd8\xff" + b"0" * MAX_UPLOAD_BYTES)
    with pytest.raises(InvalidPhoto) as error:
        prepare_photo(oversize)
    assert error.value.code == "photo_too_large"
    assert "5 MB" in error.value.message


def test_a_gif_is_refused_as_the_wrong_type():
    with pytest.raises(InvalidPhoto) as error:
        prepare_photo(upload(image_bytes("GIF"), name="animasi.gif", content_type="image/gif"))
    assert error.value.code == "photo_type"


@pytest.mark.parametrize(
    "content",
    [
        b"<html><script>alert(1)</script></html>",
        b"%PDF-1.4 bukan gambar",
        b"MZ\x90\x00 executable",
    ],
)
def test_a_file_disguised_as_a_jpeg_is_refused(content):
    with pytest.raises(InvalidPhoto) as error:
        prepare_photo(upload(content, name="foto.jpg", content_type="image/jpeg"))
    assert error.value.code == "photo_type"


def test_a_truncated_jpeg_is_refused_as_broken():
    content = image_bytes("JPEG", size=(800, 800))
    with pytest.raises(InvalidPhoto) as error:
        prepare_photo(upload(content[: len(content) // 3]))
    assert error.value.code in {"photo_broken", "photo_type"}


def test_a_decompression_bomb_header_is_refused_before_decoding():
    with pytest.raises(InvalidPhoto) as error:
        prepare_photo(upload(png_claiming_size(60_000, 60_000), name="bom.png"))
    assert error.value.code == "photo_dimensions"


def test_a_real_highly_compressed_bomb_is_refused():
    bomb = image_bytes("PNG", size=(9000, 9000), color=0, mode="1", optimize=True)
    assert len(bomb) < 200_000  # tiny on disk, 81 megapixels once decoded
    with pytest.raises(InvalidPhoto) as error:
        prepare_photo(upload(bomb, name="bom.png"))
    assert error.value.code == "photo_dimensions"


def test_absurd_dimensions_are_refused_even_under_the_pixel_limit():
    with pytest.raises(InvalidPhoto) as error:
        prepare_photo(upload(png_claiming_size(20_000, 150), name="panjang.png"))
    assert error.value.code == "photo_dimensions"


def test_a_tiny_image_is_refused():
    with pytest.raises(InvalidPhoto) as error:
        prepare_photo(upload(image_bytes("PNG", size=(40, 40)), name="ikon.png"))
    assert error.value.code == "photo_dimensions"


def test_exif_including_gps_location_is_stripped():
    exif = Image.Exif()
    exif[0x010F] = "Kamera Uji"  # Make
    exif[0x8825] = {1: "N", 2: (0.0, 30.0, 0.0), 3: "E", 4: (117.0, 32.0, 0.0)}  # GPSInfo
    original = image_bytes("JPEG", exif=exif.tobytes())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)

    prepared = prepare_photo(upload(original))

    for stored in (prepared.image, prepared.thumbnail):
        image = opened(stored)
        assert not image.getexif()
        assert "exif" not in image.info


def test_exif_orientation_is_applied_before_it_is_stripped():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90° clockwise
    prepared = prepare_photo(upload(image_bytes("JPEG", size=(640, 480), exif=exif.tobytes())))
    assert (prepared.width, prepared.height) == (480, 640)


def test_large_photos_are_resized_and_the_thumbnail_is_smaller():
    prepared = prepare_photo(upload(image_bytes("JPEG", size=(4000, 3000))))
    assert max(opened(prepared.image).size) == PHOTO_EDGE
    assert max(opened(prepared.thumbnail).size) == THUMBNAIL_EDGE


def test_transparent_png_is_flattened_on_white():
    prepared = prepare_photo(
        upload(image_bytes("PNG", mode="RGBA", color=(0, 0, 0, 0)), name="logo.png")
    )
    assert opened(prepared.image).getpixel((10, 10)) == (255, 255, 255)


def eight_by_five_thousand_png() -> bytes:
    """The reported file: 8000 x 5000 pixels (40 megapixels) in about 150 KB."""
    content = image_bytes("PNG", size=(8000, 5000), color=0, mode="1", optimize=True)
    assert len(content) < 200_000
    return content


def test_a_40_megapixel_png_is_refused_by_pixel_count_before_any_pixel_is_decoded(
    monkeypatch,
):
    decoded = []
    real_load = ImageFile.ImageFile.load
    monkeypatch.setattr(
        ImageFile.ImageFile, "load", lambda image: decoded.append(image) or real_load(image)
    )
    with pytest.raises(InvalidPhoto) as error:
        prepare_photo(upload(eight_by_five_thousand_png(), name="besar.png"))
    assert error.value.code == "photo_dimensions"
    assert "40 megapiksel, paling banyak 24 megapiksel" in error.value.message
    assert decoded == []


def test_a_24_megapixel_phone_photo_passes():
    prepared = prepare_photo(upload(image_bytes("JPEG", size=(6000, 4000)), name="hp.jpg"))
    assert max(prepared.width, prepared.height) == PHOTO_EDGE


def jpeg_segments(content: bytes) -> list[int]:
    """The markers of a JPEG's segments up to the image data (0xFE comment, 0xE1 EXIF or
    XMP, 0xE2 ICC profile...)."""
    markers, at = [], 2
    while content[at] == 0xFF and content[at + 1] != 0xDA:
        marker = content[at + 1]
        markers.append(marker)
        at += 2 + int.from_bytes(content[at + 2 : at + 4], "big")
    return markers


def test_comments_xmp_and_colour_profiles_are_stripped_from_a_jpeg():
    exif = Image.Exif()
    exif[0x010F] = "rahasia-exif"
    original = image_bytes(
        "JPEG",
        comment=b"rahasia-komentar",
        xmp=b"<x:xmpmeta>rahasia-xmp</x:xmpmeta>",
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
        exif=exif.tobytes(),
    )
    assert {0xFE, 0xE1, 0xE2} <= set(jpeg_segments(original))

    prepared = prepare_photo(upload(original))

    for stored in (prepared.image, prepared.thumbnail):
        stored.seek(0)
        content = stored.read()
        assert b"rahasia" not in content
        # Only the JFIF header, the tables and the frame: no comment, no APPn but APP0.
        assert set(jpeg_segments(content)) <= {0xE0, 0xDB, 0xC4, 0xC2, 0xC0, 0xDD}
        assert opened(stored).getpixel((10, 10)) == pytest.approx((200, 120, 40), abs=4)


def test_text_chunks_of_a_png_do_not_reach_the_stored_jpeg():
    text = PngImagePlugin.PngInfo()
    text.add_text("comment", "rahasia-komentar")
    text.add_text("Author", "rahasia-pembuat", zip=True)
    text.add_itxt("Description", "rahasia-keterangan")
    prepared = prepare_photo(upload(image_bytes("PNG", pnginfo=text), name="foto.png"))
    for stored in (prepared.image, prepared.thumbnail):
        stored.seek(0)
        content = stored.read()
        assert b"rahasia" not in content
        assert 0xFE not in jpeg_segments(content)
