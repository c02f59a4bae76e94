"""Following a complaint with its number and secret: the one rule of how often one may try,
per client address and per complaint number, that the tracking page and the API share.
Counted per local (WITA) day on the shared cache, under hashed keys."""

import hashlib
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from common import clock
from common.counting import cache_count
from complaints.errors import ComplaintLookupLimited
from complaints.models import Complaint, hash_secret
from complaints.selectors.public import complaint_by_code

TWO_DAYS = 2 * 24 * 3600


def _key(kind: str, identity: str, day: date) -> str:
    # Hashed, so that no client address (nor a complaint number) is written in clear.
    digest = hashlib.sha256(f"{kind}:{identity}".encode()).hexdigest()[:32]
    return f"complaint-lookup:{kind}:{digest}:{day.isoformat()}"


def complaint_unlock(*, code: str, secret: str, address: str) -> Complaint | None:
    """The complaint with this number and secret, or None when either is wrong (the same
    answer for both, so that a number's existence is not told). Refused past the day's
    tries from `address`, or once the number had its wrong secrets for the day: then even
    the right secret waits for tomorrow."""
    day = clock.today()
    limits = settings.COMPLAINT_LOOKUP_LIMITS
    by_address, by_code = _key("address", address, day), _key("code", code.upper(), day)
    counts = cache.get_many([by_address, by_code])
    if counts.get(by_address, 0) >= limits["address"] or counts.get(by_code, 0) >= limits["code"]:
        raise ComplaintLookupLimited(
            _("Terlalu banyak percobaan untuk pengaduan ini. Silakan coba lagi besok.")
        )
    cache_count(by_address, timeout=TWO_DAYS)
    complaint = complaint_by_code(code)
    if complaint is None or not constant_time_compare(complaint.secret_hash, hash_secret(secret)):
        cache_count(by_code, timeout=TWO_DAYS)
        return None
    return complaint
