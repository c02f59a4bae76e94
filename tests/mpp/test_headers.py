"""Headers every answer carries: the browser features the portal allows."""

import pytest

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, str]:
    header = response["Permissions-Policy"]
    return dict(item.strip().split("=", 1) for item in header.split(","))


@pytest.mark.parametrize(
    "path",
    ["/", "/layanan/", "/antrian/ambil/", "/reservasi/", "/umkm/", "/api/v1/agencies", "/x/"],
)
def test_every_answer_turns_off_the_camera_microphone_and_location(client, path):
    features = policy(client.get(path))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "display-capture"):
        assert features[feature] == "()"
    assert features["web-share"] == "(self)" and features["clipboard-write"] == "(self)"
    assert features["autoplay"] == "(self)"
