"""Reads the portal's QR codes as a kiosk scanner or a phone would: rendered, then zbar."""

import io
import re

import cairosvg
from PIL import Image
from pyzbar.pyzbar import ZBarSymbol, decode

FINDER_MODULES = 7
QUIET_ZONE_MODULES = 4


def svg_in_page(html: str) -> str:
    match = re.search(r"<svg\b.*?</svg>", html, re.DOTALL)
    assert match, "the page has no inline SVG"
    return match.group(0)


def _quiet_zone_in_modules(image: Image.Image) -> float:
    """The narrowest white margin around the symbol, in modules (the top-left finder
    pattern's first row is 7 modules wide)."""
    width, height = image.size
    pixels = image.load()
    dark = [(x, y) for y in range(height) for x in range(width) if pixels[x, y] < 128]
    left, right = min(x for x, _ in dark), max(x for x, _ in dark)
    top, bottom = min(y for _, y in dark), max(y for _, y in dark)
    run = 0
    while pixels[left + run, top] < 128:
        run += 1
    module = run / FINDER_MODULES
    return min(left, top, width - 1 - right, height - 1 - bottom) / module


def read_qr(svg: str | bytes) -> str:
    """The text of the one QR code in the SVG; fails unless it is a standard QR code that
    zbar reads and has its full quiet zone."""
    data = svg.encode() if isinstance(svg, str) else svg
    # Whole pixels per unit of the drawing: a module edge between pixels would render gray
    # and blur where the symbol starts.
    size = re.search(rb'viewBox="0 0 (\d+)', data)
    units = int(size.group(1)) if size else 400
    width = units * max(1, round(400 / units))
    png = cairosvg.svg2png(bytestring=data, output_width=width, background_color="white")
    image = Image.open(io.BytesIO(png)).convert("L")
    symbols = decode(image, symbols=[ZBarSymbol.QRCODE])
    assert len(symbols) == 1, f"zbar read {len(symbols)} QR codes"
    assert _quiet_zone_in_modules(image) >= QUIET_ZONE_MODULES - 0.5
    return symbols[0].data.decode()
