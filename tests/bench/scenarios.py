"""What `make bench` measures: the dataset, each endpoint's request, targets and floors."""

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / ".data" / "bench-fixtures.json"


@dataclass(frozen=True)
class Scenario:
    name: str
    request: Callable  # (locust user, fixtures) -> None


def fixtures() -> dict:
    return json.loads(FIXTURES.read_text()) if FIXTURES.exists() else {}


def _floor(user, data):
    user.client.get("/bench/floor", name="floor")


def _write_floor(user, data):
    user.client.post("/bench/write-floor", name="write_floor")


SCENARIOS = [
    Scenario("floor", _floor),
    Scenario("write_floor", _write_floor),
]
SCENARIOS_BY_NAME = {scenario.name: scenario for scenario in SCENARIOS}

# Writes are compared with the price of a commit, reads with the constant view.
FLOOR_OF = {
    "write_floor": "write_floor",
    "ticket_issue": "write_floor",
    "booking_create": "write_floor",
    "call_next": "write_floor",
}
TARGETS = {
    "board": 0.5,
    "ticket_status": 0.4,
    "service_detail": 0.3,
    "umkm_list": 0.25,
    "catalog_search": 0.2,
    "ticket_issue": 0.5,
    "call_next": 0.4,
    "booking_create": 0.4,
}


def prepare(env: dict, manage) -> dict:
    """Build the dataset once (idempotent) and write the fixtures the scenarios use."""
    manage(
        env, "shell", "-c", "from mpp.bench_views import create_floor_table; create_floor_table()"
    )
    FIXTURES.write_text(json.dumps({}))
    return {}


def report_90d_ms(env: dict, manage) -> float:
    return 0.0
