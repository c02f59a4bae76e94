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
import threading
import time
import urllib.request
from contextlib import contextmanager, nullcontext
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
# BENCH_ONLY=board,ticket_status measures those (and the floors) only, e.g. while tuning.
ONLY = {name for name in os.environ.get("BENCH_ONLY", "").split(",") if name}


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
        # The load comes from one address standing in for hundreds of citizens' phones.
        "BOOKING_LIMIT_PER_ADDRESS": "100000000",
        "PUBLIC_WRITE_LIMITS_SCALE": "1000000",
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


@contextmanager
def janitor(env: dict, fixtures: dict):
    """Plays the operators finishing each called visitor (start, then finish) a moment after
    the call, outside the measured requests, so that call-next always finds its counter free."""
    import dj_database_url
    import psycopg

    db = dj_database_url.parse(env["DATABASE_URL"])
    counters = [seat["counter"] for seat in fixtures["operators"]]
    stop_event = threading.Event()

    def work():
        connection = psycopg.connect(
            dbname=db["NAME"], user=db["USER"], host=db["HOST"], port=db["PORT"], autocommit=True
        )
        with connection.cursor() as cursor:
            while not stop_event.wait(0.02):
                cursor.execute(
                    "UPDATE counters_ticket SET status = 'done', started_at = now(), "
                    "finished_at = now() WHERE status = 'called' AND counter_id = ANY(%s)",
                    [counters],
                )
        connection.close()

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop_event.set()
        thread.join()


def report_90d_ms(env: dict) -> float:
    """The 90-day report of the busiest agency, timed inside Django (best of three)."""
    output = manage(
        env, "shell", "-c", "from tests.bench.prepare import time_report; time_report()"
    )
    return float(output.strip().splitlines()[-1])


def main() -> int:
    from tests.bench import load, scenarios

    redis_process, redis_url = start_redis()
    env = stack_environment(redis_url)
    gunicorn = None
    try:
        print("Preparing the dataset (the first run builds 1M tickets: a few minutes)…")
        manage(env, "migrate", "--no-input")
        manage(env, "collectstatic", "--no-input")
        fixtures = json.loads(
            manage(env, "shell", "-c", "from tests.bench.prepare import main; main()")
            .strip()
            .splitlines()[-1]
        )
        scenarios.FIXTURES.write_text(json.dumps(fixtures))
        report_ms = report_90d_ms(env)
        port = free_port()
        gunicorn = start_gunicorn(env, port)
        base_url = f"http://{HOST}:{port}"
        endpoints = {}
        for scenario in scenarios.SCENARIOS:
            if ONLY and scenario.name not in ONLY | {"floor", "write_floor"}:
                continue
            print(f"  {scenario.name}…", flush=True)
            with janitor(env, fixtures) if scenario.name == "call_next" else nullcontext():
                endpoints[scenario.name] = load.measure(
                    base_url, scenario, users=USERS, seconds=SECONDS, warmup=WARMUP
                )
        for name, figures in endpoints.items():
            floor = endpoints[scenarios.FLOOR_OF.get(name, "floor")]["rps"]
            figures["ratio_vs_floor"] = round(figures["rps"] / floor, 3) if floor else 0.0
    finally:
        stop(gunicorn)
        stop(redis_process)
    results = {
        "endpoints": endpoints,
        "dataset": fixtures["dataset"],
        "report_90d_ms": report_ms,
    }
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
