"""Gunicorn settings of every web process: `make run` (manage.py serve) and production."""

import os
from pathlib import Path

# The project's root, wherever gunicorn is started from.
chdir = str(Path(__file__).resolve().parent.parent)

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
