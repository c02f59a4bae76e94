"""URLs of the suggestion inboxes of the agencies and of the mall."""

from django.urls import path

from counters.survey.suggestions import views

urlpatterns = [
    path("instansi/<slug:agency>/saran/", views.agency_inbox, name="suggestion_inbox"),
    path(
        "instansi/<slug:agency>/saran/<int:suggestion_id>/<slug:step>/",
        views.agency_step,
        name="suggestion_step",
    ),
    path("laporan/mpp/saran/", views.mall_inbox, name="mall_suggestions"),
]
