"""Webhooks of the message providers."""

from django.urls import path

from notifications import views

app_name = "notifications"
urlpatterns = [path("whatsapp/", views.whatsapp_webhook, name="whatsapp_webhook")]
