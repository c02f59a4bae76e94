"""`make run` as a newcomer starts it (free port, own process group); fresh test databases."""

import os
import signal
import subprocess
import time
from contextlib import closing, contextmanager, suppress
from pathlib import Path

import psycopg
from django.conf import settings

from tests.machine import call, database_url, free_port

ROOT = Path(__file__).resolve().parents[2]


def start_make_run(port: int, env: dict[str, str], log: Path) -> subprocess.Popen:
    """`make run` in a session of its own: its process group is what a terminal, systemd or
    a container runtime signals."""
    with log.open("ab") as output:
        return subprocess.Popen(
            ["make", "--no-print-directory", "run", "HOST=127.0.0.1", f"PORT={port}"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_until_serving(process: subprocess.Popen, url: str, log: Path, seconds=240) -> None:
    deadline = time.monotonic() + seconds
    while call(f"{url}/healthz", timeout=5)[0] != 200:
        if process.poll() is not None:
            raise AssertionError(f"make run ended ({process.returncode}):\n{tail(log)}")
        if time.monotonic() > deadline:
            raise AssertionError(f"make run did not serve in {seconds} s:\n{tail(log)}")
        time.sleep(0.5)


def stop_group(process: subprocess.Popen, signum=signal.SIGTERM, grace=30) -> int:
    """Signal the whole process group, as Ctrl-C or a service manager does; kill what
    outlives the grace period. Returns make's exit status."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signum)
    try:
        return process.wait(grace)
    except subprocess.TimeoutExpired:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        return process.wait(10)


def group_alive(process: subprocess.Popen) -> bool:
    try:
        os.killpg(process.pid, 0)
    except ProcessLookupError:
        return False
    return True


def tail(log: Path, size=4000) -> str:
    return log.read_text(errors="replace")[-size:] if log.exists() else ""


@contextmanager
def make_run(env: dict[str, str], log: Path):
    """A served `make run`; yields its base URL and stops it with Ctrl-C's signal."""
    port = free_port()
    process = start_make_run(port, env, log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(process, url, log)
        yield url, process
    finally:
        stop_group(process, signal.SIGINT)


def admin_connection(db_name: str = "postgres"):
    db = settings.DATABASES["default"]
    return psycopg.connect(
        dbname=db_name,
        user=db["USER"],
        password=db["PASSWORD"],
        host=db["HOST"],
        port=db["PORT"],
        autocommit=True,
    )


@contextmanager
def fresh_database(name: str):
    """An empty database of its own on the tests' server, dropped afterwards; yields
    (name, DATABASE_URL)."""
    db = settings.DATABASES["default"]

    def drop_and(*statements: str) -> None:
        with closing(admin_connection()) as connection, connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for statement in statements:
                cursor.execute(statement)

    drop_and(f'CREATE DATABASE "{name}"')
    try:
        yield name, database_url(db, name=name)
    finally:
        drop_and()
