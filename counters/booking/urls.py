"""URLs of the public booking pages, included at /reservasi/."""

from django.urls import path, register_converter

from common.codes import CODE_ALPHABET
from counters.booking import views
from counters.booking.models import CODE_LENGTH


class BookingCodeConverter:
    """Exactly a booking code (upper case), so it never shadows an agency slug."""

    regex = f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(BookingCodeConverter, "booking_code")

app_name = "booking"
urlpatterns = [
    path("", views.start, name="start"),
    path("<booking_code:code>/", views.manage, name="manage"),
    path("<booking_code:code>/kalender.ics", views.ics, name="ics"),
    path("<booking_code:code>/batal/", views.cancel, name="cancel"),
    path("<booking_code:code>/pemberitahuan/", views.message_settings, name="messages"),
    path("<booking_code:code>/ubah/", views.reschedule, name="reschedule"),
    path("kios/<slug:location>/", views.kiosk_check_in, name="kiosk_check_in"),
    path("<slug:agency>/<slug:service>/", views.service, name="service"),
    path("<slug:agency>/<slug:service>/pesan/", views.create, name="create"),
]
