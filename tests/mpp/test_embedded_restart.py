"""The embedded PostgreSQL stopped abruptly (as by a power cut) under `make run` comes back
at the next command with every committed ticket, and numbering goes on where it was."""

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="only the embedded database is started here"
)

ISSUE_THREE = """
from django_scopes import scopes_disabled
from counters.models import Ticket
from counters.queue.services.tickets import ticket_issue
from services.models import Service
from tests.counters.conftest import open_all_week
from tests.factories import AgencyFactory, LocationFactory, ServiceFactory

with scopes_disabled():
    service = Service.objects.filter(slug="ktp-el").select_related("agency").first()
    if service is None:
        place = LocationFactory(slug="expo")
        agency = AgencyFactory(slug="dukcapil", locations=[place])
        open_all_week(agency, place)
        service = ServiceFactory(agency=agency, slug="ktp-el", queue_prefix="A", locations=[place])
    place = service.locations.get()
    for _ in range(3):
        ticket_issue(service=service, location=place)
    print(" ".join(t.display_number for t in Ticket.objects.order_by("number")))
"""


def manage(data_dir: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"MPP_DATA_DIR": str(data_dir), "DEBUG": "1"}
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def postmaster(data_dir: Path) -> psutil.Process:
    return psutil.Process(int((data_dir / "pg" / "postmaster.pid").read_text().split()[0]))


def test_a_crashed_embedded_database_restarts_with_every_committed_ticket(tmp_path):
    try:
        manage(tmp_path, "migrate", "--no-input", "-v", "0")
        assert manage(tmp_path, "shell", "-c", ISSUE_THREE) == "A-001 A-002 A-003"

        # SIGQUIT: PostgreSQL's immediate shutdown, no checkpoint, as in a crash.
        server = postmaster(tmp_path)
        server.send_signal(signal.SIGQUIT)
        server.wait(30)

        assert manage(tmp_path, "shell", "-c", ISSUE_THREE) == (
            "A-001 A-002 A-003 A-004 A-005 A-006"
        )
    finally:
        with contextlib.suppress(FileNotFoundError, psutil.NoSuchProcess):
            server = postmaster(tmp_path)
            server.send_signal(signal.SIGINT)  # fast shutdown
            server.wait(30)
