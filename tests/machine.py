"""What the tests need of this machine: a free port, one HTTP call, the Debian tools."""

import http.client
import socket
import urllib.error
import urllib.request


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def call(url: str, *, method="GET", token=None, body=None, timeout=30) -> tuple[int, bytes]:
    """(status, body); status 0 when nothing answered (not listening, connection cut)."""
    request = urllib.request.Request(url, method=method, data=body)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 — loopback
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (OSError, http.client.HTTPException):  # refused, reset, cut off mid-answer
        return 0, b""


def require(tool: str, *, package: str, needed_for: str) -> str:
    """The tool's path. Without it the test is skipped on a developer's machine and fails
    under CI, whose .ci/run installs `package`."""
    import os
    import shutil

    import pytest

    path = shutil.which(tool) or shutil.which(tool, path="/usr/sbin:/usr/bin")
    if path is None:
        message = f"{tool} not found (apt-get install {package}): {needed_for}"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return path


def stop(process, *, grace: float = 20) -> None:
    """End a server a test started: asked to stop, killed if it outlives the grace."""
    import subprocess
    from contextlib import suppress

    with suppress(ProcessLookupError):
        process.terminate()
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


def database_url(db: dict, *, name: str | None = None) -> str:
    """DATABASE_URL of Django's database settings `db` (another database on the same server
    with `name`), for the servers a test starts."""
    from urllib.parse import quote

    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    host = quote(db["HOST"], safe="")
    return f"postgres://{db['USER']}{password}@{host}:{db['PORT']}/{name or db['NAME']}"
