"""Demo data of locations, agencies, staff accounts and the service catalog (used by
`manage.py seed_demo`)."""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from services.demo_catalog import (
    COMPLAINTS,
    ENGLISH,
    ENGLISH_CATEGORIES,
    PLEDGES,
    SERVICES,
    SYNONYMS,
)
from services.models import (
    Agency,
    Facility,
    LegalBasis,
    Location,
    MallProfile,
    Membership,
    SearchSynonym,
    Service,
    ServicePledge,
    ServiceRequirement,
    ServiceStep,
)
from services.processing_time import parse_processing_time
from services.services import services_reindex

DEMO_PASSWORD = "mpp-demo-2026"

LOCATIONS = [
    {
        "slug": "expo-sangatta",
        "name": "Gedung Expo Sangatta",
        "address": "Kawasan Bukit Pelangi, Sangatta Utara, Kabupaten Kutai Timur, Kalimantan Timur",
        "opening_hours": "Senin–Kamis 08.00–15.00 WITA, Jumat 08.00–11.30 WITA",
        "opening_hours_en": "Monday–Thursday 8am–3pm, Friday 8am–11.30am (WITA, UTC+8)",
        "map_url": "https://www.google.com/maps/search/?api=1&query=Gedung+Expo+Sangatta",
        "is_active": True,
        "order": 1,
    },
    {
        "slug": "apt-pranoto",
        "name": "Gedung MPP Kutai Timur",
        "address": "Jl. APT Pranoto, Sangatta Utara, Kabupaten Kutai Timur, Kalimantan Timur",
        "opening_hours": "Segera dibuka",
        "opening_hours_en": "Opening soon",
        "map_url": "https://www.google.com/maps/search/?api=1&query=Jl.+APT+Pranoto+Sangatta",
        "is_active": False,
        "order": 2,
    },
]

# The MPP's statements as the mall admins publish them; the maklumat is the wording of
# PermenPAN-RB 15/2014. Written once: a mall admin's later edits are kept.
MALL_PROFILE = {
    "motto": "Melayani dengan Hati, Cepat, Mudah dan Terpadu",
    "motto_en": "Serving from the heart: fast, easy and under one roof",
    "vision": (
        "Terwujudnya pelayanan publik yang mudah, cepat, transparan dan terpadu bagi "
        "seluruh masyarakat Kabupaten Kutai Timur."
    ),
    "vision_en": (
        "Public services that are easy, fast, transparent and integrated for everyone in "
        "Kutai Timur Regency."
    ),
    "mission": "\n".join(
        [
            "Menyatukan layanan instansi pusat, daerah, BUMN/BUMD dan swasta dalam satu gedung.",
            "Menerapkan standar pelayanan yang jelas: persyaratan, biaya dan waktu penyelesaian.",
            "Memanfaatkan layanan digital: reservasi, antrian dan pelacakan berkas dari ponsel.",
            "Memberi layanan khusus bagi lansia, penyandang disabilitas, ibu hamil dan anak.",
            "Menindaklanjuti pengaduan dan hasil survei kepuasan masyarakat.",
        ]
    ),
    "mission_en": "\n".join(
        [
            "Bring national, regional, state-owned and private services under one roof.",
            "Apply clear service standards: requirements, fees and completion times.",
            "Offer digital services: booking, queueing and case tracking from a phone.",
            "Give special service to the elderly, people with disabilities, pregnant women "
            "and children.",
            "Listen to complaints and satisfaction surveys to keep improving.",
        ]
    ),
    "maklumat": (
        "Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar "
        "pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap "
        "menerima sanksi sesuai peraturan perundang-undangan yang berlaku."
    ),
    "maklumat_en": (
        "We hereby declare that we are able to deliver services according to the service "
        "standards set, and should we fail to keep this promise, we are ready to accept "
        "sanctions in accordance with the laws and regulations in force."
    ),
    "maklumat_signatory": (
        "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Kutai Timur, "
        "selaku pengelola Mal Pelayanan Publik"
    ),
    "complaint_phone": "(0549) 2026 100",
    "complaint_email": "pengaduan.mpp@kutaitimurkab.go.id",
}

# Facilities and special services per location: (kind, Indonesian, English).
FACILITIES = {
    "expo-sangatta": [
        (
            Facility.Kind.PRIORITY_SEATING,
            "Deret kursi terdepan di ruang tunggu; nomor prioritas dipanggil lebih dahulu.",
            "The front row of the waiting hall; priority numbers are called first.",
        ),
        (
            Facility.Kind.WHEELCHAIR,
            "Pintu masuk landai di sisi timur gedung; dua kursi roda dapat dipinjam di meja "
            "informasi.",
            "A ramp at the east entrance; two wheelchairs to borrow at the information desk.",
        ),
        (
            Facility.Kind.LACTATION_ROOM,
            "Ruang laktasi tertutup di sebelah musala, dengan kursi dan wastafel.",
            "A closed nursing room next to the prayer room, with a chair and a sink.",
        ),
        (
            Facility.Kind.SIGN_LANGUAGE,
            "Pendamping bahasa isyarat (BISINDO) dapat dipesan sehari sebelumnya melalui meja "
            "informasi.",
            "A BISINDO sign language companion can be requested a day ahead at the "
            "information desk.",
        ),
        (
            Facility.Kind.ACCESSIBLE_TOILET,
            "Toilet dengan pegangan rambat di lantai dasar.",
            "A toilet with grab bars on the ground floor.",
        ),
        (
            Facility.Kind.CHILDREN,
            "Pojok bermain anak di ruang tunggu.",
            "A children's play corner in the waiting hall.",
        ),
        (Facility.Kind.PRAYER_ROOM, "Musala di sisi barat gedung.", "West side of the building."),
        (
            Facility.Kind.PARKING,
            "Parkir mobil dan motor di halaman Gedung Expo, gratis.",
            "Free car and motorbike parking in the Expo building's yard.",
        ),
        (Facility.Kind.WIFI, "Wi-Fi gratis di ruang tunggu.", "Free Wi-Fi in the waiting hall."),
        (
            Facility.Kind.HELP_DESK,
            "Meja informasi di pintu masuk membantu memilih layanan dan mengambil antrian.",
            "The information desk at the entrance helps to choose a service and take a number.",
        ),
    ],
}

AGENCIES = [
    (
        "dukcapil",
        "Disdukcapil",
        "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kutai Timur",
        "KTP-el, Kartu Keluarga, akta pencatatan sipil, surat pindah dan Kartu Identitas Anak.",
    ),
    (
        "dpmptsp",
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Kutai Timur",
        "Perizinan berusaha melalui OSS, PBG, izin praktik tenaga kesehatan dan "
        "perizinan daerah lainnya.",
    ),
    (
        "samsat",
        "Samsat Sangatta",
        "UPTD Pengelolaan Pendapatan Daerah (Samsat) Sangatta, Bapenda Provinsi Kalimantan Timur",
        "Pembayaran Pajak Kendaraan Bermotor tahunan dan lima tahunan, balik nama kendaraan.",
    ),
    (
        "bpjs-kesehatan",
        "BPJS Kesehatan",
        "BPJS Kesehatan Kantor Kabupaten Kutai Timur",
        "Pendaftaran peserta JKN, perubahan data dan pindah fasilitas kesehatan.",
    ),
    (
        "polres",
        "Polres Kutim",
        "Kepolisian Resor Kutai Timur",
        "Penerbitan Surat Keterangan Catatan Kepolisian (SKCK).",
    ),
    (
        "imigrasi",
        "Imigrasi",
        "Kantor Imigrasi Kelas I TPI Samarinda — Unit Layanan Paspor",
        "Permohonan paspor biasa untuk warga Kutai Timur.",
    ),
    (
        "kpp-pratama",
        "KPP Pratama Bontang",
        "Kantor Pelayanan Pajak Pratama Bontang",
        "Pendaftaran NPWP, aktivasi akun Coretax dan konsultasi perpajakan.",
    ),
    (
        "bank-kaltimtara",
        "Bankaltimtara",
        "Bank Pembangunan Daerah Kalimantan Timur dan "
        "Kalimantan Utara (Bankaltimtara) Cabang Sangatta",
        "Pembukaan rekening, pembayaran pajak daerah dan retribusi.",
    ),
]


def seed_locations() -> dict[str, Location]:
    locations = {}
    for data in LOCATIONS:
        location, _created = Location.objects.update_or_create(
            slug=data["slug"], defaults={k: v for k, v in data.items() if k != "slug"}
        )
        locations[location.slug] = location
    return locations


def seed_agencies(locations: dict[str, Location]) -> dict[str, Agency]:
    agencies = {}
    for order, (slug, short_name, name, description) in enumerate(AGENCIES, start=1):
        agency, _created = Agency.objects.update_or_create(
            slug=slug,
            defaults={
                "short_name": short_name,
                "name": name,
                "description": description,
                "order": order,
                "is_active": True,
            },
        )
        agency.locations.add(*locations.values())
        agencies[slug] = agency
    return agencies


@cache
def _demo_password_hash() -> str:
    # Every demo account has the one published password: hashed once (a hash costs a third
    # of a second on purpose, and there are some twenty accounts).
    return make_password(DEMO_PASSWORD)


def ensure_user(username: str, *, first_name: str, superuser: bool = False):
    user_model = get_user_model()
    user, _created = user_model.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "is_staff": superuser,
            "is_superuser": superuser,
            "password": _demo_password_hash(),
        },
    )
    return user


def seed_accounts(agencies: dict[str, Agency]) -> list[str]:
    """The demo accounts: `admin`, and `<slug>-admin` / `<slug>-loket` for each agency."""
    ensure_user("admin", first_name="Pengelola MPP", superuser=True)
    Group.objects.get_or_create(name="pengelola-mpp")
    usernames = ["admin"]
    for slug, agency in agencies.items():
        for suffix, role, label in (
            ("admin", Membership.Role.ADMIN, "Admin"),
            ("loket", Membership.Role.OPERATOR, "Petugas"),
        ):
            user = ensure_user(f"{slug}-{suffix}", first_name=f"{label} {agency.short_name}")
            Membership.objects.get_or_create(agency=agency, user=user, defaults={"role": role})
            usernames.append(user.username)
    return usernames


SERVICE_FIELDS = [
    "name",
    "category",
    "summary",
    "description",
    "keywords",
    "processing_time",
    "fee",
    "fee_note",
    "product",
    "average_minutes",
    "is_bookable",
]


ENGLISH_FIELDS = ["name", "summary", "description", "processing_time", "product"]


def seed_service(agency: Agency, data: dict, *, order: int, locations: list) -> Service:
    english = ENGLISH.get(f"{agency.slug}/{data['slug']}", {})
    defaults = {name: data.get(name, "") for name in SERVICE_FIELDS}
    defaults.update({f"{name}_en": english.get(name, "") for name in ENGLISH_FIELDS})
    defaults["category_en"] = ENGLISH_CATEGORIES.get(data["category"], "")
    defaults["fee"] = data.get("fee")
    defaults["processing_unit"], defaults["processing_amount"] = parse_processing_time(
        data["processing_time"]
    )
    online_name, online_url = data.get("online", ("", ""))
    defaults.update(
        data.get("standard", {}),
        online_name=online_name,
        online_url=online_url,
        complaint_channels="\n".join(COMPLAINTS[agency.slug]),
        queue_prefix=chr(ord("A") + order - 1),
        order=order,
        is_active=True,
    )
    service, _created = Service.objects.update_or_create(
        agency=agency, slug=data["slug"], defaults=defaults
    )
    service.locations.set(locations)
    # The lists are replaced as a whole, so that running the seed again changes nothing.
    for model in (ServiceRequirement, ServiceStep, LegalBasis):
        model.objects.filter(service=service).delete()
    # Zipped strictly: an English list out of step with the Indonesian one is refused.
    english_requirements = english.get("requirements") or [{}] * len(data["requirements"])
    ServiceRequirement.objects.bulk_create(
        ServiceRequirement(service=service, order=index, **item, **item_en)
        for index, (item, item_en) in enumerate(
            zip(data["requirements"], english_requirements, strict=True), start=1
        )
    )
    english_steps = english.get("steps") or [""] * len(data["steps"])
    ServiceStep.objects.bulk_create(
        ServiceStep(service=service, order=index, text=text, text_en=text_en)
        for index, (text, text_en) in enumerate(
            zip(data["steps"], english_steps, strict=True), start=1
        )
    )
    LegalBasis.objects.bulk_create(
        LegalBasis(service=service, order=index, title=title)
        for index, title in enumerate(data["legal_bases"], start=1)
    )
    return service


def seed_catalog(agencies: dict[str, Agency], locations: dict[str, Location]) -> list[Service]:
    services = []
    for slug, entries in SERVICES.items():
        agency = agencies[slug]
        for order, data in enumerate(entries, start=1):
            services.append(
                seed_service(agency, data, order=order, locations=list(locations.values()))
            )
        ServicePledge.objects.update_or_create(
            agency=agency,
            defaults={"text": PLEDGES[slug], "signed_by": f"Pimpinan {agency.name}"},
        )
    for term, expansion in SYNONYMS:
        SearchSynonym.objects.update_or_create(term=term, defaults={"expansion": expansion})
    services_reindex(services=services)
    return services


def seed_mall_profile() -> MallProfile:
    profile, _created = MallProfile.objects.get_or_create(pk=1, defaults=MALL_PROFILE)
    return profile


def seed_facilities(locations: dict[str, Location]) -> None:
    for slug, facilities in FACILITIES.items():
        for order, (kind, description, english) in enumerate(facilities, start=1):
            Facility.objects.get_or_create(
                location=locations[slug],
                kind=kind,
                defaults={"description": description, "description_en": english, "order": order},
            )


def seed(*, always_open: bool = False) -> dict:
    locations = seed_locations()
    seed_mall_profile()
    seed_facilities(locations)
    agencies = seed_agencies(locations)
    accounts = seed_accounts(agencies)
    services = seed_catalog(agencies, locations)
    return {
        "locations": locations,
        "agencies": agencies,
        "accounts": accounts,
        "services": services,
    }
