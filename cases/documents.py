"""What a citizen keeps of a case: its tracking address, and that address as a QR code."""

from django.conf import settings
from django.utils.translation import gettext as _

from cases.models import Case
from common.qr import qr_svg_inline


def case_tracking_url(case: Case) -> str:
    """The absolute address of the case's tracking page, as messages and the QR carry it."""
    return settings.PUBLIC_BASE_URL + case.get_absolute_url()


def case_qr_svg(case: Case, *, scale: int = 5) -> str:
    """The tracking address as a standard QR code, an SVG element to put into a page or a
    printed slip (a phone's camera opens the page, which then asks the NIK digits)."""
    return qr_svg_inline(case_tracking_url(case), scale=scale, title=_("Kode QR lacak berkas"))
