"""The production stack that `make bench` measures: gunicorn with deploy/gunicorn.conf.py,
DEBUG off, whitenoise, Redis when installed, the embedded PostgreSQL; and its memory."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / ".data"
DB_NAME = "mpp_bench"
HOST = "127.0.0.1"
LOG = DATA_DIR / "bench-gunicorn.log"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 — loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


def environment(redis_url: str | None) -> dict:
    from mpp.embedded_db import embedded_database_url

    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key-not-used-anywhere-else-0123456789abcdef",
        "DATABASE_URL": embedded_database_url(DATA_DIR, DB_NAME),
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "SECURE_SSL_REDIRECT": "0",
        "BENCH_FLOORS": "1",
        # The load comes from one address standing in for hundreds of citizens' phones.
        "BOOKING_LIMIT_PER_ADDRESS": "100000000",
        "PUBLIC_WRITE_LIMITS_SCALE": "1000000",
        "STATIC_ROOT": str(DATA_DIR / "bench-static"),
        "CONN_MAX_AGE": "600",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "mpp.settings",
    }
    # BENCH_WORKERS / BENCH_THREADS change the pool; production's defaults otherwise.
    for bench, web in (("BENCH_WORKERS", "WEB_WORKERS"), ("BENCH_THREADS", "WEB_THREADS")):
        if bench in os.environ:
            env[web] = os.environ[bench]
    if redis_url:
        env["REDIS_URL"] = redis_url
    else:
        env.pop("REDIS_URL", None)
    return env


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def start_redis() -> tuple[subprocess.Popen | None, str | None]:
    binary = shutil.which("redis-server")
    if binary is None:
        print("redis-server not installed: the stack uses the file cache.")
        return None, None
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", HOST, "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(0.5)
    return process, f"redis://{HOST}:{port}/0"


def start_gunicorn(env: dict, port: int) -> subprocess.Popen:
    """Production's settings file; its access log goes to a file, as it would to the journal."""
    LOG.parent.mkdir(exist_ok=True)
    with LOG.open("w") as log:
        process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                *("--config", str(ROOT / "deploy" / "gunicorn.conf.py")),
                *("--bind", f"{HOST}:{port}", "--log-level", "warning"),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    wait_for(f"http://{HOST}:{port}/healthz")
    return process


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def _proc_kib(pid: int, file: str, field: str) -> int:
    """A field of /proc/<pid>/<file> in KiB; 0 once the process has gone (a backend closing)."""
    try:
        text = Path(f"/proc/{pid}/{file}").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return 0


def _tree(pid: int) -> list[int]:
    return [pid, *(child.pid for child in psutil.Process(pid).children(recursive=True))]


def memory(gunicorn: subprocess.Popen, redis: subprocess.Popen | None) -> dict:
    """Each gunicorn worker's resident set, and the stack's total as the sum of proportional
    set sizes: a page that several processes share (PostgreSQL's shared buffers above all)
    counts once, where summing resident sets would count it in every backend."""
    postmaster = int((DATA_DIR / "pg" / "postmaster.pid").read_text().split()[0])
    parts = {"gunicorn": _tree(gunicorn.pid), "postgresql": _tree(postmaster)}
    if redis is not None:
        parts["redis"] = _tree(redis.pid)
    pss = {
        name: round(sum(_proc_kib(pid, "smaps_rollup", "Pss") for pid in pids) / 1024, 1)
        for name, pids in parts.items()
    }
    return {
        "workers_rss_mb": [
            round(_proc_kib(pid, "status", "VmRSS") / 1024, 1) for pid in parts["gunicorn"][1:]
        ],
        "pss_mb": pss,
        "total_pss_mb": round(sum(pss.values()), 1),
    }
