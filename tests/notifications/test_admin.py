"""The outbox in the mall admin (every message, delivery rates per channel) and in each
agency's admin site (its own messages, for its admins): read-only, recipients masked."""

import pytest

from notifications.models import Message
from tests.notifications.conftest import PHONE
from tests.notifications.helpers import CONTEXT

pytestmark = pytest.mark.django_db
AGENCY_OUTBOX = "/instansi/{slug}/admin/notifications/message/"
MALL_OUTBOX = "/admin/notifications/message/"


def message(tenant, key, *, channel="whatsapp", state=Message.State.SENT) -> Message:
    return Message.objects.create(
        idempotency_key=key,
        tenant=tenant.pk if tenant else None,
        recipient=PHONE,
        channel=channel,
        purpose="booking",
        template="booking_confirmation",
        context=CONTEXT,
        state=state,
    )


@pytest.fixture
def outbox(agency_a, agency_b):
    return {
        "a_read": message(agency_a, "a:1", state=Message.State.READ),
        "a_failed": message(agency_a, "a:2", state=Message.State.FAILED),
        "a_sms": message(agency_a, "a:3", channel="sms", state=Message.State.DELIVERED),
        "b": message(agency_b, "b:1"),
    }


@pytest.mark.parametrize(
    ("who", "site", "suffix", "expected"),
    [
        ("admin_a", "instansi-a", "", 200),
        ("admin_a", "instansi-a", "templat/", 200),
        ("admin_a", "instansi-a", "{a_read}/change/", 200),
        ("admin_a", "instansi-a", "{b}/change/", 404),
        ("admin_a", "instansi-a", "add/", 403),
        ("operator_a", "instansi-a", "", 403),
        ("admin_b", "instansi-b", "{a_read}/change/", 404),
        ("admin_b", "instansi-a", "", 403),
    ],
)
def test_agency_outbox_permission_matrix(client, request, outbox, who, site, suffix, expected):
    client.force_login(request.getfixturevalue(who))
    ids = {name: row.pk for name, row in outbox.items()}
    path = AGENCY_OUTBOX.format(slug=site) + suffix.format(**ids)
    assert client.get(path).status_code == expected


def test_agency_admin_sees_its_own_messages_masked_with_its_delivery_rates(
    client, admin_a, agency_a, outbox
):
    client.force_login(admin_a)
    response = client.get(AGENCY_OUTBOX.format(slug=agency_a.slug))
    assert response.context["cl"].result_count == 3
    page = response.content.decode()
    assert PHONE not in page
    assert "+62812****7890" in page
    rates = response.context["delivery_rates"]
    assert {r["channel"]: (r["total"], r["delivered_percent"]) for r in rates} == {
        "sms": (1, 100),
        "whatsapp": (2, 50),
    }


def test_mall_admin_sees_every_agency_and_reads_the_templates(client, mall_admin, outbox):
    client.force_login(mall_admin)
    response = client.get(MALL_OUTBOX)
    assert response.status_code == 200
    assert sum(rate["total"] for rate in response.context["delivery_rates"]) == 4
    assert PHONE not in response.content.decode()
    detail = client.get(f"{MALL_OUTBOX}{outbox['b'].pk}/change/").content.decode()
    assert PHONE not in detail and "+62812****7890" in detail
    templates = client.get(f"{MALL_OUTBOX}templat/").content.decode()
    assert "mpp_antrian_dipanggil" in templates
    assert "silakan menuju loket {counter}" in templates
    assert "{{1}}" in templates


def test_nobody_edits_or_deletes_an_outbox_row(client, mall_admin, outbox):
    client.force_login(mall_admin)
    row = outbox["a_read"].pk
    assert client.post(f"{MALL_OUTBOX}{row}/delete/", {"post": "yes"}).status_code == 403
    assert client.get(f"{MALL_OUTBOX}add/").status_code == 403
    assert Message.objects.filter(pk=row).exists()
