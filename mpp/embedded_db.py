"""Start (or reuse) the embedded PostgreSQL under .data/ when no DATABASE_URL is given."""

import contextlib
import json
import logging
import os
import tempfile
import warnings
from pathlib import Path

DATABASE_NAME = "mpp"


def live_pids(path: Path) -> list[int]:
    """The processes in pgserver's handle list that still run; none when the file is
    missing, cut short or not a list (a process killed while rewriting it)."""
    try:
        values = json.loads(path.read_text())
    except (OSError, ValueError):
        return []
    if not isinstance(values, list):
        return []
    import psutil

    return [pid for pid in values if isinstance(pid, int) and psutil.pid_exists(pid)]


def write_atomically(path: Path, text: str) -> None:
    """Readers see the old content or the new one, never an empty or half-written file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def make_handle_list_robust() -> None:
    """pgserver keeps the pids of processes using the server in .handle_pids.json and
    rewrites it in place: a stop (SIGTERM to `make run`'s process group) in the middle left
    it empty, and every later start failed on it; pids of killed processes stayed for good.
    Its list class is read and written only under pgserver's inter-process lock, so a
    version that ignores a broken file, forgets dead pids and replaces the file atomically
    repairs the bookkeeping where it is kept."""
    from pgserver import postgres_server, utils

    class RobustDiskList(utils.DiskList):
        def get(self) -> list[int]:
            return live_pids(self.path)

        def put(self, values: list[int]) -> None:
            write_atomically(self.path, json.dumps(values))

    postgres_server.DiskList = RobustDiskList


def embedded_database(data_dir: Path, name: str = DATABASE_NAME) -> dict:
    """Return Django DATABASES["default"] for the embedded server, starting it if needed.

    The server outlives this process (cleanup_mode=None) so that `make run`, manage.py
    commands and test runs share one instance; pgserver serialises start-up with an
    inter-process lock, so concurrent processes are safe.
    """
    # pgserver keeps its start-up lock in the user's runtime folder; without
    # XDG_RUNTIME_DIR it falls back to /tmp and says so on every start.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    import pgserver
    import psycopg

    logging.getLogger("pgserver").setLevel(logging.WARNING)
    make_handle_list_robust()
    data_dir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(data_dir / "pg", cleanup_mode=None)
    info = server.get_postmaster_info()
    settings = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(info.socket_dir),
        "PORT": str(info.port),
    }
    connection = psycopg.connect(
        dbname="postgres",
        user="postgres",
        host=settings["HOST"],
        port=settings["PORT"],
        autocommit=True,
    )
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                # Another process may create it at the same moment.
                with contextlib.suppress(psycopg.errors.DuplicateDatabase):
                    cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        connection.close()
    return settings


def embedded_database_url(data_dir: Path, name: str = DATABASE_NAME) -> str:
    """The same database as a DATABASE_URL, for processes run like a deployment."""
    from urllib.parse import quote

    db = embedded_database(data_dir, name)
    return f"postgres://{db['USER']}@{quote(db['HOST'], safe='')}:{db['PORT']}/{db['NAME']}"
