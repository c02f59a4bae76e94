"""Template context every page needs: main navigation and the mall's locations."""

from django.utils.translation import gettext_lazy as _

from counters.queue.selectors.reference import public_location_list

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
        # Called by the template where it shows the footer (a fragment does not).
        "footer_locations": public_location_list,
    }
