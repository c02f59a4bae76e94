"""Public URLs of the service catalog, under /layanan/."""

from django.urls import path

from services import views

app_name = "services"

urlpatterns = [
    path("", views.catalog_index, name="index"),
    path("<slug:agency_slug>/", views.agency_page, name="agency"),
    path("<slug:agency_slug>/<slug:service_slug>/", views.service_page, name="service"),
]
