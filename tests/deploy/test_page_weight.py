"""What a citizen's phone downloads on a first visit, measured by Chromium on the
production path (DEBUG=0, collectstatic, nginx): under 100 KiB compressed for any public
page, under 50 KiB for the ticket page; static files under hashed names, cached a year."""

import pytest

pytestmark = pytest.mark.slow

KIB = 1024
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "has_touch": True}
PUBLIC_PAGES = [
    "/",
    "/layanan/",
    "/layanan/?q=ktp",
    "/layanan/dukcapil/",
    "/layanan/dukcapil/akta-kelahiran/",
    "/reservasi/",
    "/umkm/",
    "/transparansi/",
    "/lacak/",
    "/pengaduan/",
    "/antrian/layar/expo-sangatta/",
]
PAGE_BUDGET = 100 * KIB
TICKET_BUDGET = 50 * KIB
YEAR = "public, max-age=31536000, immutable"


def first_visit(browser, url: str) -> tuple[int, dict[str, int], dict[str, str]]:
    """(bytes on the wire, bytes per resource, Cache-Control per static file) of a visit
    with an empty cache, until the network is idle."""
    context = browser.new_context(ignore_https_errors=True, locale="id-ID", **PHONE)
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    try:
        page.goto(url, wait_until="networkidle")
        sizes, caching = {}, {}
        for request in responses:
            size = request.sizes()
            sizes[request.url] = size["responseBodySize"] + size["responseHeadersSize"]
            if "/static/" in request.url:
                caching[request.url] = request.response().headers.get("cache-control", "")
        return sum(sizes.values()), sizes, caching
    finally:
        context.close()


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_first_visit_to_a_public_page_stays_within_100_kib(production_site, browser, path):
    total, sizes, caching = first_visit(browser, production_site.url + path)
    assert total < PAGE_BUDGET, (total, sizes)
    assert caching and all(value == YEAR for value in caching.values()), caching


def test_a_first_visit_to_the_ticket_page_stays_within_50_kib(production_site, browser):
    url = f"{production_site.url}/antrian/tiket/{production_site.ticket_code}/"
    total, sizes, caching = first_visit(browser, url)
    assert total < TICKET_BUDGET, (total, sizes)
    assert caching and all(value == YEAR for value in caching.values()), caching
