"""App configs of the composition root: the mall admin replaces Django's default site."""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class MppConfig(AppConfig):
    name = "mpp"
    default = True

    def ready(self):
        from django.contrib.admin.templatetags import admin_list

        from common.admin import boolean_icon

        # Every admin list, detail and read-only field draws its yes/no icons through this
        # one function (imported at each call), so replacing it fixes them all.
        admin_list._boolean_icon = boolean_icon


class MallAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "mpp.admin_site.MallAdminSite"
