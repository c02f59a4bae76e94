"""Set up as the README says (nginx in front of gunicorn, DEBUG=0), every image that a
public page references answers 200: product photos from /media/, icons from /static/."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from tests.deploy.conftest import fetch

pytestmark = pytest.mark.slow

# Staff, owner and machine areas are not public pages; downloads are not pages.
NOT_PUBLIC = ("/admin/", "/instansi/", "/loket/", "/umkm/akun/", "/akun/", "/bahasa/", "/api/")
MAX_PAGES = 80
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


class References(HTMLParser):
    """Links to follow, images and stylesheets that a page references."""

    def __init__(self):
        super().__init__()
        self.links: set[str] = set()
        self.images: set[str] = set()
        self.stylesheets: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        rel = (attributes.get("rel") or "").split()
        if tag == "a" and attributes.get("href"):
            self.links.add(attributes["href"])
        elif tag in ("img", "source"):
            if attributes.get("src"):
                self.images.add(attributes["src"])
            for candidate in (attributes.get("srcset") or "").split(","):
                if candidate.strip():
                    self.images.add(candidate.split()[0])
        elif tag == "link" and "stylesheet" in rel:
            self.stylesheets.add(attributes["href"])
        elif tag == "link" and {"icon", "apple-touch-icon"} & set(rel):
            self.images.add(attributes["href"])
        style = attributes.get("style") or ""
        self.images.update(CSS_URL.findall(style))


def public_pages(site) -> dict[str, References]:
    """Every public page reachable from the home page and the ticket page (bounded)."""
    start = [f"{site.url}/", f"{site.url}/antrian/tiket/{site.ticket_code}/"]
    to_visit, pages = list(start), {}
    while to_visit and len(pages) < MAX_PAGES:
        url = to_visit.pop(0).split("#")[0]
        if url in pages:
            continue
        answer = fetch(url)
        assert answer.status == 200, (url, answer.status)
        if not answer.headers.get("content-type", "").startswith("text/html"):
            continue
        references = References()
        references.feed(answer.body.decode())
        pages[url] = references
        for link in references.links:
            target = urljoin(url, link)
            parts = urlsplit(target)
            if (
                target.startswith(site.url)
                and not parts.path.startswith(NOT_PUBLIC)
                and not parts.query
                and target not in pages
            ):
                to_visit.append(target)
    return pages


def test_every_image_of_every_public_page_answers_200(production_site):
    pages = public_pages(production_site)
    images: dict[str, str] = {}
    for page, references in pages.items():
        for source in references.images:
            images[urljoin(page, source)] = page
        for stylesheet in references.stylesheets:
            sheet_url = urljoin(page, stylesheet)
            sheet = fetch(sheet_url)
            assert sheet.status == 200, sheet_url
            for source in CSS_URL.findall(sheet.body.decode()):
                if not source.startswith("data:"):
                    images[urljoin(sheet_url, source)] = sheet_url
    images = {url: page for url, page in images.items() if not url.startswith("data:")}

    assert len(pages) >= 10, sorted(pages)
    assert any("/media/" in url for url in images), "no uploaded photo on any public page"
    broken = {}
    for url, page in images.items():
        answer = fetch(url)
        content_type = answer.headers.get("content-type", "")
        if answer.status != 200 or not content_type.startswith("image/"):
            broken[url] = (answer.status, content_type, page)
    assert not broken, broken


def test_uploads_and_hashed_static_files_are_served_by_the_proxy_with_long_caching(
    production_site,
):
    page = fetch(f"{production_site.url}/umkm/")
    photo = re.search(rb'src="(/media/[^"]+)"', page.body)
    assert photo, "the showcase shows no photo"
    answer = fetch(production_site.url + photo.group(1).decode())
    assert answer.status == 200
    assert answer.headers["content-type"] == "image/webp"
    assert "max-age=2592000" in answer.headers["cache-control"]
    assert answer.headers["x-content-type-options"] == "nosniff"

    stylesheet = re.search(rb'href="(/static/css/mpp\.[0-9a-f]{12}\.css)"', page.body)
    assert stylesheet, "static files are not referenced under hashed names"
    answer = fetch(
        production_site.url + stylesheet.group(1).decode(), headers={"Accept-Encoding": "gzip"}
    )
    assert answer.status == 200
    assert answer.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert answer.headers["content-encoding"] == "gzip"
