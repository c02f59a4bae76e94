"""nginx with deploy/nginx/mpp.conf serves uploads from /media/ but refuses complaint
photos, which only the complaint staff pages serve (to those who may read the complaint)."""

import os
import time

from complaints.models import PHOTO_FOLDER
from tests.deploy.conftest import fetch, nginx_site
from tests.images import image_bytes
from tests.machine import free_port


def test_the_proxy_serves_product_photos_and_refuses_complaint_photos(nginx_binary, tmp_path):
    media = tmp_path / "media"
    (media / "umkm").mkdir(parents=True)
    (media / PHOTO_FOLDER).mkdir()
    (media / "umkm" / "produk.jpg").write_bytes(image_bytes())
    (media / PHOTO_FOLDER / "bukti.jpg").write_bytes(image_bytes())
    # Nothing listens on the app port: only what nginx answers itself is asked.
    with nginx_site(
        nginx_binary,
        tmp_path,
        dict(os.environ),
        app_port=free_port(),
        http_port=free_port(),
        https_port=free_port(),
    ) as url:
        deadline = time.monotonic() + 20
        while True:
            try:
                product = fetch(f"{url}/media/umkm/produk.jpg")
                break
            except OSError:
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.2)
        assert product.status == 200
        assert product.headers["content-type"] == "image/jpeg"
        for path in (
            f"/media/{PHOTO_FOLDER}bukti.jpg",
            f"/media//{PHOTO_FOLDER}bukti.jpg",
            f"/media/umkm/../{PHOTO_FOLDER}bukti.jpg",
            # "p" percent-encoded: nginx decodes before it matches a location.
            f"/media/%{ord(PHOTO_FOLDER[0]):x}{PHOTO_FOLDER[1:]}bukti.jpg",
        ):
            answer = fetch(url + path)
            assert answer.status == 404, (path, answer.status)
            assert b"\xff\xd8" not in answer.body
