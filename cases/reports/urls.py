"""URLs of the case figures: the agency's page and late list, the mall's overview."""

from django.urls import path

from cases.reports import views

app_name = "case_reports"

urlpatterns = [
    path("instansi/<slug:agency>/laporan/berkas/", views.agency_case_report, name="agency"),
    path(
        "instansi/<slug:agency>/laporan/berkas/terlambat.csv",
        views.agency_late_csv,
        name="late_csv",
    ),
    path("laporan/mpp/berkas/", views.mall_case_report, name="mall"),
]
