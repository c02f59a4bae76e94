"""The citizen's complaint photos: served only to those who may read the complaint (the
mall's officers, the staff of the agency it was forwarded to), shown on both detail pages,
and never as public media."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from django_scopes import scopes_disabled

from common.images import prepare_photo
from complaints.models import Complaint
from mpp.views import media_file
from tests.complaints.conftest import file_complaint, forwarded
from tests.images import image_bytes, upload

pytestmark = pytest.mark.django_db


def photos(count: int = 2) -> list:
    """Photos as the intake form hands them to complaint_submit."""
    colours = [(200, 120, 40), (40, 120, 200), (120, 200, 40)]
    return [prepare_photo(upload(image_bytes(color=colours[n]))) for n in range(count)]


def officer_url(complaint: Complaint, photo) -> str:
    return f"/pengaduan-mpp/{complaint.code}/foto/{photo.pk}/"


def agency_url(agency, complaint: Complaint, photo) -> str:
    return f"/instansi/{agency.slug}/pengaduan/{complaint.code}/foto/{photo.pk}/"


@pytest.fixture
def at_a(slow, agency_a, officer):
    """A complaint with two photos, forwarded to agency A."""
    return forwarded(slow, agency_a, officer, photos=photos())


def assert_the_photo(response, photo) -> None:
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")
    with photo.image.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()


def test_an_officer_and_the_owning_agencys_operator_get_the_photo(
    client, at_a, officer, agency_a, operator_a
):
    first, second = at_a.photos.all()
    client.force_login(officer)
    assert_the_photo(client.get(officer_url(at_a, first)), first)
    assert_the_photo(client.get(officer_url(at_a, second)), second)
    client.force_login(operator_a)
    assert_the_photo(client.get(agency_url(agency_a, at_a, first)), first)


def test_another_agencys_staff_never_reach_the_photo(client, at_a, agency_a, agency_b, operator_b):
    photo = at_a.photos.first()
    client.force_login(operator_b)
    # Through agency A's address (not their agency) or their own (not their complaint).
    assert client.get(agency_url(agency_a, at_a, photo)).status_code == 404
    assert client.get(agency_url(agency_b, at_a, photo)).status_code == 404
    assert client.get(officer_url(at_a, photo)).status_code == 403


def test_the_agencys_staff_get_no_photo_of_a_complaint_not_forwarded_to_them_or_for_officers(
    client, slow, pungli, officer, agency_a, operator_a
):
    named_only = file_complaint(slow, agency=agency_a, photos=photos(1))
    reclassified = forwarded(slow, agency_a, officer, photos=photos(1))
    # Found to be about pungli after forwarding: the officers' alone from then on.
    with scopes_disabled():
        Complaint.objects.filter(pk=reclassified.pk).update(category=pungli)
    client.force_login(operator_a)
    for complaint in (named_only, reclassified):
        photo = complaint.photos.get()
        assert client.get(agency_url(agency_a, complaint, photo)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in_and_citizens_are_refused(client, at_a, agency_a):
    photo = at_a.photos.first()
    for path in (officer_url(at_a, photo), agency_url(agency_a, at_a, photo)):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/akun/masuk/")


def test_a_photo_of_another_complaint_is_a_404(client, slow, at_a, officer, agency_a, operator_a):
    other = forwarded(slow, agency_a, officer, photos=photos(1))
    elsewhere = other.photos.get()
    client.force_login(officer)
    assert client.get(officer_url(at_a, elsewhere)).status_code == 404
    client.force_login(operator_a)
    assert client.get(agency_url(agency_a, at_a, elsewhere)).status_code == 404


def test_both_detail_pages_show_the_photos_as_linked_thumbnails(
    client, at_a, officer, agency_a, operator_a
):
    first, second = at_a.photos.all()
    pages = {
        officer: (f"/pengaduan-mpp/{at_a.code}/", officer_url),
        operator_a: (
            f"/instansi/{agency_a.slug}/pengaduan/{at_a.code}/",
            lambda complaint, photo: agency_url(agency_a, complaint, photo),
        ),
    }
    for user, (path, url) in pages.items():
        client.force_login(user)
        html = client.get(path).content.decode()
        for number, photo in enumerate((first, second), start=1):
            address = url(at_a, photo)
            assert (
                f'<a href="{address}"><img src="{address}" width="{photo.width}" '
                f'height="{photo.height}" alt="Foto {number} dari pelapor"'
            ) in html
        assert "/media/" not in html


def test_a_complaint_without_photos_shows_no_photo_section(client, slow, officer):
    complaint = file_complaint(slow)
    client.force_login(officer)
    assert (
        "Foto dari pelapor" not in client.get(f"/pengaduan-mpp/{complaint.code}/").content.decode()
    )


def test_the_public_media_path_refuses_complaint_photos_while_developing(
    settings, at_a, media_root
):
    settings.DEBUG = True
    name = at_a.photos.first().image.name
    assert (media_root / name).is_file()
    (media_root / "umkm").mkdir()
    (media_root / "umkm" / "produk.jpg").write_bytes(image_bytes())
    request = RequestFactory().get("/media/")
    assert media_file(request, "umkm/produk.jpg").status_code == 200
    for path in (name, f"./{name}", f"umkm/../{name}", f"/{name}", f"pengaduan//{name[10:]}"):
        with pytest.raises(Http404):
            media_file(request, path)
