"""URLs of the SKM survey: answered from the ticket page, or at the hall's exit station."""

from django.urls import path

from counters.survey import views

urlpatterns = [
    path("antrian/tiket/<str:code>/survei/", views.survey, name="survey"),
    path("antrian/survei/<slug:location>/", views.station_start, name="station_start"),
    path(
        "antrian/survei/<slug:location>/tiket/<str:code>/",
        views.station_survey,
        name="station_survey",
    ),
    path(
        "antrian/survei/<slug:location>/terima-kasih/",
        views.station_thanks,
        name="station_thanks",
    ),
]
