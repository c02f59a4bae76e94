"""URLs of the complaint officers' and the agencies' inboxes, and of the public tanya-jawab
(kept apart from the citizen's /pengaduan/ pages; included before them)."""

from django.urls import path

from complaints import answer_views, staff_views

app_name = "complaints_staff"

urlpatterns = [
    path("pengaduan/tanya-jawab/", answer_views.answers, name="answers"),
    path("pengaduan-mpp/", staff_views.officer_inbox, name="officer_inbox"),
    path("pengaduan-mpp/<str:code>/", staff_views.officer_detail, name="officer_detail"),
    path(
        "pengaduan-mpp/<str:code>/foto/<int:photo_id>/",
        staff_views.officer_photo,
        name="officer_photo",
    ),
    path(
        "pengaduan-mpp/<str:code>/identitas/",
        staff_views.officer_identity,
        name="officer_identity",
    ),
    path("pengaduan-mpp/<str:code>/lapor.txt", staff_views.officer_lapor, name="officer_lapor"),
    path("pengaduan-mpp/<str:code>/<slug:step>/", staff_views.officer_step, name="officer_step"),
    path("instansi/<slug:agency>/pengaduan/", staff_views.agency_inbox, name="agency_inbox"),
    path(
        "instansi/<slug:agency>/pengaduan/<str:code>/",
        staff_views.agency_detail,
        name="agency_detail",
    ),
    path(
        "instansi/<slug:agency>/pengaduan/<str:code>/foto/<int:photo_id>/",
        staff_views.agency_photo,
        name="agency_photo",
    ),
    path(
        "instansi/<slug:agency>/pengaduan/<str:code>/<slug:step>/",
        staff_views.agency_step,
        name="agency_step",
    ),
]
