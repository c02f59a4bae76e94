"""Following a complaint with its number and secret: the one rule of how often one may try,
per client address and per complaint number, that the tracking page and the API share.
Counted per local (WITA) day on the shared cache, under hashed keys."""

from django.conf import settings
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from common import clock
from common.counting import day_count, day_limit_reached
from complaints.errors import ComplaintLookupLimited
from complaints.models import Complaint, hash_secret
from complaints.selectors.public import complaint_by_code

SCOPE = "complaint-lookup"


def complaint_unlock(*, code: str, secret: str, address: str) -> Complaint | None:
    """The complaint with this number and secret, or None when either is wrong (the same
    answer for both, so that a number's existence is not told). Refused past the day's
    tries from `address`, or once the number had its wrong secrets for the day: then even
    the right secret waits for tomorrow."""
    day, code = clock.today(), code.upper()
    limits = settings.COMPLAINT_LOOKUP_LIMITS
    if day_limit_reached(SCOPE, day, limits, address=address, code=code):
        raise ComplaintLookupLimited(
            _("Terlalu banyak percobaan untuk pengaduan ini. Silakan coba lagi besok.")
        )
    day_count(SCOPE, day, address=address)
    complaint = complaint_by_code(code)
    if complaint is None or not constant_time_compare(complaint.secret_hash, hash_secret(secret)):
        day_count(SCOPE, day, code=code)
        return None
    return complaint
