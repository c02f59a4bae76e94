"""Start (or reuse) the embedded PostgreSQL under .data/ when no DATABASE_URL is given."""

import contextlib
import logging
import warnings
from pathlib import Path

DATABASE_NAME = "mpp"


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
    import psycopg2

    logging.getLogger("pgserver").setLevel(logging.WARNING)
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
    connection = psycopg2.connect(
        dbname="postgres", user="postgres", host=settings["HOST"], port=settings["PORT"]
    )
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                # Another process may create it at the same moment.
                with contextlib.suppress(psycopg2.errors.DuplicateDatabase):
                    cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        connection.close()
    return settings


def embedded_database_url(data_dir: Path, name: str = DATABASE_NAME) -> str:
    """The same database as a DATABASE_URL, for processes run like a deployment."""
    from urllib.parse import quote

    db = embedded_database(data_dir, name)
    return f"postgres://{db['USER']}@{quote(db['HOST'], safe='')}:{db['PORT']}/{db['NAME']}"
