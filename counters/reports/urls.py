"""URLs of the reports: an agency's figures and the mall dashboard."""

from django.urls import path

from counters.reports import views

urlpatterns = [
    path("instansi/<slug:agency>/laporan/", views.agency_report_page, name="agency_report"),
    path(
        "instansi/<slug:agency>/laporan/<slug:table>.csv",
        views.agency_report_csv,
        name="agency_report_csv",
    ),
    path("laporan/mpp/", views.mall_dashboard, name="mall_dashboard"),
]
