"""Two-agency isolation matrix over every model registered on the agency admin sites."""

from datetime import time

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_scopes import scopes_disabled

from counters.booking.selectors import booking_days, day_slots
from counters.booking.services import booking_create
from counters.models import (
    AgencySchedule,
    Booking,
    BookingClosure,
    BookingSchedule,
    Counter,
    CounterPause,
    DailyQuota,
    PersonalDataAccess,
    QueueSetting,
    Ticket,
)
from counters.queue.services.tickets import ticket_issue
from mpp.agency_site import agency_admin_site
from mpp.tenancy import agency_admin_reverse
from notifications.models import Message
from oversight.models import OversightSetting
from services.models import Membership, Service, ServicePledge
from tests.factories import (
    PASSWORD,
    AgencyScheduleFactory,
    BookingClosureFactory,
    BookingScheduleFactory,
    CounterFactory,
    MembershipFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def location_of(agency):
    return agency.locations.first()


def issued_ticket(agency):
    with scopes_disabled():
        for weekday in range(7):
            AgencySchedule.objects.get_or_create(
                agency=agency,
                location=location_of(agency),
                weekday=weekday,
                defaults={"opens_at": time(0, 0), "closes_at": time(23, 59, 59)},
            )
    service = ServiceFactory(agency=agency, locations=[location_of(agency)])
    return ticket_issue(service=service, location=location_of(agency))


def counter_pause(agency):
    counter = CounterFactory(agency=agency, location=location_of(agency))
    return CounterPause.objects.create(
        agency=agency, counter=counter, reason=CounterPause.Reason.BREAK, started_at=timezone.now()
    )


def booking_schedule(agency):
    service = ServiceFactory(agency=agency, is_bookable=True, locations=[location_of(agency)])
    return BookingScheduleFactory(
        agency=agency, service=service, location=location_of(agency), weekdays=list(range(7))
    )


def booking(agency):
    schedule = booking_schedule(agency)
    day = next(d.date for d in booking_days(schedule) if d.is_open)
    return booking_create(
        schedule=schedule,
        starts_at=day_slots(schedule, day)[0].starts_at,
        name="Warga Uji",
        nik="6408011505900001",
        phone="081234567890",
    )


def personal_data_access(agency):
    made = booking(agency)
    user = UserFactory()
    return PersonalDataAccess.objects.create(
        agency=agency, booking=made, user=user, username=user.username
    )


# How to make one row of each registered model for an agency. A model registered on the
# agency sites without an entry here fails test_every_registered_model_is_covered.
OBJECT_MAKERS = {
    Membership: lambda agency: MembershipFactory(agency=agency, user=UserFactory()),
    Service: lambda agency: ServiceFactory(agency=agency),
    ServicePledge: lambda agency: ServicePledge.objects.create(
        agency=agency, text="Kami sanggup melayani sesuai standar.", signed_by="Kepala"
    ),
    Counter: lambda agency: CounterFactory(agency=agency, location=location_of(agency)),
    AgencySchedule: lambda agency: AgencyScheduleFactory(
        agency=agency, location=location_of(agency)
    ),
    DailyQuota: lambda agency: DailyQuota.objects.create(
        agency=agency,
        service=ServiceFactory(agency=agency),
        location=location_of(agency),
        limit=100,
    ),
    QueueSetting: lambda agency: QueueSetting.objects.create(agency=agency, priority_run=3),
    OversightSetting: lambda agency: OversightSetting.objects.create(
        agency=agency, wait_limit_minutes=45
    ),
    Ticket: issued_ticket,
    CounterPause: counter_pause,
    BookingSchedule: booking_schedule,
    BookingClosure: lambda agency: BookingClosureFactory(agency=agency),
    Booking: booking,
    PersonalDataAccess: personal_data_access,
    Message: lambda agency: Message.objects.create(
        idempotency_key=f"uji:{agency.slug}",
        tenant=agency.pk,
        recipient="+6281234567890",
        channel="whatsapp",
        purpose="booking",
        template="queue_called",
        context={"number": "A-001", "counter": "3"},
    ),
}
# The queue's history is written by the engine only, bookings by citizens and the kiosk:
# nobody adds or edits them by hand.
READ_ONLY = {Ticket, CounterPause, Booking, PersonalDataAccess, Message}


def inline_management(*prefixes: str) -> dict:
    data = {}
    for prefix in prefixes:
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    return data


SERVICE_INLINES = inline_management("requirements", "steps", "legal_bases")


def registered_models():
    return list(agency_admin_site._registry)


def url(agency, model, action, obj=None):
    name = f"agency_admin:{model._meta.app_label}_{model._meta.model_name}_{action}"
    args = [obj.pk] if obj is not None else []
    return agency_admin_reverse(agency.slug, name, args=args)


def test_every_registered_model_is_covered():
    assert set(registered_models()) == set(OBJECT_MAKERS)


@pytest.fixture
def objects(agency_a, agency_b):
    return {
        model: {"a": OBJECT_MAKERS[model](agency_a), "b": OBJECT_MAKERS[model](agency_b)}
        for model in registered_models()
    }


@pytest.mark.parametrize("model", registered_models(), ids=lambda m: m._meta.model_name)
def test_logged_out_visitor_is_sent_to_the_agency_login(client, agency_a, objects, model):
    for target in (url(agency_a, model, "changelist"), url(agency_a, model, "add")):
        response = client.get(target)
        assert response.status_code == 302
        login = agency_admin_reverse(agency_a.slug, "agency_admin:login")
        assert response["Location"].startswith(login)


@pytest.mark.parametrize("model", registered_models(), ids=lambda m: m._meta.model_name)
def test_agency_admin_manages_own_rows_and_gets_404_for_another_agencys(
    client, agency_a, admin_a, objects, model
):
    client.force_login(admin_a)
    own, other = objects[model]["a"], objects[model]["b"]
    assert client.get(url(agency_a, model, "changelist")).status_code == 200
    expected_add = 403 if model in READ_ONLY else 200
    assert client.get(url(agency_a, model, "add")).status_code == expected_add
    assert client.get(url(agency_a, model, "change", own)).status_code == 200
    for action in ("change", "delete", "history"):
        assert client.get(url(agency_a, model, action, other)).status_code == 404
    assert client.post(url(agency_a, model, "delete", other), {"post": "yes"}).status_code == 404
    with scopes_disabled():
        assert model.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("model", registered_models(), ids=lambda m: m._meta.model_name)
def test_changelist_lists_only_own_agency_rows(client, agency_a, admin_a, objects, model):
    client.force_login(admin_a)
    response = client.get(url(agency_a, model, "changelist"))
    shown = {obj.pk for obj in response.context["cl"].result_list}
    assert objects[model]["a"].pk in shown
    assert objects[model]["b"].pk not in shown


@pytest.mark.parametrize("model", registered_models(), ids=lambda m: m._meta.model_name)
def test_member_of_another_agency_is_refused_on_its_site(client, agency_b, admin_a, objects, model):
    client.force_login(admin_a)
    assert client.get(agency_admin_reverse(agency_b.slug)).status_code == 403
    assert client.get(url(agency_b, model, "changelist")).status_code == 403
    assert client.get(url(agency_b, model, "change", objects[model]["b"])).status_code == 403


@pytest.mark.parametrize("model", registered_models(), ids=lambda m: m._meta.model_name)
def test_operator_cannot_add_change_or_delete(client, agency_a, operator_a, objects, model):
    client.force_login(operator_a)
    own = objects[model]["a"]
    assert client.get(url(agency_a, model, "add")).status_code == 403
    assert client.post(url(agency_a, model, "delete", own), {"post": "yes"}).status_code == 403
    with scopes_disabled():
        assert model.objects.filter(pk=own.pk).exists()


def test_operator_reads_the_catalog_but_not_the_staff(client, agency_a, operator_a, objects):
    client.force_login(operator_a)
    assert client.get(url(agency_a, Service, "changelist")).status_code == 200
    service = objects[Service]["a"]
    page = client.get(url(agency_a, Service, "change", service))
    assert page.status_code == 200
    assert not page.context["has_change_permission"]
    assert client.post(url(agency_a, Service, "change", service), {"name": "x"}).status_code == 403
    assert client.get(url(agency_a, Membership, "changelist")).status_code == 403
    assert client.get(url(agency_a, PersonalDataAccess, "changelist")).status_code == 403


@pytest.mark.parametrize("model", registered_models(), ids=lambda m: m._meta.model_name)
def test_mall_admin_may_enter_every_agency_site(client, agency_b, mall_admin, objects, model):
    client.force_login(mall_admin)
    assert client.get(url(agency_b, model, "changelist")).status_code == 200


def test_agency_site_is_branded_with_the_agency(client, agency_a, admin_a):
    client.force_login(admin_a)
    body = client.get(agency_admin_reverse(agency_a.slug)).content.decode()
    assert agency_a.name in body


def test_agency_login_refuses_staff_of_another_agency(client, agency_a, admin_b):
    response = client.post(
        agency_admin_reverse(agency_a.slug, "agency_admin:login"),
        {"username": admin_b.username, "password": PASSWORD},
    )
    assert response.status_code == 200
    assert "bukan staf" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_agency_login_lets_its_members_in(client, agency_a, operator_a):
    response = client.post(
        agency_admin_reverse(agency_a.slug, "agency_admin:login"),
        {"username": operator_a.username, "password": PASSWORD},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(operator_a.pk)


def test_new_agency_site_works_without_restart(client, mall_admin, location):
    client.force_login(mall_admin)
    response = client.post(
        "/admin/services/agency/add/",
        {
            "name": "Kantor Pertanahan Kabupaten Kutai Timur",
            "short_name": "BPN",
            "slug": "bpn",
            "order": 9,
            "is_active": "on",
            "locations": [location.pk],
            "memberships-TOTAL_FORMS": 0,
            "memberships-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    page = client.get(agency_admin_reverse("bpn"))
    assert page.status_code == 200
    assert "Kantor Pertanahan" in page.content.decode()


def test_unknown_or_inactive_agency_site_is_404(client, agency_a, mall_admin):
    client.force_login(mall_admin)
    assert client.get("/instansi/tidak-ada/admin/").status_code == 404
    agency_a.is_active = False
    agency_a.save()
    assert client.get("/instansi/instansi-a/admin/").status_code == 404


def test_agency_admin_adds_staff_with_a_new_account(client, agency_a, admin_a):
    client.force_login(admin_a)
    response = client.post(
        url(agency_a, Membership, "add"),
        {
            "username": "petugas-baru",
            "full_name": "Siti Rahmawati",
            "email": "",
            "password": "Loket-Sangatta-77",
            "role": "operator",
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="petugas-baru")
    with scopes_disabled():
        membership = Membership.objects.get(user=user)
    assert membership.agency == agency_a
    assert membership.role == "operator"
    assert user.check_password("Loket-Sangatta-77")
    assert not user.is_staff


def test_agency_admin_cannot_claim_an_existing_account(client, agency_a, admin_a, admin_b):
    client.force_login(admin_a)
    response = client.post(
        url(agency_a, Membership, "add"),
        {
            "username": admin_b.username,
            "full_name": "Orang Lain",
            "password": "Loket-Sangatta-77",
            "role": "admin",
        },
    )
    assert response.status_code == 200
    admin_b.refresh_from_db()
    assert admin_b.check_password(PASSWORD)
    with scopes_disabled():
        assert not Membership.objects.filter(user=admin_b, agency=agency_a).exists()


def test_service_created_on_agency_site_belongs_to_that_agency(client, agency_a, admin_a, location):
    client.force_login(admin_a)
    response = client.post(
        url(agency_a, Service, "add"),
        {
            "slug": "legalisir",
            "name": "Legalisir Dokumen",
            "processing_time": "Selesai di tempat",
            "product": "Salinan dokumen terlegalisir",
            "queue_prefix": "L",
            "average_minutes": 5,
            "order": 1,
            "is_active": "on",
            "locations": [location.pk],
            **SERVICE_INLINES,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    with scopes_disabled():
        assert Service.objects.get(slug="legalisir").agency == agency_a


def test_duplicate_service_slug_is_a_form_error_not_a_crash(client, agency_a, admin_a):
    ServiceFactory(agency=agency_a, slug="legalisir")
    client.force_login(admin_a)
    response = client.post(
        url(agency_a, Service, "add"),
        {
            "slug": "legalisir",
            "name": "Legalisir",
            "processing_time": "Selesai di tempat",
            "product": "Salinan dokumen terlegalisir",
            "queue_prefix": "L",
            "average_minutes": 5,
            "order": 1,
            **SERVICE_INLINES,
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
