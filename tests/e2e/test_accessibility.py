"""axe-core over every public page, on a phone, including the error states of the forms."""

import pytest

from cases.models import Case
from cases.services import case_change_status, case_open
from counters.queue.services import ticket_issue
from services import demo as services_demo
from tests.e2e.conftest import PHONE, assert_accessible, book_first_slot
from tests.factories import BusinessFactory, ProductFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_every_public_page_has_no_serious_accessibility_violation(new_page, expo, no_scope):
    booking = book_first_slot(expo)
    ticket = ticket_issue(service=expo.service, location=expo.location)
    business = BusinessFactory(name="Madu Kelulut Kaliorang", slug="madu-kelulut")
    product = ProductFactory(business=business, name="Madu Kelulut 250 ml", slug="madu-250")
    services_demo.seed_mall_profile()
    services_demo.seed_facilities({expo.location.slug: expo.location})
    agency, service, place = expo.agency.slug, expo.service.slug, expo.location.slug
    pages = [
        "/",
        "/layanan/",
        "/layanan/?q=akte+kelahiran",
        f"/layanan/{agency}/",
        f"/layanan/{agency}/{service}/",
        "/reservasi/",
        "/reservasi/?code=SALAH",
        f"/reservasi/{agency}/{service}/",
        f"/reservasi/{booking.code}/",
        f"/reservasi/kios/{place}/",
        f"/antrian/ambil/{place}/",
        f"/antrian/ambil/{place}/{agency}/",
        f"/antrian/tiket/{ticket.code}/",
        f"/antrian/layar/{place}/",
        "/transparansi/",
        "/tentang/",
        f"/lokasi/{place}/",
        "/lacak/",
        "/pengaduan/",
        f"/pengaduan/?layanan={agency}/{service}",
        "/pengaduan/poster/",
        "/pengaduan/K7M2Q9XA4B/",
        "/umkm/",
        "/umkm/?kategori=camilan",
        f"/umkm/{business.slug}/",
        f"/umkm/{business.slug}/{product.slug}/",
        "/umkm/akun/daftar/",
        "/akun/masuk/",
    ]
    page = new_page(**PHONE)
    failures = []

    def check() -> None:
        try:
            assert_accessible(page)
        except AssertionError as error:
            failures.append(str(error))

    for url in pages:
        response = page.goto(url)
        assert response.ok, f"{url} answered {response.status}"
        page.locator("h1").first.wait_for()
        check()

    # Forms sent back with their error messages.
    page.goto(f"/reservasi/{agency}/{service}/")
    page.locator("a.booking-slot").first.click()
    page.get_by_role("button", name="Pesan jadwal").click()
    page.locator(".invalid-feedback").first.wait_for()
    check()
    page.goto("/umkm/akun/daftar/")
    page.get_by_role("button", name="Daftar").click()
    page.locator(".invalid-feedback").first.wait_for()
    check()
    # The case lookup refusing wrong digits, then the ready case it opens.
    case = case_open(service=expo.service, nik_last4="0002", location=expo.location)
    case_change_status(case=case, status=Case.Status.READY, source="staff")
    page.goto("/lacak/")
    page.get_by_label("Kode lacak berkas").fill(case.code)
    page.get_by_label("4 digit terakhir NIK").fill("9999")
    page.get_by_role("button", name="Lacak", exact=True).click()
    page.locator(".alert").first.wait_for()
    check()
    page.get_by_label("4 digit terakhir NIK").fill("0002")
    page.get_by_role("button", name="Lacak", exact=True).click()
    page.get_by_role("heading", name="Pengambilan").wait_for()
    check()
    page.goto("/akun/masuk/")
    page.locator("#id_username").fill("bukan-petugas")
    page.locator("#id_password").fill("salah-sandi")
    page.locator("#id_password").press("Enter")
    page.locator(".alert").first.wait_for()
    check()
    assert not failures, "\n\n".join(failures)
