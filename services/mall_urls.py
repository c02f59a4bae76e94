"""Public URLs of the mall's own pages: its profile at /tentang/ and each location."""

from django.urls import path

from services import views

app_name = "mall"

urlpatterns = [
    path("tentang/", views.mall_about, name="about"),
    path("lokasi/<slug:location>/", views.location_page, name="location"),
]
