"""Reads shared by the pages and the API of agencies, locations and services."""

from django.db.models import QuerySet

from services.models import Agency, Location


def public_agencies() -> QuerySet[Agency]:
    return Agency.objects.filter(is_active=True).prefetch_related("locations")


def public_locations() -> QuerySet[Location]:
    return Location.objects.all()


def active_locations() -> QuerySet[Location]:
    return Location.objects.filter(is_active=True)
