"""URL of the SKM survey, answered from the ticket page."""

from django.urls import path

from counters.survey import views

urlpatterns = [
    path("antrian/tiket/<str:code>/survei/", views.survey, name="survey"),
]
