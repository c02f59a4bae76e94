"""What `make bench` measures: each endpoint's request, its floor and its target."""

import itertools
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / ".data" / "bench-fixtures.json"
BENCH_BOOKER = "Warga Sangatta"  # every bench booking's name: the next run takes them back


@dataclass(frozen=True)
class Scenario:
    name: str
    request: Callable  # (locust user, fixtures) -> None


def fixtures() -> dict:
    return json.loads(FIXTURES.read_text())


def _floor(user, data):
    user.client.get("/bench/floor", name="floor")


def _write_floor(user, data):
    user.client.post("/bench/write-floor", name="write_floor")


def _board(user, data):
    """A board polling with the last event id it saw, as static/js/board.js does."""
    after = getattr(user, "board_after", 0)
    with user.client.get(
        f"/api/v1/boards/expo-sangatta?after={after}", name="board", catch_response=True
    ) as response:
        if response.status_code == 200:
            user.board_after = response.json()["last_event_id"]
            response.success()


def _ticket_status(user, data):
    """A visitor's phone refreshing the page of their own ticket."""
    if not hasattr(user, "ticket_code"):
        user.ticket_code = random.choice(data["ticket_codes"])
    user.client.get(f"/antrian/tiket/{user.ticket_code}/", name="ticket_status")


def _service_detail(user, data):
    user.client.get(random.choice(data["services"]), name="service_detail")


def _catalog_search(user, data):
    query = random.choice(data["searches"])
    user.client.get(f"/layanan/?q={query}", name="catalog_search")


def _umkm_list(user, data):
    user.client.get(f"/umkm/{random.choice(data['umkm_filters'])}", name="umkm_list")


def _ticket_issue(user, data):
    user.client.post(
        "/api/v1/tickets",
        json={"service": random.choice(data["issue_services"]), "location": "expo-sangatta"},
        headers={"Authorization": f"Bearer {data['kiosk_token']}"},
        name="ticket_issue",
    )


_seat_numbers = itertools.count()
# From a random start: a NIK of an earlier run today would be a second booking that day.
_nik_serials = itertools.count(random.randrange(1, 10**8))


def _nik() -> str:
    """A structurally valid NIK of Sangatta Utara (640801), unique in this run and unlikely
    to repeat an earlier run's."""
    serial = next(_nik_serials)
    day, month, year = 1 + serial % 28, 1 + serial // 28 % 12, 60 + serial // 336 % 40
    return f"640801{day:02d}{month:02d}{year:02d}{1 + serial // 13440 % 9999:04d}"


def _booking_create(user, data):
    seat = data["booking_seats"][next(_seat_numbers) % len(data["booking_seats"])]
    user.client.post(
        "/api/v1/bookings",
        json={
            **seat,
            "location": "expo-sangatta",
            "name": BENCH_BOOKER,
            "nik": _nik(),
            "phone": "081234567890",
        },
        name="booking_create",
    )


_operator_numbers = itertools.count()
SEATS_PER_USER = 6


def _call_next(user, data):
    """Each simulated user works several counters in turn, each with its own operator; the
    runner's janitor plays those operators finishing the visitor, outside the measured
    requests, so every call finds its counter free."""
    if not hasattr(user, "seats"):
        first = next(_operator_numbers) * SEATS_PER_USER
        user.seats = itertools.cycle(
            data["operators"][(first + i) % len(data["operators"])] for i in range(SEATS_PER_USER)
        )
    seat = next(user.seats)
    with user.client.post(
        f"/api/v1/counters/{seat['counter']}/call-next",
        headers={"Authorization": f"Bearer {seat['token']}"},
        name="call_next",
        catch_response=True,
    ) as response:
        if response.status_code in (200, 204):
            response.success()
        else:
            response.failure(f"{response.status_code}: {response.text[:200]}")


SCENARIOS = [
    Scenario("floor", _floor),
    Scenario("write_floor", _write_floor),
    Scenario("board", _board),
    Scenario("ticket_status", _ticket_status),
    Scenario("service_detail", _service_detail),
    Scenario("catalog_search", _catalog_search),
    Scenario("umkm_list", _umkm_list),
    Scenario("ticket_issue", _ticket_issue),
    Scenario("booking_create", _booking_create),
    Scenario("call_next", _call_next),
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
