"""URLs of the citizen's case tracking, included at /lacak/."""

from django.urls import path, register_converter

from cases.views import public


class TypedCodeConverter:
    """A tracking code as typed or scanned: letters, digits and hyphens (the page reads it
    in capitals without hyphens)."""

    regex = "[A-Za-z0-9-]{1,30}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(TypedCodeConverter, "typed_code")

app_name = "cases"
urlpatterns = [
    path("", public.lookup, name="lookup"),
    path("<typed_code:code>/", public.track, name="track"),
    path("<typed_code:code>/pemberitahuan/", public.message_settings, name="messages"),
]
