"""URLs of the queue: kiosk, ticket status and boards under /antrian/, the console at /loket/."""

from django.urls import path

from counters.queue.views import board, console, kiosk, online, ticket

urlpatterns = [
    path("antrian/ambil/", kiosk.kiosk_start, name="kiosk"),
    path("antrian/ambil/tiket/<str:code>/", kiosk.kiosk_ticket, name="kiosk_ticket"),
    # Before the kiosk's /antrian/ambil/<location>/…, which "online" would otherwise name.
    path("antrian/ambil/online/", online.online_start, name="online_start"),
    path(
        "antrian/ambil/online/<slug:location>/<slug:agency>/<slug:service>/",
        online.online_take,
        name="online_take",
    ),
    path(
        "antrian/check-in/<slug:location>/",
        online.kiosk_online_check_in,
        name="kiosk_online_check_in",
    ),
    path("antrian/ambil/<slug:location>/", kiosk.kiosk_agency_list, name="kiosk_agencies"),
    path(
        "antrian/ambil/<slug:location>/<slug:agency>/",
        kiosk.kiosk_service_list,
        name="kiosk_services",
    ),
    path(
        "antrian/ambil/<slug:location>/<slug:agency>/<slug:service>/",
        kiosk.kiosk_priority,
        name="kiosk_priority",
    ),
    path("antrian/tiket/<str:code>/", ticket.ticket_status, name="ticket_status"),
    path("antrian/tiket/<str:code>/pemberitahuan/", ticket.ticket_messages, name="ticket_messages"),
    path("antrian/layar/<slug:location>/", board.board, name="board"),
    path("loket/", console.console_home, name="console"),
    path("loket/<int:counter_id>/", console.console_counter, name="console_counter"),
    path(
        "loket/<int:counter_id>/data-pribadi/",
        console.console_personal_data,
        name="console_personal_data",
    ),
    path("loket/<int:counter_id>/<slug:action>/", console.console_action, name="console_action"),
]
