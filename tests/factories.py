"""factory_boy factories shared by the test suites of every app."""

import factory
from django.contrib.auth import get_user_model

from services.models import Agency, ApiToken, Location, Membership, Service, hash_token

PASSWORD = "rahasia-uji-2026"


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    name = factory.Sequence(lambda n: f"Gedung Uji {n}")
    slug = factory.Sequence(lambda n: f"gedung-{n}")
    address = "Jl. Uji, Sangatta Utara"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Instansi Uji {n}")
    short_name = factory.Sequence(lambda n: f"Uji{n}")
    slug = factory.Sequence(lambda n: f"instansi-{n}")

    @factory.post_generation
    def locations(self, create, extracted, **kwargs):
        if create and extracted:
            self.locations.add(*extracted)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    first_name = "Pengguna"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save(update_fields=["password"])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    agency = factory.SubFactory(AgencyFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.OPERATOR


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    agency = factory.SubFactory(AgencyFactory)
    slug = factory.Sequence(lambda n: f"layanan-{n}")
    name = factory.Sequence(lambda n: f"Layanan Uji {n}")
    queue_prefix = "A"

    @factory.post_generation
    def locations(self, create, extracted, **kwargs):
        if create and extracted:
            self.locations.add(*extracted)


class ServiceRequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "services.ServiceRequirement"

    service = factory.SubFactory(ServiceFactory)
    text = factory.Sequence(lambda n: f"Dokumen uji {n}")


# UMKM showcase ------------------------------------------------------------------------------

from umkm.models import Business, Category, Kecamatan, Product  # noqa: E402


class BusinessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Business

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"UMKM Uji {n}")
    slug = factory.Sequence(lambda n: f"umkm-uji-{n}")
    category = Category.CAMILAN
    kecamatan = Kecamatan.SANGATTA_UTARA
    address = "Jl. Uji, Sangatta Utara"
    whatsapp = factory.Sequence(lambda n: f"+628120000{n % 10000:04d}")
    status = Business.Status.APPROVED


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    business = factory.SubFactory(BusinessFactory)
    name = factory.Sequence(lambda n: f"Produk Uji {n}")
    slug = factory.Sequence(lambda n: f"produk-uji-{n}")
    price = 25000
    unit = "bungkus 250 g"
    category = Category.CAMILAN


# Counter queueing ---------------------------------------------------------------------------
from datetime import time  # noqa: E402

from counters.models import AgencySchedule, Counter  # noqa: E402


class CounterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Counter
        skip_postgeneration_save = True

    agency = factory.SubFactory(AgencyFactory)
    location = factory.SubFactory(LocationFactory)
    number = factory.Sequence(lambda n: n + 1)

    @factory.post_generation
    def services(self, create, extracted, **kwargs):
        if create and extracted:
            self.services.add(*extracted)


class AgencyScheduleFactory(factory.django.DjangoModelFactory):
    """Around the clock by default: tests choose their own hours where hours matter."""

    class Meta:
        model = AgencySchedule

    agency = factory.SubFactory(AgencyFactory)
    location = factory.SubFactory(LocationFactory)
    weekday = 0
    opens_at = time(0, 0)
    closes_at = time(23, 59, 59)


# Booking (reservasi) ------------------------------------------------------------------------
from datetime import date  # noqa: E402


class BookingScheduleFactory(factory.django.DjangoModelFactory):
    """Mon–Fri 08.00–12.00, 30-minute slots of 3 seats, bookable two weeks ahead."""

    class Meta:
        model = "counters.BookingSchedule"

    service = factory.SubFactory(ServiceFactory, is_bookable=True)
    agency = factory.SelfAttribute("service.agency")
    location = factory.SubFactory(LocationFactory)
    weekdays = factory.LazyFunction(lambda: [0, 1, 2, 3, 4])
    opens_at = time(8, 0)
    closes_at = time(12, 0)
    slot_minutes = 30
    capacity = 3
    days_ahead = 14
    min_notice_minutes = 60


class BookingClosureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "counters.BookingClosure"

    agency = factory.SubFactory(AgencyFactory)
    date = factory.LazyFunction(date.today)
    reason = "Cuti bersama"


def kiosk_token(location) -> str:
    """The raw secret of a new kiosk token of `location`."""
    raw = ApiToken.generate()
    ApiToken.objects.create(
        name="kios", key_hash=hash_token(raw), prefix=raw[:8], kiosk_location=location
    )
    return raw
