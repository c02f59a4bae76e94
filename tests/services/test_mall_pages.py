"""The MPP's own pages: its profile at /tentang/ and a page per location, each edited by
the mall admins in /admin/ (what the Ombudsman's compliance assessment looks for)."""

import pytest
from django.db import IntegrityError, transaction

from services import demo
from services.models import Facility, Location, MallProfile
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile():
    return MallProfile.objects.create(
        motto="Melayani dengan Hati",
        motto_en="Serving from the heart",
        vision="Pelayanan yang mudah.",
        mission="Satu gedung.\n\nStandar yang jelas.\n",
        maklumat="Kami sanggup menyelenggarakan pelayanan sesuai standar.",
        maklumat_signatory="Kepala DPMPTSP",
        complaint_phone="(0549) 21 000",
        complaint_email="pengaduan@example.go.id",
    )


def test_the_profile_page_shows_maklumat_vision_missions_channels_and_survey_link(
    client, profile, location
):
    body = client.get("/tentang/").content.decode()
    for text in (
        "Melayani dengan Hati",
        "Kami sanggup menyelenggarakan pelayanan sesuai standar.",
        "Kepala DPMPTSP",
        "Pelayanan yang mudah.",
        "<li>Satu gedung.</li><li>Standar yang jelas.</li>",
        'href="tel:(0549)21000"',
        'href="mailto:pengaduan@example.go.id"',
        'href="https://www.lapor.go.id/"',
        'href="/pengaduan/"',
        'href="/transparansi/"',
        f'href="/lokasi/{location.slug}/"',
    ):
        assert text in body, text


def test_the_profile_page_works_before_a_mall_admin_writes_one(client):
    body = client.get("/tentang/").content.decode()
    assert "Maklumat pelayanan belum diterbitkan." in body
    assert 'href="https://www.lapor.go.id/"' in body


def test_the_profile_speaks_english_where_the_admin_gave_it(client, profile):
    client.get("/bahasa/en/")
    body = client.get("/tentang/").content.decode()
    assert "Serving from the heart" in body
    # No English vision given: the Indonesian one.
    assert "Pelayanan yang mudah." in body


def test_a_location_page_shows_map_hours_special_services_and_its_agencies(client, location):
    location.map_url = "https://maps.example/expo"
    location.opening_hours = "Senin–Jumat 08.00–15.00 WITA"
    location.save()
    Facility.objects.create(
        location=location, kind=Facility.Kind.LACTATION_ROOM, description="Di sebelah musala."
    )
    Facility.objects.create(location=location, kind=Facility.Kind.WIFI)
    AgencyFactory(name="Dinas Uji Di Sini", locations=[location])
    AgencyFactory(name="Dinas Uji Tutup", locations=[location], is_active=False)
    AgencyFactory(name="Dinas Uji Di Tempat Lain")
    body = client.get(f"/lokasi/{location.slug}/").content.decode()
    special, rest = body.split("Layanan khusus", 1)[1].split("Fasilitas</h2>", 1)
    assert "Ruang laktasi" in special and "Di sebelah musala." in special
    assert "Wi-Fi gratis" in rest and "Wi-Fi gratis" not in special
    assert 'href="https://maps.example/expo"' in body
    assert "Senin–Jumat 08.00–15.00 WITA" in body
    assert "Dinas Uji Di Sini" in body
    assert "Dinas Uji Tutup" not in body and "Dinas Uji Di Tempat Lain" not in body


def test_an_unknown_location_is_a_404(client, location):
    assert client.get("/lokasi/tidak-ada/").status_code == 404


def test_the_footer_links_the_profile_and_each_location(client, location):
    footer = client.get("/layanan/").content.decode().split("<footer", 1)[1]
    assert 'href="/tentang/"' in footer and f'href="/lokasi/{location.slug}/"' in footer


def test_there_is_one_profile_row_and_one_facility_of_a_kind_per_location(location, profile):
    with pytest.raises(IntegrityError), transaction.atomic():
        MallProfile.objects.create(pk=2)
    Facility.objects.create(location=location, kind=Facility.Kind.OTHER, description="Kantin")
    Facility.objects.create(location=location, kind=Facility.Kind.OTHER, description="Fotokopi")
    Facility.objects.create(location=location, kind=Facility.Kind.PARKING)
    with pytest.raises(IntegrityError), transaction.atomic():
        Facility.objects.create(location=location, kind=Facility.Kind.PARKING)


def test_the_mall_admin_edits_the_profile_but_never_adds_a_second_or_deletes_it(
    client, mall_admin, profile
):
    client.force_login(mall_admin)
    url = f"/admin/services/mallprofile/{profile.pk}/change/"
    data = {
        "name": profile.name,
        "motto": "Cepat, Mudah, Terpadu",
        "lapor_url": "https://www.lapor.go.id/",
    }
    assert client.post(url, data).status_code == 302
    assert "Cepat, Mudah, Terpadu" in client.get("/tentang/").content.decode()
    assert client.get("/admin/services/mallprofile/add/").status_code == 403
    assert client.get(f"/admin/services/mallprofile/{profile.pk}/delete/").status_code == 403


def test_the_mall_admin_adds_a_facility_to_a_location(client, mall_admin, location):
    client.force_login(mall_admin)
    data = {
        "name": location.name,
        "slug": location.slug,
        "address": location.address,
        "order": 0,
        "is_active": "on",
        "facilities-TOTAL_FORMS": 1,
        "facilities-INITIAL_FORMS": 0,
        "facilities-0-order": 1,
        "facilities-0-kind": Facility.Kind.SIGN_LANGUAGE,
        "facilities-0-description": "Pesan sehari sebelumnya.",
    }
    response = client.post(f"/admin/services/location/{location.pk}/change/", data)
    assert response.status_code == 302
    body = client.get(f"/lokasi/{location.slug}/").content.decode()
    assert "Pendamping bahasa isyarat" in body and "Pesan sehari sebelumnya." in body


def test_agency_staff_cannot_edit_the_profile(client, admin_a, profile):
    client.force_login(admin_a)
    response = client.get(f"/admin/services/mallprofile/{profile.pk}/change/")
    assert response.status_code == 302


def test_the_demo_profile_and_facilities_are_seeded_once_and_keep_an_admins_edits(db):
    locations = demo.seed_locations()
    demo.seed_mall_profile()
    demo.seed_facilities(locations)
    MallProfile.objects.filter(pk=1).update(motto="Diubah pengelola")
    counts = Facility.objects.count()
    demo.seed_mall_profile()
    demo.seed_facilities(demo.seed_locations())
    profile = MallProfile.objects.get()
    assert profile.motto == "Diubah pengelola"
    assert Facility.objects.count() == counts
    expo = Location.objects.get(slug="expo-sangatta")
    kinds = set(expo.facilities.values_list("kind", flat=True))
    assert {
        Facility.Kind.PRIORITY_SEATING,
        Facility.Kind.LACTATION_ROOM,
        Facility.Kind.WHEELCHAIR,
        Facility.Kind.SIGN_LANGUAGE,
    } <= kinds
    assert "kutaitimurkab.go.id" in profile.complaint_email
    assert expo.map_url.startswith("https://")
