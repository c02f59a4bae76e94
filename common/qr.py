"""The one way the portal draws a QR code, so that every scanner can read it."""

import io

import segno

# A standard QR symbol: segno would otherwise pick a Micro QR for short texts such as a
# booking code, and zbar (most kiosk scanners and phone apps) cannot read Micro QR.
# ISO/IEC 18004 asks for a quiet zone of 4 modules around a standard symbol.
QUIET_ZONE = 4


def qr_code(text: str) -> segno.QRCode:
    return segno.make(text, error="m", micro=False)


def qr_svg_inline(text: str, *, scale: int, title: str | None = None) -> str:
    """An SVG element to put into a page; its size is the stylesheet's."""
    return qr_code(text).svg_inline(scale=scale, border=QUIET_ZONE, omitsize=True, title=title)


def qr_svg_file(text: str, *, scale: int, title: str | None = None) -> bytes:
    """A standalone SVG file, served as an image."""
    buffer = io.BytesIO()
    qr_code(text).save(
        buffer, kind="svg", scale=scale, border=QUIET_ZONE, xmldecl=False, title=title
    )
    return buffer.getvalue()
