"""WSGI entry point (gunicorn mpp.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mpp.settings")
application = get_wsgi_application()
