"""Permission matrix generated from the URL configuration: every URL x every kind of user.

A URL added without a decision here fails test_every_url_has_a_decision. The two admin
sites have their own matrices (tests/mpp/test_agency_admin_isolation.py, test_mall_admin).
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

ROLES = ["anonymous", "citizen", "operator_a", "admin_a", "operator_b", "mall"]
# Covered by their own matrices; media files are served by the web server in production.
OWN_MATRIX_NAMESPACES = {"admin"}
NOT_ROUTES = {"favicon.ico", "^media/(?P<path>.*)$"}


def url_names() -> set[str]:
    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                if inner not in OWN_MATRIX_NAMESPACES:
                    yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and str(pattern.pattern) not in NOT_ROUTES:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return set(walk(get_resolver().url_patterns))


def every(status):
    return dict.fromkeys(ROLES, status)


def public():
    return every(200)


def signed_in(status, anonymous=302):
    return {**every(status), "anonymous": anonymous}


def agency_a_staff(*, member=200, other=403, anonymous=302, citizen=None, mall=None):
    return {
        "anonymous": anonymous,
        "citizen": other if citizen is None else citizen,
        "operator_a": member,
        "admin_a": member,
        "operator_b": other,
        "mall": member if mall is None else mall,
    }


def complaint_officers(*, officer=200):
    """The mall's complaint officers (mall admins are officers too)."""
    return {**every(403), "anonymous": 302, "mall": officer}


def owner_only(*, owner=200, others=302, anonymous=302):
    return {**every(others), "anonymous": anonymous, "citizen": owner}


# name -> (method, path template filled from the world, expected status per role)
DECISIONS = {
    "home": ("get", "/", public()),
    "healthz": ("get", "/healthz", public()),
    "switch_language": ("get", "/bahasa/en/", every(302)),
    "login": ("get", "/akun/masuk/", public()),
    "logout": ("post", "/akun/keluar/", every(302)),
    "notifications:whatsapp_webhook": ("post", "/webhooks/whatsapp/", every(403)),
    "services:index": ("get", "/layanan/", public()),
    "services:agency": ("get", "/layanan/{agency}/", public()),
    "services:service": ("get", "/layanan/{agency}/{service}/", public()),
    "umkm:showcase": ("get", "/umkm/", public()),
    "umkm:business": ("get", "/umkm/{business}/", public()),
    "umkm:product": ("get", "/umkm/{business}/{product}/", public()),
    "umkm:product_qr": ("get", "/umkm/{business}/{product}/qr.svg", public()),
    "umkm:at_the_mall": ("get", "/umkm/di-mpp/", public()),
    "umkm:register": ("get", "/umkm/akun/daftar/", {**public(), "citizen": 302}),
    "umkm:owner_booths": ("get", "/umkm/akun/stan/", owner_only()),
    "umkm:owner_booth_apply": ("get", "/umkm/akun/stan/{booth_period}/", owner_only()),
    "umkm:dashboard": ("get", "/umkm/akun/", owner_only()),
    "umkm:business_edit": ("get", "/umkm/akun/profil/", owner_only()),
    "umkm:product_create": ("get", "/umkm/akun/produk/baru/", owner_only()),
    "umkm:product_edit": ("get", "/umkm/akun/produk/{product_pk}/", owner_only()),
    "umkm:product_delete": ("get", "/umkm/akun/produk/{product_pk}/hapus/", owner_only()),
    "umkm:photo_upload": ("get", "/umkm/akun/produk/{product_pk}/foto/", every(405)),
    "umkm:photo_delete": ("post", "/umkm/akun/foto/999999/hapus/", owner_only(owner=404)),
    "booking:start": ("get", "/reservasi/", public()),
    "booking:service": ("get", "/reservasi/{agency}/{service}/", public()),
    "booking:create": ("get", "/reservasi/{agency}/{service}/pesan/", every(404)),
    "booking:manage": ("get", "/reservasi/{booking}/", public()),
    "booking:ics": ("get", "/reservasi/{booking}/kalender.ics", every(404)),
    "booking:cancel": ("get", "/reservasi/{booking}/batal/", every(404)),
    "booking:reschedule": ("get", "/reservasi/{booking}/ubah/", every(404)),
    # A POST of the booking's own page (unlocked with its NIK); GET is not a page.
    "booking:messages": ("get", "/reservasi/{booking}/pemberitahuan/", every(405)),
    "booking:kiosk_check_in": ("get", "/reservasi/kios/{location}/", public()),
    "cases:lookup": ("get", "/lacak/", public()),
    # Asks the NIK digits of any code (the case itself only after them).
    "cases:track": ("get", "/lacak/{case}/", public()),
    # A POST of the case's own page (unlocked with its NIK digits); GET is not a page.
    "cases:messages": ("get", "/lacak/{case}/pemberitahuan/", every(405)),
    "complaints:intake": ("get", "/pengaduan/", public()),
    "complaints:poster": ("get", "/pengaduan/poster/", public()),
    # The secret is asked first: the same page for everyone, whether the number exists or not.
    "complaints:track": ("get", "/pengaduan/{complaint}/", public()),
    # The receipt is for the browser that filed the complaint, once; others go to the form.
    "complaints:receipt": ("get", "/pengaduan/{complaint}/terkirim/", every(302)),
    # POSTs of the complaint's own page once its secret is proven; GET is not a page.
    "complaints:add_information": ("get", "/pengaduan/{complaint}/tambah/", every(405)),
    "complaints:rate": ("get", "/pengaduan/{complaint}/nilai/", every(405)),
    "counters:kiosk": ("get", "/antrian/ambil/", every(302)),
    "counters:kiosk_agencies": ("get", "/antrian/ambil/{location}/", public()),
    "counters:kiosk_services": ("get", "/antrian/ambil/{location}/{agency}/", public()),
    "counters:kiosk_priority": ("get", "/antrian/ambil/{location}/{agency}/{service}/", public()),
    "counters:kiosk_ticket": ("get", "/antrian/ambil/tiket/{ticket}/", public()),
    "counters:ticket_status": ("get", "/antrian/tiket/{ticket}/", public()),
    "counters:survey": ("get", "/antrian/tiket/{ticket}/survei/", public()),
    "counters:ticket_messages": ("get", "/antrian/tiket/{ticket}/pemberitahuan/", public()),
    "counters:station_start": ("get", "/antrian/survei/{location}/", public()),
    # The world's ticket is still waiting: the station says so and shows its start.
    "counters:station_survey": ("get", "/antrian/survei/{location}/tiket/{ticket}/", every(409)),
    "counters:station_thanks": ("get", "/antrian/survei/{location}/terima-kasih/", public()),
    "counters:online_start": ("get", "/antrian/ambil/online/", public()),
    "counters:online_take": (
        "get",
        "/antrian/ambil/online/{location}/{agency}/{service}/",
        public(),
    ),
    "counters:kiosk_online_check_in": ("get", "/antrian/check-in/{location}/", public()),
    "counters:board": ("get", "/antrian/layar/{location}/", public()),
    "transparency": ("get", "/transparansi/", public()),
    "transparency_csv": ("get", "/transparansi/kinerja.csv", public()),
    "transparency_json": ("get", "/transparansi/data.json", public()),
    "mall:about": ("get", "/tentang/", public()),
    "mall:location": ("get", "/lokasi/{location}/", public()),
    "counters:console": ("get", "/loket/", {**signed_in(200), "citizen": 403, "mall": 403}),
    "counters:console_counter": ("get", "/loket/{counter}/", agency_a_staff(other=404, mall=404)),
    "counters:console_action": (
        "post",
        "/loket/{counter}/call-next/",
        agency_a_staff(member=302, other=404, mall=404),
    ),
    "counters:console_personal_data": (
        "post",
        "/loket/{counter}/data-pribadi/",
        agency_a_staff(other=404, mall=404),
    ),
    "counters:agency_report": ("get", "/instansi/{agency}/laporan/", agency_a_staff(other=404)),
    "counters:agency_report_csv": (
        "get",
        "/instansi/{agency}/laporan/layanan.csv",
        agency_a_staff(other=404),
    ),
    # The agency's SKM suggestions: its readers of the whole reports, not its operators.
    "counters:suggestion_inbox": (
        "get",
        "/instansi/{agency}/saran/",
        {**agency_a_staff(other=404), "operator_a": 403},
    ),
    # An empty note: refused with a message, back to the inbox.
    "counters:suggestion_step": (
        "post",
        "/instansi/{agency}/saran/{suggestion}/tangani/",
        {**agency_a_staff(member=302, other=404), "operator_a": 403},
    ),
    "counters:mall_suggestions": (
        "get",
        "/laporan/mpp/saran/",
        {**every(403), "anonymous": 302, "mall": 200},
    ),
    # No visit is being served at the world's counter: back to the console.
    "cases_staff:counter_outcome": (
        "get",
        "/loket/{counter}/berkas/",
        agency_a_staff(member=302, other=404, mall=404),
    ),
    "cases_staff:list": ("get", "/instansi/{agency}/berkas/", agency_a_staff(other=404)),
    "cases_staff:open": ("get", "/instansi/{agency}/berkas/buka/", agency_a_staff(other=404)),
    "cases_staff:bulk": (
        "post",
        "/instansi/{agency}/berkas/ubah-status/",
        agency_a_staff(member=302, other=404),
    ),
    "cases_staff:detail": ("get", "/instansi/{agency}/berkas/{case}/", agency_a_staff(other=404)),
    "cases_staff:receipt": (
        "get",
        "/instansi/{agency}/berkas/{case}/tanda-terima/",
        agency_a_staff(other=404),
    ),
    # An empty note: refused with the form's message.
    "cases_staff:action": (
        "post",
        "/instansi/{agency}/berkas/{case}/catatan/",
        agency_a_staff(member=422, other=404),
    ),
    "counters:skm_agency_choose": (
        "get",
        "/instansi/{agency}/laporan/skm/",
        agency_a_staff(member=302, other=404),
    ),
    "counters:skm_agency": (
        "get",
        "/instansi/{agency}/laporan/skm/2026/q3/",
        agency_a_staff(other=404),
    ),
    # The agency's admins write (an empty form: back to the page with the reason); its
    # operators read only; no such action: a 404.
    "counters:skm_plan_add": (
        "post",
        "/instansi/{agency}/laporan/skm/2026/q3/rencana/",
        {**agency_a_staff(member=302, other=404), "operator_a": 403},
    ),
    "counters:skm_plan_remove": (
        "post",
        "/instansi/{agency}/laporan/skm/2026/q3/rencana/999999/hapus/",
        {**agency_a_staff(member=404, other=404), "operator_a": 403},
    ),
    "counters:skm_plan_progress": (
        "post",
        "/instansi/{agency}/laporan/skm/2026/q3/kemajuan/999999/",
        {**agency_a_staff(member=404, other=404), "operator_a": 403},
    ),
    "counters:skm_publish": (
        "post",
        "/instansi/{agency}/laporan/skm/2026/q3/terbitkan/",
        {**agency_a_staff(member=302, other=404), "operator_a": 403},
    ),
    "counters:skm_mall_choose": (
        "get",
        "/laporan/mpp/skm/",
        {**every(403), "anonymous": 302, "mall": 302},
    ),
    "counters:skm_mall": (
        "get",
        "/laporan/mpp/skm/2026/q3/",
        {**every(403), "anonymous": 302, "mall": 200},
    ),
    "counters:skm_public_index": ("get", "/transparansi/skm/", public()),
    # The world's agency has published no report.
    "counters:skm_public": ("get", "/transparansi/skm/{agency}/2026/q3/", every(404)),
    "counters:mall_dashboard": (
        "get",
        "/laporan/mpp/",
        {**every(403), "anonymous": 302, "mall": 200},
    ),
    "case_reports:agency": (
        "get",
        "/instansi/{agency}/laporan/berkas/",
        agency_a_staff(other=404),
    ),
    "case_reports:late_csv": (
        "get",
        "/instansi/{agency}/laporan/berkas/terlambat.csv",
        agency_a_staff(other=404),
    ),
    "case_reports:mall": (
        "get",
        "/laporan/mpp/berkas/",
        {**every(403), "anonymous": 302, "mall": 200},
    ),
    "complaints_staff:answers": ("get", "/pengaduan/tanya-jawab/", public()),
    "complaints_staff:officer_inbox": ("get", "/pengaduan-mpp/", complaint_officers()),
    "complaints_staff:officer_detail": (
        "get",
        "/pengaduan-mpp/{complaint}/",
        complaint_officers(),
    ),
    "complaints_staff:officer_photo": (
        "get",
        "/pengaduan-mpp/{complaint}/foto/{photo}/",
        complaint_officers(),
    ),
    "complaints_staff:officer_identity": (
        "post",
        "/pengaduan-mpp/{complaint}/identitas/",
        complaint_officers(),
    ),
    "complaints_staff:officer_lapor": (
        "get",
        "/pengaduan-mpp/{complaint}/lapor.txt",
        complaint_officers(),
    ),
    "complaints_staff:officer_step": (
        "post",
        "/pengaduan-mpp/{complaint}/verifikasi/",
        complaint_officers(officer=302),
    ),
    "complaints_staff:agency_inbox": (
        "get",
        "/instansi/{agency}/pengaduan/",
        agency_a_staff(other=404),
    ),
    "complaints_staff:agency_detail": (
        "get",
        "/instansi/{agency}/pengaduan/{complaint}/",
        agency_a_staff(other=404),
    ),
    "complaints_staff:agency_photo": (
        "get",
        "/instansi/{agency}/pengaduan/{complaint}/foto/{photo}/",
        agency_a_staff(other=404),
    ),
    "complaints_staff:agency_step": (
        "post",
        "/instansi/{agency}/pengaduan/{complaint}/tanggapan/",
        agency_a_staff(member=302, other=404),
    ),
    "api-1:complaint_list": (
        "get",
        "/api/v1/complaints",
        {**signed_in(200, anonymous=401), "citizen": 403},
    ),
    "api-1:api-root": ("get", "/api/v1/", every(404)),
    "api-1:openapi-json": ("get", "/api/v1/openapi.json", public()),
    "api-1:openapi-view": ("get", "/api/v1/docs", public()),
    "api-1:agency_list": ("get", "/api/v1/agencies", public()),
    "api-1:location_list": ("get", "/api/v1/locations", public()),
    "api-1:me": ("get", "/api/v1/me", signed_in(200, anonymous=401)),
    "api-1:service_list": ("get", "/api/v1/services", public()),
    "api-1:service_detail": ("get", "/api/v1/services/{agency}/{service}", public()),
    "api-1:slot_list": (
        "get",
        "/api/v1/services/{agency}/{service}/slots?location={location}",
        public(),
    ),
    "api-1:product_list": ("get", "/api/v1/umkm/products", public()),
    "api-1:agency_ikm_detail": ("get", "/api/v1/agencies/{agency}/ikm", public()),
    "api-1:board_feed": ("get", "/api/v1/boards/{location}", public()),
    "api-1:ticket_detail": ("get", "/api/v1/tickets/{ticket}", public()),
    "api-1:survey_create": ("post", "/api/v1/tickets/{ticket}/survey", every(422)),
    "api-1:ticket_create": ("post", "/api/v1/tickets", signed_in(422, anonymous=401)),
    "api-1:online_ticket_create": ("post", "/api/v1/tickets/online", every(422)),
    # Kiosk tokens only (tested with one in tests/counters/queue/test_online.py).
    "api-1:online_ticket_check_in": (
        "post",
        "/api/v1/tickets/{ticket}/check-in",
        signed_in(403, anonymous=401),
    ),
    "api-1:ticket_action": (
        "post",
        "/api/v1/tickets/{ticket}/recall",
        {**signed_in(404, anonymous=401), "operator_a": 409, "admin_a": 409},
    ),
    "api-1:counter_list": ("get", "/api/v1/counters", signed_in(200, anonymous=401)),
    "api-1:counter_call_next": (
        "post",
        "/api/v1/counters/{counter}/call-next",
        {**signed_in(404, anonymous=401), "operator_a": 200, "admin_a": 409},
    ),
    "api-1:counter_pause": (
        "post",
        "/api/v1/counters/{counter}/pause",
        signed_in(422, anonymous=401),
    ),
    "api-1:counter_action": (
        "post",
        "/api/v1/counters/{counter}/close",
        {**signed_in(404, anonymous=401), "operator_a": 200, "admin_a": 409},
    ),
    # Staff of one agency only: B's operator sees B's (empty) list; no agency, no list.
    "api-1:case_list": (
        "get",
        "/api/v1/cases",
        {**signed_in(200, anonymous=401), "citizen": 422, "mall": 422},
    ),
    "api-1:case_event_create": (
        "post",
        "/api/v1/cases/{case}/events",
        signed_in(422, anonymous=401),
    ),
    "api-1:case_event_by_reference": (
        "post",
        "/api/v1/cases/by-reference/SIAK-0001/events",
        signed_in(422, anonymous=401),
    ),
    "api-1:booking_create_endpoint": ("post", "/api/v1/bookings", every(422)),
    "api-1:case_lookup_endpoint": ("post", "/api/v1/cases/lookup", every(422)),
    "api-1:booking_lookup": ("post", "/api/v1/bookings/{booking}/lookup", every(422)),
    "api-1:booking_cancel_endpoint": ("post", "/api/v1/bookings/{booking}/cancel", every(422)),
    "api-1:complaint_create": ("post", "/api/v1/complaints", every(422)),
    "api-1:complaint_lookup": ("post", "/api/v1/complaints/lookup", every(422)),
    "api-1:booking_check_in_endpoint": (
        "post",
        "/api/v1/bookings/{booking}/check-in",
        {**signed_in(403, anonymous=401), "operator_a": 409, "admin_a": 409},
    ),
}


def test_every_url_has_a_decision():
    assert url_names() == set(DECISIONS)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(DECISIONS))
def test_matrix(client, world, name, role):
    method, template, expected = DECISIONS[name]
    if role != "anonymous":
        client.force_login(world["users"][role])
    path = template.format(**world)
    if method == "get":
        response = client.get(path)
    else:
        response = client.post(path, data="{}", content_type="application/json")
    assert response.status_code == expected[role], (method, path, role)
