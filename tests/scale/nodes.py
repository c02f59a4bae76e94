"""App nodes as in production (gunicorn, DEBUG off, Redis) on the test database."""

import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from django.db import connection

from tests.machine import call, database_url, free_port, require

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def redis_url():
    binary = require("redis-server", package="redis-server", needed_for="app-node tests")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(10)


@contextmanager
def app_nodes(redis_url: str, *, count: int, workers: int = 1, **env_extra: str):
    """`count` gunicorn nodes on the test database and one Redis, like production behind a
    load balancer; yields [(url, gunicorn master process)]. The Redis starts empty, as the
    database does."""
    redis.Redis.from_url(redis_url).flushdb()
    db = connection.settings_dict
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "0",
        "SECRET_KEY": "app-node-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DATABASE_URL": database_url(db),
        # Behind a transaction-mode pooler (tests.pgbouncer), as the test's own connections.
        "DB_TRANSACTION_POOLER": "1" if db.get("DISABLE_SERVER_SIDE_CURSORS") else "0",
        "REDIS_URL": redis_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(ROOT / ".data" / "test-static"),
        **env_extra,
    }
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    nodes = []
    for _ in range(count):
        url = f"http://127.0.0.1:{free_port()}"
        process = subprocess.Popen(
            [
                gunicorn,
                "mpp.wsgi",
                "--bind",
                url.removeprefix("http://"),
                "--workers",
                str(workers),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        nodes.append((url, process))
    try:
        deadline = time.monotonic() + 60
        for url, _process in nodes:
            while call(f"{url}/healthz")[0] != 200:
                assert time.monotonic() < deadline, "app node did not start"
                time.sleep(0.3)
        yield nodes
    finally:
        for _url, process in nodes:
            process.terminate()
            process.wait(20)
