"""`make bench`: build the district-sized dataset, start the production stack (gunicorn,
DEBUG off, whitenoise, Redis when installed) and drive each endpoint with locust over
loopback. Prints a table and writes tests/bench/results.json. A benchmark, not a test."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "tests" / "bench" / "results.json"
DATA_DIR = ROOT / ".data"
DB_NAME = "mpp_bench"
HOST = "127.0.0.1"
SECONDS = float(os.environ.get("BENCH_SECONDS", "12"))
WARMUP = float(os.environ.get("BENCH_WARMUP", "3"))
USERS = int(os.environ.get("BENCH_USERS", "24"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))


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


def stack_environment(redis_url: str | None) -> dict:
    from mpp.embedded_db import embedded_database_url

    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key-not-used-anywhere-else-0123456789abcdef",
        "DATABASE_URL": embedded_database_url(DATA_DIR, DB_NAME),
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "SECURE_SSL_REDIRECT": "0",
        "BENCH_FLOORS": "1",
        "STATIC_ROOT": str(DATA_DIR / "bench-static"),
        "CONN_MAX_AGE": "600",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "mpp.settings",
    }
    if redis_url:
        env["REDIS_URL"] = redis_url
    else:
        env.pop("REDIS_URL", None)
    return env


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
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
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "mpp.wsgi",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
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


def main() -> int:
    from tests.bench import load, scenarios

    redis_process, redis_url = start_redis()
    env = stack_environment(redis_url)
    gunicorn = None
    try:
        print("Preparing the dataset (first run takes a few minutes)…", flush=True)
        manage(env, "migrate", "--no-input")
        dataset = scenarios.prepare(env, manage)
        manage(env, "collectstatic", "--no-input")
        port = free_port()
        gunicorn = start_gunicorn(env, port)
        base_url = f"http://{HOST}:{port}"
        endpoints = {}
        for scenario in scenarios.SCENARIOS:
            print(f"  {scenario.name}…", flush=True)
            endpoints[scenario.name] = load.measure(
                base_url, scenario, users=USERS, seconds=SECONDS, warmup=WARMUP
            )
        for name, figures in endpoints.items():
            floor = endpoints[scenarios.FLOOR_OF.get(name, "floor")]["rps"]
            figures["ratio_vs_floor"] = round(figures["rps"] / floor, 3) if floor else 0.0
        report_ms = scenarios.report_90d_ms(env, manage)
    finally:
        stop(gunicorn)
        stop(redis_process)
    results = {"endpoints": endpoints, "dataset": dataset, "report_90d_ms": report_ms}
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print_table(results)
    return 0 if all(f["errors"] == 0 for f in endpoints.values()) else 1


def print_table(results: dict) -> None:
    print()
    header = f"{'endpoint':<16}{'rps':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"
    print(header + f"{'ratio':>8}{'target':>8}")
    from tests.bench.scenarios import TARGETS

    for name, f in results["endpoints"].items():
        target = TARGETS.get(name)
        mark = (
            ""
            if target is None
            else (f"{target:.2f}" + (" ok" if f["ratio_vs_floor"] >= target else " !!"))
        )
        print(
            f"{name:<16}{f['rps']:>9.1f}{f['p50_ms']:>9.1f}{f['p95_ms']:>9.1f}{f['p99_ms']:>9.1f}"
            f"{f['errors']:>8}{f['ratio_vs_floor']:>8.2f}  {mark}"
        )
    print(f"\ndataset: {results['dataset']}")
    print(f"90-day agency report: {results['report_90d_ms']} ms (target < 1000)")
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
