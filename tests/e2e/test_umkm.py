"""Browser journey: an UMKM owner registers, the mall admin approves, the product goes public."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import COUNTER_PC, PHONE, assert_accessible, login, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

OWNER_PASSWORD = "Amplang-Sangatta-2026"


def test_owner_registers_mall_admin_approves_and_the_product_appears_in_the_showcase(
    new_page, mall_admin
):
    owner = new_page(**PHONE)
    owner.goto("/umkm/akun/daftar/")
    assert_accessible(owner)
    for field, value in {
        "owner_name": "Hj. Nurhayati",
        "username": "amplang-nurhayati",
        "email": "nurhayati@example.id",
        "password": OWNER_PASSWORD,
        "password_again": OWNER_PASSWORD,
        "name": "Amplang Bu Nur",
        "address": "Jl. Yos Sudarso II, Sangatta Utara",
        "whatsapp": "0812 5500 1234",
        "description": "Amplang ikan belida dan kerupuk udang khas Sangatta.",
    }.items():
        owner.locator(f"#id_{field}").fill(value)
    owner.locator("#id_category").select_option("perikanan")
    owner.locator("#id_kecamatan").select_option("sangatta-utara")
    owner.get_by_role("button", name="Daftar").click()
    expect(owner.get_by_text("Pendaftaran Anda sedang ditinjau")).to_be_visible()
    owner.goto("/umkm/")
    expect(owner.get_by_text("Amplang Bu Nur")).to_have_count(0)

    admin = new_page(**COUNTER_PC)
    login(admin, mall_admin.username, PASSWORD, url="/admin/login/")
    admin.goto("/admin/umkm/pendingbusiness/")
    admin.get_by_role("row", name="Amplang Bu Nur").get_by_role("checkbox").check()
    admin.locator("select[name=action]").select_option("approve")
    admin.locator("button[name=index]").click()
    admin.get_by_role("button", name="Setujui UMKM").click()
    expect(admin.get_by_text("1 UMKM diperbarui.")).to_be_visible()

    owner.goto("/umkm/akun/")
    expect(owner.get_by_text("Usaha Anda tampil di etalase.")).to_be_visible()
    owner.get_by_role("link", name="Tambah produk").click()
    owner.locator("#id_name").fill("Amplang Ikan Belida")
    owner.locator("#id_description").fill("Renyah, tanpa pengawet, digoreng setiap pagi.")
    owner.locator("#id_price").fill("35000")
    owner.locator("#id_unit").fill("bungkus 250 g")
    owner.locator("#id_category").select_option("perikanan")
    assert_accessible(owner)
    owner.get_by_role("button", name="Simpan produk").click()
    owner.wait_for_load_state()

    owner.goto("/umkm/")
    product = owner.get_by_role("link", name="Amplang Ikan Belida").first
    product.wait_for()
    screenshot(owner, "umkm-showcase-phone")
    assert_accessible(owner)
    product.click()
    owner.get_by_role("heading", name="Amplang Ikan Belida").wait_for()
    expect(owner.get_by_text("Rp35.000").first).to_be_visible()
    assert_accessible(owner)
    owner.get_by_role("link", name="Amplang Bu Nur").first.click()
    owner.get_by_role("heading", name="Amplang Bu Nur").wait_for()
    assert_accessible(owner)
