"""Test images: photos of any format and size, and uploads as a browser sends them."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(fmt="JPEG", size=(640, 480), color=(200, 120, 40), mode="RGB", **save) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format=fmt, **save)
    return buffer.getvalue()


def upload(content: bytes, name="foto.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_claiming_size(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height: what a decompression bomb looks like
    before its pixels are decoded."""
    real = image_bytes("PNG", size=(1, 1))
    ihdr_start = real.index(b"IHDR")
    ihdr = bytearray(real[ihdr_start : ihdr_start + 17])
    ihdr[4:12] = struct.pack(">II", width, height)
    crc = struct.pack(">I", zlib.crc32(bytes(ihdr)) & 0xFFFFFFFF)
    return real[:ihdr_start] + bytes(ihdr) + crc + real[ihdr_start + 21 :]
