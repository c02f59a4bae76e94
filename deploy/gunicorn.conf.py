"""Gunicorn settings of every web process: `make run` (manage.py serve) and production."""

import os
import socket
from pathlib import Path

# The project's root, wherever gunicorn is started from.
chdir = str(Path(__file__).resolve().parent.parent)

wsgi_app = "mpp.wsgi"
bind = os.environ.get("BIND", "127.0.0.1:8000")
# A fixed pool: each worker thread keeps at most one persistent database connection
# (CONN_MAX_AGE), so a node never holds more than WEB_WORKERS x WEB_THREADS of them
# however long it runs. A thread per request (runserver) exhausted PostgreSQL in an hour.
# A worker runs its Python on one core at a time; one worker more than the mall's two
# cores keeps a core busy while a worker waits on PostgreSQL or Redis (polls of ticket
# pages: 490 req/s with two workers, 700 with three; four add nothing but memory).
# WEB_WORKERS = cores + 1 on a larger host.
worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", "3"))
threads = int(os.environ.get("WEB_THREADS", "4"))
# Boards and phones poll every few seconds over kept-alive connections.
keepalive = 5
timeout = 30
graceful_timeout = 10
accesslog = "-"
# Each worker listens on its own socket and the kernel spreads new connections over them.
# With one shared socket, the worker that woke first took nearly every kept-alive
# connection (23 of 24 seen under load) and ran on one core while the other one idled.
reuse_port = True


def on_starting(server):
    """A port already taken stops the start, as it would without reuse_port (which lets a
    second server on the same port quietly share the connections)."""
    for address in server.cfg.address:
        if not isinstance(address, tuple):
            continue  # a unix socket
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            # As gunicorn's own sockets: a connection of a server stopped a moment ago
            # (TIME_WAIT) does not hold the port.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
            except OSError as error:
                raise SystemExit(f"{address[0]}:{address[1]}: {error.strerror}") from error
