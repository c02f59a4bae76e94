"""Template context every page needs: main navigation and the mall's locations."""

from django.utils.translation import gettext_lazy as _

from counters.queue.selectors.reference import cached_reference
from services.selectors import public_locations

NAV_ITEMS = [
    ("/layanan/", _("Layanan")),
    ("/reservasi/", _("Reservasi")),
    ("/antrian/ambil/", _("Antrian")),
    ("/umkm/", _("UMKM")),
]


def section(url: str) -> str:
    """The first segment of a path: /antrian/ambil/ and /antrian/tiket/… are both Antrian."""
    return "/" + url.strip("/").split("/")[0] + "/"


def site(request):
    current = request.path
    return {
        "nav_items": [
            {"url": url, "label": label, "active": current.startswith(section(url))}
            for url, label in NAV_ITEMS
        ],
        # Reference data, as the kiosk reads it: no query on a page that needs none.
        "footer_locations": cached_reference(
            "ref:locations:footer", lambda: list(public_locations())
        ),
    }
