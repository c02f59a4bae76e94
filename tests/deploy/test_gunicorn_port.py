"""deploy/gunicorn.conf.py gives each worker its own listening socket (reuse_port); a
port that something else holds must still stop the start instead of being shared."""

import socket
import subprocess

from tests.deploy.conftest import GUNICORN
from tests.machine import free_port
from tests.mpp.make_run import ROOT


def test_a_port_already_taken_stops_the_start():
    """Even by another server of ours, which listens with SO_REUSEPORT as well."""
    port = free_port()
    with socket.socket() as holder:
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        holder.bind(("127.0.0.1", port))
        holder.listen()
        started = subprocess.run(
            [GUNICORN, "--config", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert started.returncode != 0
    assert f"127.0.0.1:{port}: Address already in use" in started.stdout + started.stderr
