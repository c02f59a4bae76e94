"""URLs of the agency's side of cases: the counter's outcome and the back office."""

from django.urls import path

from cases.views import counter, staff

app_name = "cases_staff"

urlpatterns = [
    # Before the console's /loket/<id>/<action>/, which "berkas" would otherwise name.
    path("loket/<int:counter_id>/berkas/", counter.counter_outcome, name="counter_outcome"),
    path("instansi/<slug:agency>/berkas/", staff.case_list, name="list"),
    path("instansi/<slug:agency>/berkas/buka/", staff.case_open, name="open"),
    path("instansi/<slug:agency>/berkas/ubah-status/", staff.case_bulk_status, name="bulk"),
    path("instansi/<slug:agency>/berkas/<str:code>/", staff.case_detail, name="detail"),
    path(
        "instansi/<slug:agency>/berkas/<str:code>/tanda-terima/",
        staff.case_receipt,
        name="receipt",
    ),
    path(
        "instansi/<slug:agency>/berkas/<str:code>/<slug:action>/",
        staff.case_action,
        name="action",
    ),
]
