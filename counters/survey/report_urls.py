"""URLs of the periodic SKM report: the agency's, the MPP's and the published ones."""

from django.urls import path

from counters.survey import report_views as views

AGENCY = "instansi/<slug:agency>/laporan/skm/"
PERIOD = "<int:year>/<slug:period>/"

urlpatterns = [
    path(AGENCY, views.agency_choose, name="skm_agency_choose"),
    path(AGENCY + PERIOD, views.agency_page, name="skm_agency"),
    path(AGENCY + PERIOD + "rencana/", views.plan_add, name="skm_plan_add"),
    path(AGENCY + PERIOD + "rencana/<int:pk>/hapus/", views.plan_remove, name="skm_plan_remove"),
    path(AGENCY + PERIOD + "kemajuan/<int:pk>/", views.plan_progress, name="skm_plan_progress"),
    path(AGENCY + PERIOD + "terbitkan/", views.publish, name="skm_publish"),
    path("laporan/mpp/skm/", views.mall_choose, name="skm_mall_choose"),
    path("laporan/mpp/skm/" + PERIOD, views.mall_page, name="skm_mall"),
    path("transparansi/skm/", views.public_index, name="skm_public_index"),
    path("transparansi/skm/<slug:agency>/" + PERIOD, views.public_page, name="skm_public"),
]
