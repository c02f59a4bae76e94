"""App configs of the composition root: the mall admin replaces Django's default site."""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class MppConfig(AppConfig):
    name = "mpp"
    default = True


class MallAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "mpp.admin_site.MallAdminSite"
