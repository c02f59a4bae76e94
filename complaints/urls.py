"""URLs of the public complaint pages, included at /pengaduan/."""

from django.urls import path, register_converter

from common.codes import CODE_ALPHABET
from complaints import views
from complaints.models import CODE_LENGTH


class ComplaintCodeConverter:
    """A complaint number in any case (typed by hand), given to the views in upper case;
    it never shadows the poster page."""

    regex = f"[{CODE_ALPHABET}{CODE_ALPHABET.lower()}]{{{CODE_LENGTH}}}"

    def to_python(self, value: str) -> str:
        return value.upper()

    def to_url(self, value: str) -> str:
        return value


register_converter(ComplaintCodeConverter, "complaint_code")

app_name = "complaints"
urlpatterns = [
    path("", views.intake, name="intake"),
    path("poster/", views.poster, name="poster"),
    path("<complaint_code:code>/", views.track, name="track"),
    path("<complaint_code:code>/terkirim/", views.receipt, name="receipt"),
    path("<complaint_code:code>/tambah/", views.add_information, name="add_information"),
    path("<complaint_code:code>/nilai/", views.rate, name="rate"),
]
