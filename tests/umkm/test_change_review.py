"""An approved business's changes to what visitors trust wait for a mall admin; the public
keeps seeing the approved version meanwhile."""

import pytest

from common.errors import DomainError
from tests.factories import BusinessFactory
from umkm import selectors, services
from umkm.models import Business, BusinessChange

pytestmark = pytest.mark.django_db

PROFILE = "/umkm/akun/profil/"


def profile_data(business: Business, **changes) -> dict:
    data = {
        "name": business.name,
        "description": business.description,
        "category": business.category,
        "kecamatan": business.kecamatan,
        "address": business.address,
        "whatsapp": business.whatsapp,
        "instagram_url": business.instagram_url,
        "facebook_url": business.facebook_url,
        "marketplace_url": business.marketplace_url,
        "nib": business.nib,
        "halal_certificate": business.halal_certificate,
    }
    return {**data, **changes}


def test_a_rename_and_new_links_of_an_approved_business_wait_and_the_public_sees_the_old(
    client, business_a
):
    client.force_login(business_a.owner)
    response = client.post(
        PROFILE,
        profile_data(
            business_a,
            name="Amplang Ganti Nama",
            marketplace_url="https://toko.example.com/amplang",
            whatsapp="0813 9999 8888",
            address="Jl. Baru No. 1",
        ),
        follow=True,
    )
    assert "menunggu peninjauan" in response.content.decode()

    business_a.refresh_from_db()
    assert business_a.name == "Amplang Uji A"
    assert business_a.marketplace_url == ""
    assert business_a.address == "Jl. Baru No. 1"  # places the business only: at once
    change = selectors.pending_change(business_a)
    assert change.proposed == {
        "name": "Amplang Ganti Nama",
        "marketplace_url": "https://toko.example.com/amplang",
        "whatsapp": "+6281399998888",
    }

    client.logout()
    public = client.get(business_a.get_absolute_url()).content.decode()
    assert "Amplang Uji A" in public
    assert "Amplang Ganti Nama" not in public
    assert "toko.example.com" not in public
    assert "6281399998888" not in public


def test_the_owner_sees_and_edits_the_proposed_values(client, business_a):
    services.business_update(business=business_a, changes={"name": "Nama Diajukan"})
    client.force_login(business_a.owner)
    dashboard = client.get("/umkm/akun/").content.decode()
    assert "Perubahan menunggu peninjauan" in dashboard
    assert "Nama Diajukan" in dashboard
    form = client.get(PROFILE).content.decode()
    assert 'value="Nama Diajukan"' in form


def test_later_edits_join_the_waiting_change_and_a_field_set_back_no_longer_waits(business_a):
    services.business_update(business=business_a, changes={"name": "Nama Baru"})
    services.business_update(business=business_a, changes={"description": "Renyah."})
    change = BusinessChange.objects.get()
    assert change.proposed == {"name": "Nama Baru", "description": "Renyah."}
    services.business_update(business=business_a, changes={"name": "Amplang Uji A"})
    assert BusinessChange.objects.get().proposed == {"description": "Renyah."}
    services.business_update(business=business_a, changes={"description": ""})
    assert not BusinessChange.objects.exists()


def test_a_business_not_yet_public_changes_at_once(pending_business):
    assert services.business_update(business=pending_business, changes={"name": "Lain"}) is None
    pending_business.refresh_from_db()
    assert pending_business.name == "Lain"


def test_approval_publishes_the_change_and_tells_the_owner(
    business_a, mall_admin, mailoutbox, django_capture_on_commit_callbacks
):
    business_a.owner.email = "pemilik@example.com"
    business_a.owner.save()
    change = services.business_update(
        business=business_a, changes={"name": "Amplang Baru", "is_dekranasda_member": True}
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.business_change_approve(change=change, moderator=mall_admin)
    business_a.refresh_from_db()
    assert business_a.name == "Amplang Baru"
    assert business_a.is_dekranasda_member
    change.refresh_from_db()
    assert (change.status, change.decided_by) == (BusinessChange.Status.APPROVED, mall_admin)
    assert [mail.subject for mail in mailoutbox] == ["Perubahan profil Amplang Baru disetujui"]
    with pytest.raises(DomainError):
        services.business_change_approve(change=change, moderator=mall_admin)


def test_rejection_needs_a_reason_and_keeps_the_approved_values(business_a, mall_admin):
    change = services.business_update(business=business_a, changes={"name": "Tipuan"})
    with pytest.raises(DomainError):
        services.business_change_reject(change=change, moderator=mall_admin, note=" ")
    services.business_change_reject(change=change, moderator=mall_admin, note="Nama menyesatkan")
    business_a.refresh_from_db()
    assert business_a.name == "Amplang Uji A"
    assert BusinessChange.objects.get().status == BusinessChange.Status.REJECTED
    # A new edit after a rejection is a new change.
    services.business_update(business=business_a, changes={"name": "Amplang Lagi"})
    assert BusinessChange.objects.filter(status=BusinessChange.Status.PENDING).count() == 1


def test_the_mall_admin_compares_and_approves_a_change_with_a_button(client, mall_admin):
    business = BusinessFactory(name="Kopi Lama")
    change = services.business_update(business=business, changes={"name": "Kopi Baru"})
    client.force_login(mall_admin)
    listing = client.get("/admin/umkm/businesschange/").content.decode()
    assert "Kopi Lama" in listing
    page = client.get(f"/admin/umkm/businesschange/{change.pk}/change/").content.decode()
    assert "Kopi Lama" in page and "Kopi Baru" in page
    assert "Setujui perubahan" in page

    refused = client.post(
        f"/admin/umkm/businesschange/{change.pk}/change/", {"decision": "reject", "note": ""}
    )
    assert refused.status_code == 200
    assert "alasan penolakan" in refused.content.decode()

    done = client.post(
        f"/admin/umkm/businesschange/{change.pk}/change/", {"decision": "approve", "note": ""}
    )
    assert done.status_code == 302
    business.refresh_from_db()
    assert business.name == "Kopi Baru"


def test_an_owner_cannot_reach_the_review(client, business_a):
    change = services.business_update(business=business_a, changes={"name": "Sendiri"})
    client.force_login(business_a.owner)
    response = client.post(
        f"/admin/umkm/businesschange/{change.pk}/change/", {"decision": "approve"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    business_a.refresh_from_db()
    assert business_a.name == "Amplang Uji A"


def test_the_business_page_in_the_admin_links_to_its_waiting_change(client, mall_admin):
    business = BusinessFactory()
    change = services.business_update(business=business, changes={"name": "Nama Baru"})
    client.force_login(mall_admin)
    page = client.get(f"/admin/umkm/business/{business.pk}/change/").content.decode()
    assert f'href="/admin/umkm/businesschange/{change.pk}/change/"' in page
