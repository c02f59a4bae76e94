"""Gunicorn settings of every web process: `make run` (manage.py serve) and production."""

import logging
import os
import sys
from pathlib import Path

# The project's root, wherever gunicorn is started from (the filter below is imported
# before gunicorn changes into chdir).
chdir = str(Path(__file__).resolve().parent.parent)
sys.path.insert(0, chdir)

from mpp.log_filters import RedactPersonalData  # noqa: E402

wsgi_app = "mpp.wsgi"
bind = os.environ.get("BIND", "127.0.0.1:8000")
# A fixed pool: each worker thread keeps at most one persistent database connection
# (CONN_MAX_AGE), so a node never holds more than WEB_WORKERS x WEB_THREADS of them
# however long it runs. A thread per request (runserver) exhausted PostgreSQL in an hour.
worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", "2"))
threads = int(os.environ.get("WEB_THREADS", "4"))
# Boards and phones poll every few seconds over kept-alive connections.
keepalive = 5
timeout = 30
graceful_timeout = 10
accesslog = "-"

# Gunicorn's own lines (the access log quotes every URL) pass the filter that masks NIKs and
# phone numbers, as Django's do; on the loggers, so it outlives gunicorn's handler set-up.
for name in ("gunicorn.access", "gunicorn.error"):
    logging.getLogger(name).addFilter(RedactPersonalData())
