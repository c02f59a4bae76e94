"""One domain error type for the whole project: every app's refusals are DomainErrors."""

from common.errors import DomainError
from common.images import InvalidPhoto
from counters.booking.services import BookingError
from counters.queue.errors import QuotaFull


def test_every_apps_refusal_is_the_one_domain_error_of_the_common_package():
    for refusal in (QuotaFull, BookingError, InvalidPhoto):
        assert issubclass(refusal, DomainError)
    photo = InvalidPhoto("Foto rusak.", code="photo_broken")
    assert (photo.status, photo.code, photo.message) == (422, "photo_broken", "Foto rusak.")
