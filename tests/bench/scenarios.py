"""What `make bench` measures: each endpoint's requests, drawn from the keys that prepare.py
lays out, its floor and its target. A request is one line of tests/bench/wrk.lua's input."""

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

LOCATION = "expo-sangatta"
BENCH_BOOKER = "Warga Sangatta"  # every bench booking's name: the next run takes them back
# Searches that every visitor asks again and again: served from the page cache.
CACHED_SEARCHES = 200
# Rounds of ticket_status: in each, every phone polls once (every 2 s, as ticket.js does).
POLL_ROUNDS = 8
# Pages opened per round, beside the polls: the hall issues a ticket and serves a visitor
# each second, so in a 2 s round two new phones open their page and two served visitors
# open theirs for the survey; three times that, for reloads.
PAGES_OPENED_PER_ROUND = 12
# ticket.js polls with the fragment's ETag (data-etag, the one ending in -1), never the
# full page's; a Lua pattern.
FRAGMENT_ETAG = '%-1"$'
HTMX_POLL = (
    "HX-Request: true",
    "HX-Target: status-tiket",
    "HX-Trigger: status-tiket",
    "If-None-Match: {etag}",
)


def ticket_page(code: str) -> str:
    return f"/antrian/tiket/{code}/"


def get(path: str, *headers: str) -> str:
    return "\t".join(["GET", path, "", *headers])


def post(path: str, body: dict | None = None, *headers: str) -> str:
    payload = json.dumps(body) if body is not None else ""
    return "\t".join(["POST", path, payload, "Content-Type: application/json", *headers])


def shuffled(lines: list[str]) -> list[str]:
    random.Random(2026).shuffle(lines)
    return lines


@dataclass(frozen=True)
class Scenario:
    name: str
    requests: Callable[[dict], list[str]]  # keys -> request lines
    floor: str = "floor"
    target: float | None = None  # least throughput as a share of the floor's
    p95_below_ms: float | None = None
    # Each key at most once in the run (an uncached figure, a booking seat): the warm-up
    # draws from its own fifth of the keys.
    once: bool = False
    # Measured on a fresh waiting line that the hall keeps at its depth (hall.held_line).
    queue: bool = False
    # Kiosk and counters move the line meanwhile (hall.moving_line).
    moving: bool = False
    # Which ETags a polling client keeps (a Lua pattern; every one by default).
    etag_pattern: str = ""
    # Pages that the polling phones opened before the run (keys -> paths): each phone
    # polls with its page's ETag from the start (load.open_pages).
    opened_before: Callable[[dict], list[str]] | None = None


def _ticket_status(keys: dict) -> list[str]:
    """Phones in the hall, polling: each waiting ticket's page was opened when its ticket
    was issued (load.open_pages, before the run) and polls with the ETag of the answer it
    had 2 s before; a few pages are opened meanwhile, half of them by visitors served
    earlier this morning (the survey), half reloaded by waiting ones."""
    rng = random.Random(2026)
    waiting, served = keys["waiting"], keys["served"]
    each = PAGES_OPENED_PER_ROUND // 2
    lines = []
    for round_ in range(POLL_ROUNDS):
        reloaded = rng.sample(waiting, min(each, len(waiting)))
        opened = reloaded + served[round_ * each : (round_ + 1) * each]
        round_lines = [get(ticket_page(code), *HTMX_POLL) for code in waiting]
        round_lines += [get(ticket_page(code)) for code in opened]
        rng.shuffle(round_lines)
        lines += round_lines
    return lines


def _ticket_page(keys: dict) -> list[str]:
    """Every page of the morning opened once: the waiting tickets' and the served ones'."""
    return shuffled([get(ticket_page(code)) for code in keys["waiting"] + keys["served"]])


def _board(keys: dict) -> list[str]:
    """A board asks for calls after the last it saw; the browser revalidates its ETag."""
    return [get(f"/api/v1/boards/{LOCATION}?after={{after}}", "If-None-Match: {etag}")]


def _pages(paths: list[str]) -> list[str]:
    return shuffled([get(path) for path in paths])


def _search(queries: list[str]) -> list[str]:
    return [get("/layanan/?" + urlencode({"q": query})) for query in queries]


def _ticket_issue(keys: dict) -> list[str]:
    rng = random.Random(2026)
    priorities = ["lansia", "disabilitas", "ibu_hamil", "anak"]
    auth = f"Authorization: Bearer {keys['kiosk_token']}"
    return [
        post(
            "/api/v1/tickets",
            {
                "service": rng.choice(keys["issue_services"]),
                "location": LOCATION,
                "priority": rng.choice(priorities) if rng.random() < 0.08 else None,
            },
            auth,
        )
        for _ in range(5000)
    ]


def nik(serial: int) -> str:
    """A structurally valid NIK of Sangatta Utara (640801), one per serial."""
    day, month, year = 1 + serial % 28, 1 + serial // 28 % 12, 60 + serial // 336 % 40
    return f"640801{day:02d}{month:02d}{year:02d}{1 + serial // 13440 % 9999:04d}"


def _booking_create(keys: dict) -> list[str]:
    """Each free seat of the coming week once, each by its own citizen. NIKs from a random
    start: without Redis the per-NIK daily limit of an earlier run today is still counted."""
    first = random.randrange(10**8)  # noqa: S311 — not a secret
    return [
        post(
            "/api/v1/bookings",
            {
                **seat,
                "location": LOCATION,
                "name": BENCH_BOOKER,
                "nik": nik(first + serial),
                "phone": "081234567890",
            },
        )
        for serial, seat in enumerate(keys["booking_seats"])
    ]


def _call_next(keys: dict) -> list[str]:
    """Every open counter in turn, each by its own operator; the hall serves the called
    visitor before the counter's turn comes again."""
    return [
        post(
            f"/api/v1/counters/{seat['counter']}/call-next",
            None,
            f"Authorization: Bearer {seat['token']}",
        )
        for seat in keys["operators"]
    ]


SCENARIOS = [
    Scenario("floor", lambda keys: [get("/bench/floor")]),
    Scenario("write_floor", lambda keys: [post("/bench/write-floor")], floor="write_floor"),
    Scenario("board", _board, target=0.5, queue=True, moving=True),
    Scenario(
        "ticket_status",
        _ticket_status,
        target=0.4,
        queue=True,
        moving=True,
        etag_pattern=FRAGMENT_ETAG,
        opened_before=lambda keys: list(map(ticket_page, keys["waiting"])),
    ),
    # What opening a page costs, for the record: no target (ticket_status carries it).
    Scenario("ticket_page", _ticket_page, queue=True, moving=True),
    Scenario("service_detail", lambda keys: _pages(keys["service_pages"]), target=0.3),
    Scenario(
        "catalog_search",
        lambda keys: _search(keys["search_queries"][CACHED_SEARCHES:]),
        target=0.2,
        p95_below_ms=50,
        once=True,
    ),
    Scenario(
        "catalog_search_cached", lambda keys: _search(keys["search_queries"][:CACHED_SEARCHES])
    ),
    Scenario("umkm_list", lambda keys: _pages(keys["umkm_pages"]), target=0.25),
    Scenario("ticket_issue", _ticket_issue, floor="write_floor", target=0.4, queue=True),
    Scenario("booking_create", _booking_create, floor="write_floor", target=0.35, once=True),
    Scenario("call_next", _call_next, floor="write_floor", target=0.35, queue=True),
]
SCENARIOS_BY_NAME = {scenario.name: scenario for scenario in SCENARIOS}
# Measured again at each depth of the line: what a longer line costs.
SCALING = ["ticket_status", "board", "ticket_issue"]
SCALING_DEPTHS = [100, 1000, 10_000, 40_000]
MORNING_DEPTH = 600
