"""The hall around a measurement, outside the measured requests: a kiosk and counters that
move the waiting line, and clerks who keep it at the depth it was laid at."""

import itertools
import json
import threading
import urllib.request
from contextlib import contextmanager

import dj_database_url
import psycopg

from tests.bench.scenarios import LOCATION

# Served and replaced by the next visitor of the same service: the ticket goes back to the
# end of its line, which keeps the depth without taking new numbers.
SERVE_AND_REPLACE = (
    "UPDATE counters_ticket SET status = 'waiting', queued_at = now(), called_at = NULL,"
    " counter_id = NULL, operator_id = NULL WHERE status = 'called' AND counter_id = ANY(%s)"
)
# Tickets issued during the measurement leave again, so that every request meets one line.
# Found by their ids: "status = 'waiting'" alone would let the planner walk the whole
# partial index of waiting tickets (2.8 ms a tick, 14% of a core at 50 ticks a second,
# taken from the server measured); "IS TRUE" keeps it to the primary key's newest ids.
WITHDRAW_NEW = (
    "UPDATE counters_ticket SET status = 'cancelled', finished_at = now()"
    " WHERE id > %s AND (status = 'waiting') IS TRUE"
)


def connect(database_url: str) -> psycopg.Connection:
    db = dj_database_url.parse(database_url)
    return psycopg.connect(
        dbname=db["NAME"], user=db["USER"], host=db["HOST"], port=db["PORT"], autocommit=True
    )


def waiting(database_url: str, line: dict) -> int:
    with connect(database_url) as connection:
        return connection.execute(
            "SELECT count(*) FROM counters_ticket"
            " WHERE status = 'waiting' AND location_id = %s AND day = %s",
            [line["location_id"], line["day"]],
        ).fetchone()[0]


@contextmanager
def held_line(database_url: str, counters: list[int]):
    """Every 20 ms: the visitors called at the bench counters served and replaced, the
    tickets issued since the start withdrawn. Call-next finds its counter free again long
    before its turn comes round, and the line stays at its depth."""
    stop = threading.Event()

    def work():
        with connect(database_url) as connection:
            start = connection.execute("SELECT coalesce(max(id), 0) FROM counters_ticket")
            watermark = start.fetchone()[0]
            # Once more after the stop: the last requests may have finished after the last tick.
            while not stop.is_set():
                stop.wait(0.02)
                connection.execute(SERVE_AND_REPLACE, [counters])
                connection.execute(WITHDRAW_NEW, [watermark])

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def _post(url: str, token: str, body: dict | None = None) -> bool:
    request = urllib.request.Request(  # noqa: S310 — the bench's own loopback server
        url,
        data=json.dumps(body or {}).encode(),
        method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status < 400
    except OSError:
        return False


@contextmanager
def moving_line(base_url: str, keys: dict, per_second: float):
    """A kiosk issuing a ticket and a counter calling the next visitor, `per_second` times
    a second each, through the API with their tokens: each move is a new version of the
    location's queue that boards and phones must fetch. Yields the count of failed moves."""
    stop = threading.Event()
    failed = [0]
    services = itertools.cycle(keys["issue_services"])
    seats = itertools.cycle(keys["operators"])

    def work():
        while not stop.wait(1 / per_second):
            ticket = {"service": next(services), "location": LOCATION}
            seat = next(seats)
            moves = [
                _post(f"{base_url}/api/v1/tickets", keys["kiosk_token"], ticket),
                _post(f"{base_url}/api/v1/counters/{seat['counter']}/call-next", seat["token"]),
            ]
            failed[0] += moves.count(False)

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    try:
        yield failed
    finally:
        stop.set()
        thread.join()
