"""Drive one scenario with locust (library mode) in its own process; print figures as JSON.

Run by tests/bench/run.py as `python -m tests.bench.load URL SCENARIO USERS SECONDS WARMUP`.
"""

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def measure(base_url: str, scenario, *, users: int, seconds: float, warmup: float) -> dict:
    """Called from the runner: the load runs in a separate process (gevent stays there)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.bench.load",
            base_url,
            scenario.name,
            str(users),
            str(seconds),
            str(warmup),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def run(base_url: str, name: str, users: int, seconds: float, warmup: float) -> dict:
    import gevent
    from locust import FastHttpUser, constant, task
    from locust.env import Environment

    from tests.bench.scenarios import SCENARIOS_BY_NAME, fixtures

    scenario = SCENARIOS_BY_NAME[name]
    data = fixtures()

    class BenchUser(FastHttpUser):
        host = base_url
        wait_time = constant(0)
        network_timeout = 30.0
        connection_timeout = 30.0

        @task
        def hit(self):
            scenario.request(self, data)

    environment = Environment(user_classes=[BenchUser])
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=users)
    gevent.sleep(warmup)
    environment.stats.reset_all()
    started = time.monotonic()
    gevent.sleep(seconds)
    elapsed = time.monotonic() - started
    runner.quit()
    stats = environment.stats.total
    return {
        "rps": round(stats.num_requests / elapsed, 1),
        "p50_ms": round(stats.get_response_time_percentile(0.50) or 0, 1),
        "p95_ms": round(stats.get_response_time_percentile(0.95) or 0, 1),
        "p99_ms": round(stats.get_response_time_percentile(0.99) or 0, 1),
        "errors": stats.num_failures,
        "requests": stats.num_requests,
    }


if __name__ == "__main__":
    url, scenario_name, users_arg, seconds_arg, warmup_arg = sys.argv[1:6]
    figures = run(url, scenario_name, int(users_arg), float(seconds_arg), float(warmup_arg))
    print(json.dumps(figures))
