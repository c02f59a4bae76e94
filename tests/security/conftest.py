"""The world of the security tests: agency A's bookable service at an open counter with a
waiting ticket, a booking, a case and a confidential complaint with a photo about agency A
forwarded to it, an SKM suggestion with a contact, staff of agencies A and B, and a UMKM
owner with a product."""

from datetime import timedelta

import pytest
from django_scopes import scope, scopes_disabled

from cases.services import case_open
from common.images import prepare_photo
from complaints.models import ComplaintCategory
from complaints.services import complaint_forward, complaint_submit, complaint_verify
from counters.booking.services import booking_create
from counters.queue import services as queue
from counters.queue.models import DailyQuota
from counters.survey.services import survey_submit
from tests.counters.booking.conftest import VALID_NIK, next_slot
from tests.counters.conftest import open_all_week
from tests.counters.reports.conftest import make_ticket
from tests.factories import (
    BookingScheduleFactory,
    BusinessFactory,
    CounterFactory,
    ProductFactory,
    ServiceFactory,
    UserFactory,
)
from tests.images import image_bytes, upload
from tests.umkm.booths import make_booths, make_period
from umkm.booth_services import booth_allocate, booth_application_submit


@pytest.fixture
def world(
    db,
    settings,
    tmp_path,
    agency_a,
    agency_b,
    location,
    admin_a,
    operator_a,
    operator_b,
    mall_admin,
):
    # The complaint's photo is written to a folder of this test only.
    settings.MEDIA_ROOT = tmp_path / "media"
    open_all_week(agency_a, location)
    service = ServiceFactory(
        agency=agency_a, slug="ktp-el", queue_prefix="A", is_bookable=True, locations=[location]
    )
    # Half of its day's numbers may be taken from phones.
    DailyQuota.objects.create(
        agency=agency_a, service=service, location=location, limit=200, online_limit=100
    )
    counter = CounterFactory(agency=agency_a, location=location, number=1, services=[service])
    with scope(agency=agency_a):
        queue.counter_open(counter=counter, operator=operator_a)
    schedule = BookingScheduleFactory(
        service=service, agency=agency_a, location=location, weekdays=list(range(7))
    )
    with scopes_disabled():
        booking = booking_create(
            schedule=schedule,
            starts_at=next_slot(schedule).starts_at,
            name="Siti",
            nik=VALID_NIK,
            phone="081234567890",
        )
        ticket = queue.ticket_issue(service=service, location=location)
        case = case_open(
            service=service, nik_last4=VALID_NIK[-4:], location=location, reference="SIAK-0001"
        )
    # A confidential complaint about agency A, forwarded to it by the mall's officers.
    complaint, _secret = complaint_submit(
        category=ComplaintCategory.objects.get(slug="pelayanan-lambat"),
        subject="Antrian tidak dipanggil",
        description="Menunggu tiga jam.",
        identity="confidential",
        name="Rina",
        phone="081234567890",
        agency=agency_a,
        photos=[prepare_photo(upload(image_bytes()))],
    )
    complaint_verify(complaint=complaint, officer=mall_admin)
    complaint_forward(complaint=complaint, officer=mall_admin, agency=agency_a, reason="A")
    # A visit served yesterday, rated with a suggestion and an e-mail for the reply.
    with scopes_disabled():
        served = make_ticket(
            service=service,
            location=location,
            number=1,
            status="done",
            wait_min=5,
            serve_min=5,
            counter=counter,
            operator=operator_a,
            day=ticket.day - timedelta(days=1),
        )
        rated = survey_submit(
            ticket=served,
            answers=[3] * 9,
            age=30,
            sex="P",
            education="sma",
            occupation="swasta",
            suggestion="Mohon tambah kursi di ruang tunggu.",
            contact_email="warga@example.org",
            message_channels=["email"],
        )
    citizen = UserFactory(username="pemilik-umkm")
    product = ProductFactory(business=BusinessFactory(owner=citizen))
    # A coming bazaar whose plan shows the citizen's business, still taking applications.
    booths = make_booths(location, 2)
    bazaar = make_period(location, booths, slug="bazar-dunia")
    booth_application = booth_application_submit(
        business=product.business, period=bazaar, booths=booths, products="Amplang"
    )
    booth_allocate(application=booth_application, booth=booths[0], by=mall_admin)
    return {
        "users": {
            "citizen": citizen,
            "operator_a": operator_a,
            "admin_a": admin_a,
            "operator_b": operator_b,
            "mall": mall_admin,
        },
        "agency": agency_a.slug,
        "service": service.slug,
        "location": location.slug,
        "counter": counter.pk,
        "ticket": ticket.code,
        "booking": booking.code,
        "case": case.code,
        "business": product.business.slug,
        "product": product.slug,
        "product_pk": product.pk,
        "booth_period": bazaar.slug,
        "booth_application": booth_application.pk,
        "complaint": complaint.code,
        "photo": complaint.photos.get().pk,
        "suggestion": rated.suggestion_record.pk,
    }
