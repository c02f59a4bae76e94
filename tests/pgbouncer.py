"""A PgBouncer in transaction pooling mode in front of the test database, started by the
tests themselves: the concurrency and fault tests run through it as well as directly, so
that nothing in the engine relies on session state (prepared statements, session SET,
advisory session locks) that a transaction-mode pooler does not keep."""

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from copy import copy
from pathlib import Path

import pytest
from django.db import connections

from mpp.database import connection_options
from tests.machine import free_port, require, stop

# PgBouncer refuses to run as root: as the user the embedded PostgreSQL runs as, else nobody.
UNPRIVILEGED_USERS = ("pgserver", "nobody")
ROUTES = ("direct", "pgbouncer")


def _as_unprivileged() -> dict:
    """Popen arguments that drop root, and the uid that must own the bouncer's files."""
    if os.geteuid() != 0:
        return {}
    known = {entry.pw_name: entry for entry in pwd.getpwall()}
    user = next(known[name] for name in UNPRIVILEGED_USERS if name in known)
    return {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}


@contextmanager
def pgbouncer(db: dict):
    """Run PgBouncer (pool_mode=transaction) for the database of `db` (Django settings);
    yield its host and port."""
    binary = require("pgbouncer", package="pgbouncer", needed_for="tests through PgBouncer")
    port = free_port()
    drop = _as_unprivileged()
    folder = Path(tempfile.mkdtemp(prefix="pgbouncer-"))
    server = f"host={db['HOST']} port={db['PORT']} user={db['USER']}"
    if db.get("PASSWORD"):
        server += f" password={db['PASSWORD']}"
    (folder / "users.txt").write_text(f'"{db["USER"]}" ""\n')
    (folder / "pgbouncer.ini").write_text(
        "[databases]\n"
        f"* = {server}\n"
        "[pgbouncer]\n"
        "listen_addr = 127.0.0.1\n"
        f"listen_port = {port}\n"
        "unix_socket_dir =\n"
        "auth_type = trust\n"
        f"auth_file = {folder / 'users.txt'}\n"
        "pool_mode = transaction\n"
        "default_pool_size = 20\n"
        "max_client_conn = 500\n"
        # The lock timeout Django sends as a startup option is a session setting, which a
        # transaction pooler cannot keep: it is dropped, the server's default applies.
        "ignore_startup_parameters = extra_float_digits,options\n"
        f"logfile = {folder / 'pgbouncer.log'}\n"
    )
    if drop:
        for path in (folder, *folder.iterdir()):
            os.chown(path, drop["user"], drop["group"])
    process = subprocess.Popen(
        [binary, str(folder / "pgbouncer.ini")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        **drop,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log = folder / "pgbouncer.log"
                    pytest.fail(
                        f"pgbouncer did not start: {log.read_text() if log.exists() else ''}"
                    )
                time.sleep(0.1)
        yield "127.0.0.1", port
    finally:
        try:
            stop(process, grace=10)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def pgbouncer_address(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        db = dict(connections["default"].settings_dict)
    with pgbouncer(db) as address:
        yield address


@pytest.fixture(params=ROUTES)
def database_route(request):
    """Run the test once on direct connections and once through PgBouncer in transaction
    pooling mode: every connection the test opens (its threads, the app nodes it starts)
    goes the same way."""
    if request.param == "direct":
        yield request.param
        return
    host, port = request.getfixturevalue("pgbouncer_address")
    # Every thread's connection is made from this same dictionary.
    db = connections["default"].settings_dict
    saved = {
        key: copy(db.get(key)) for key in ("HOST", "PORT", "DISABLE_SERVER_SIDE_CURSORS", "OPTIONS")
    }
    connections.close_all()
    db.update(HOST=host, PORT=str(port))
    connection_options(db, transaction_pooler=True)
    try:
        connection = connections["default"]
        connection.ensure_connection()
        assert connection.connection.info.port == port, "not connected through PgBouncer"
        yield request.param
    finally:
        connections.close_all()
        for key, value in saved.items():
            if value is None:
                db.pop(key, None)
            else:
                db[key] = value
