"""Scale-out: two app nodes (gunicorn) on one PostgreSQL and one Redis behave as one."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django_scopes import scopes_disabled

from counters.services.counters import counter_open
from services.models import ApiToken, hash_token
from tests.counters.conftest import open_all_week
from tests.factories import CounterFactory, ServiceFactory

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def call(url: str, *, method="GET", token=None, body=None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, method=method, data=body)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 — loopback
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except urllib.error.URLError:  # not listening (yet)
        return 0, b""


@pytest.fixture(scope="module")
def redis_url():
    binary = shutil.which("redis-server")
    if binary is None:
        message = "redis-server not installed (apt-get install redis-server): two-node test"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(10)


@pytest.fixture
def nodes(redis_url):
    """Two gunicorn nodes on the test database and one Redis, like production behind a
    load balancer."""
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{quote(db['HOST'], safe='')}:{db['PORT']}/{db['NAME']}"
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "0",
        "SECRET_KEY": "two-node-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "BOOKING_LOOKUP_LIMIT_PER_ADDRESS": "4",
        "STATIC_ROOT": str(ROOT / ".data" / "test-static"),
    }
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    processes, urls = [], []
    for _ in range(2):
        port = free_port()
        processes.append(
            subprocess.Popen(
                [gunicorn, "mpp.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        urls.append(f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 60
    for url in urls:
        while call(f"{url}/healthz")[0] != 200:
            assert time.monotonic() < deadline, "app node did not start"
            time.sleep(0.3)
    yield urls
    for process in processes:
        process.terminate()
        process.wait(20)


@pytest.fixture
def queue_setup(agency_a, location, operator_a):
    open_all_week(agency_a, location)
    service = ServiceFactory(agency=agency_a, slug="ktp-el", queue_prefix="A", locations=[location])
    counter = CounterFactory(agency=agency_a, location=location, number=3, services=[service])
    with scopes_disabled():
        counter_open(counter=counter, operator=operator_a)
    kiosk, operator = ApiToken.generate(), ApiToken.generate()
    ApiToken.objects.create(name="kios", key_hash=hash_token(kiosk), kiosk_location=location)
    ApiToken.objects.create(name="petugas", key_hash=hash_token(operator), user=operator_a)
    return {"service": service, "counter": counter, "kiosk": kiosk, "operator": operator}


def test_tickets_issued_on_both_nodes_are_distinct_and_consecutive(nodes, queue_setup, location):
    body = f'{{"service": "instansi-a/ktp-el", "location": "{location.slug}"}}'.encode()
    numbers = []
    for index in range(10):
        status, answer = call(
            f"{nodes[index % 2]}/api/v1/tickets",
            method="POST",
            token=queue_setup["kiosk"],
            body=body,
        )
        assert status == 201, answer
        numbers.append(json.loads(answer)["number"])
    assert numbers == [f"A-{n:03d}" for n in range(1, 11)]


def test_a_call_on_one_node_appears_on_the_other_nodes_board(nodes, queue_setup, location):
    body = f'{{"service": "instansi-a/ktp-el", "location": "{location.slug}"}}'.encode()
    call(f"{nodes[0]}/api/v1/tickets", method="POST", token=queue_setup["kiosk"], body=body)
    board = f"{nodes[1]}/api/v1/boards/{location.slug}?after=0"
    assert b"A-001" not in call(board)[1].split(b'"counters"')[1]
    status, _ = call(
        f"{nodes[0]}/api/v1/counters/{queue_setup['counter'].pk}/call-next",
        method="POST",
        token=queue_setup["operator"],
    )
    assert status == 200
    answer = json.loads(call(board)[1])
    assert [c["number"] for c in answer["new_calls"]] == ["A-001"]
    assert answer["new_calls"][0]["counter"] == 3


def test_a_rate_limit_counts_across_both_nodes(nodes, db):
    statuses = [
        call(f"{nodes[index % 2]}/api/v1/bookings/ABCDEFGH?nik=6408010101900001")[0]
        for index in range(6)
    ]
    assert statuses == [404, 404, 404, 404, 429, 429]
