"""App configs of the composition root: the mall admin replaces Django's default site."""

import logging

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps

from mpp.log_filters import RedactPersonalData

# gunicorn writes its access and error lines through these loggers, with handlers of its
# own that it sets up before Django and that LOGGING must not replace (they follow
# --access-logfile and --error-logfile): the filter goes on the loggers themselves.
GUNICORN_LOGGERS = ("gunicorn.access", "gunicorn.error")


class MppConfig(AppConfig):
    name = "mpp"
    default = True

    def ready(self):
        from django.contrib.admin.templatetags import admin_list

        from common.admin import boolean_icon
        from counters.reports.sections import AGENCY_SECTIONS, MALL_SECTIONS
        from oversight.sections import agency_section, mall_section

        # Every admin list, detail and read-only field draws its yes/no icons through this
        # one function (imported at each call), so replacing it fixes them all.
        admin_list._boolean_icon = boolean_icon

        # The report pages are counters'; the watch over them sits above it.
        MALL_SECTIONS.append(mall_section)
        AGENCY_SECTIONS.append(agency_section)

        for name in GUNICORN_LOGGERS:
            logging.getLogger(name).addFilter(RedactPersonalData())


class MallAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "mpp.admin_site.MallAdminSite"
