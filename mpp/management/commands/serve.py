"""`manage.py serve`: the processes of `make run` (the web server and one background worker),
run and stopped together."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.management.base import BaseCommand

GUNICORN_CONFIG = Path(settings.BASE_DIR) / "deploy" / "gunicorn.conf.py"
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
STOP_GRACE_SECONDS = 15


def database_url() -> str:
    """The database this process uses, for children, so that they open no embedded
    server of their own."""
    db = settings.DATABASES["default"]
    password = f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{quote(db['USER'], safe='')}{password}@{quote(db['HOST'], safe='')}"
        f":{db['PORT']}/{quote(db['NAME'], safe='')}"
    )


def process_commands(bind: str) -> dict[str, list[str]]:
    """Name -> command of every process that runs beside the others: the web server and the
    worker of the task queue (messages, periodic jobs)."""
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    manage = str(Path(settings.BASE_DIR) / "manage.py")
    return {
        "web": [gunicorn, "--config", str(GUNICORN_CONFIG), "--bind", bind],
        "worker": [sys.executable, manage, "procrastinate", "worker"],
    }


class Command(BaseCommand):
    help = "Jalankan server web (gunicorn) dan worker seperti `make run`; Ctrl-C menghentikannya."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000", help="HOST:PORT")

    def handle(self, *args, bind: str, **options):
        env = {**os.environ, "DATABASE_URL": os.environ.get("DATABASE_URL") or database_url()}
        stopping = []
        for signum in STOP_SIGNALS:
            signal.signal(signum, lambda signum, frame: stopping.append(signum))
        children = {
            name: subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)
            for name, command in process_commands(bind).items()
        }
        self.stdout.write(f"MPP Kutai Timur: http://{bind}/ (Ctrl-C untuk berhenti)")
        try:
            # One process ending (a crash, a port already taken) ends them all: a half
            # running set would look alive and not be.
            while not stopping and all(child.poll() is None for child in children.values()):
                time.sleep(0.2)
        finally:
            stop(children.values())
        failed = [name for name, child in children.items() if child.returncode not in (0, None)]
        if failed and not stopping:
            sys.exit(f"serve: {', '.join(failed)} stopped unexpectedly")


def stop(children) -> None:
    """SIGTERM (each stops gracefully), then SIGKILL whatever still runs after the grace."""
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for child in children:
        try:
            child.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
