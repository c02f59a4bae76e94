"""Template context every page needs: main navigation and the mall's locations."""

from django.utils.translation import gettext_lazy as _

from services.selectors import public_locations

NAV_ITEMS = [
    ("/layanan/", _("Layanan")),
    ("/reservasi/", _("Reservasi")),
    ("/antrian/ambil/", _("Antrian")),
    ("/umkm/", _("UMKM")),
]


def site(request):
    current = request.path
    return {
        "nav_items": [
            {"url": url, "label": label, "active": current.startswith(url.rsplit("/", 2)[0] + "/")}
            for url, label in NAV_ITEMS
        ],
        "footer_locations": public_locations(),
    }
