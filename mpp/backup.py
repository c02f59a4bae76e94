"""pg_dump / pg_restore of the configured database (custom format, one file)."""

import os
import shutil
import subprocess
from pathlib import Path

from django.db import connection


def pg_binary(name: str) -> str:
    """The embedded server's own tools first (same major version), then PATH."""
    try:
        from pgserver._commands import POSTGRES_BIN_PATH

        bundled = Path(POSTGRES_BIN_PATH) / name
        if bundled.exists():
            return str(bundled)
    except ImportError:
        pass
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} tidak ditemukan; pasang klien PostgreSQL.")
    return found


def _connection_args() -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = ["--dbname", db["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [option, str(db[key])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def database_backup(*, output: Path) -> Path:
    args, env = _connection_args()
    output.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [pg_binary("pg_dump"), "--format=custom", "--no-owner", "--file", str(output), *args],
        env=env,
        check=True,
        capture_output=True,
    )
    return output


def database_restore(*, source: Path) -> None:
    """Replace the database's contents with the dump, in one transaction: all or nothing."""
    args, env = _connection_args()
    connection.close()
    subprocess.run(
        [
            pg_binary("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            *args,
            str(source),
        ],
        env=env,
        check=True,
        capture_output=True,
    )
