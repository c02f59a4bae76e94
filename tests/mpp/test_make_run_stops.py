"""`make run` killed through its process group at any moment, with the embedded server's
bookkeeping left broken, starts again: one stop can no longer brick the data folder."""

import contextlib
import json
import os
import signal
import time

import psutil
import pytest

from tests.machine import free_port
from tests.mpp.make_run import group_alive, make_run, start_make_run, stop_group, tail

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        bool(os.environ.get("DATABASE_URL")), reason="only the embedded database is started here"
    ),
]

# What a process killed while pgserver rewrote its handle list leaves behind.
BROKEN_HANDLE_LISTS = ["[999999999, 4194301]", "[4194", "null", '{"pids": 1}', ""]
# Seconds after start at which the group is killed: in migrate, in seed_demo, serving.
KILL_AFTER = [0.5, 3.0, 6.0, 12.0, 20.0]


def stop_embedded_server(data_dir) -> None:
    with contextlib.suppress(FileNotFoundError, psutil.NoSuchProcess, ValueError):
        pid = int((data_dir / "pg" / "postmaster.pid").read_text().split()[0])
        server = psutil.Process(pid)
        server.send_signal(signal.SIGINT)  # fast shutdown
        server.wait(30)


def test_make_run_starts_after_kills_that_left_the_handle_list_broken(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"MPP_DATA_DIR": str(tmp_path / "data"), "DEBUG": "1"}
    handle_list = tmp_path / "data" / "pg" / ".handle_pids.json"
    log = tmp_path / "make-run.log"
    try:
        with make_run(env, log):
            pass  # the first run sets the data folder up
        for kill_after, broken in zip(KILL_AFTER, BROKEN_HANDLE_LISTS, strict=True):
            process = start_make_run(free_port(), env, log)
            time.sleep(kill_after)
            assert process.poll() is None, f"make run ended by itself:\n{tail(log)}"
            stop_group(process, signal.SIGTERM, grace=20)
            handle_list.write_text(broken)

        with make_run(env, log) as (_url, process):
            pass
        assert not group_alive(process), "a process of make run outlived Ctrl-C"
        # Left readable, with no pid of a process that is gone.
        assert json.loads(handle_list.read_text()) == [], tail(log)
    finally:
        stop_embedded_server(tmp_path / "data")
