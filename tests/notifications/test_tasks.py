"""The task queue: jobs written in the caller's transaction, a real worker process running
them, the daily booking work as periodic tasks."""

import os
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings
from django.db import connection, connections, transaction
from procrastinate.contrib.django import app
from procrastinate.contrib.django.models import ProcrastinateJob

from common.side_effects import defer_on_commit
from counters.tasks import booking_email
from mpp.tasks import retry_stalled_jobs
from mpp.worker import connections_held
from notifications.delivery import deliver_message
from notifications.models import Message
from tests.machine import database_url
from tests.notifications.conftest import allow
from tests.notifications.fakes import TOKEN
from tests.notifications.helpers import queue

WORKER_NAME = "mpp-worker-under-test"
PROCRASTINATE_TABLES = "procrastinate_jobs, procrastinate_periodic_defers, procrastinate_workers"


@pytest.fixture
def job_queue(transactional_db):
    """Procrastinate's tables are not Django's to flush: emptied around each test here."""

    def empty():
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {PROCRASTINATE_TABLES} CASCADE")

    empty()
    yield
    empty()


def jobs_seen_by_another_connection() -> int:
    seen = []

    def count():
        try:
            seen.append(ProcrastinateJob.objects.count())
        finally:
            connections.close_all()

    thread = threading.Thread(target=count)
    thread.start()
    thread.join()
    return seen[0]


def test_a_job_is_seen_by_workers_only_once_its_transaction_commits(job_queue):
    with transaction.atomic():
        defer_on_commit(deliver_message, message_id=1)
        assert jobs_seen_by_another_connection() == 0
    assert jobs_seen_by_another_connection() == 1


def test_a_rolled_back_write_takes_its_job_back(job_queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        defer_on_commit(deliver_message, message_id=1)
        raise RuntimeError("the write failed")
    assert ProcrastinateJob.objects.count() == 0


def test_a_delayed_job_is_scheduled_later(job_queue):
    defer_on_commit(deliver_message, delay_seconds=90, message_id=1)
    (job,) = ProcrastinateJob.objects.all()
    assert job.scheduled_at is not None


def run_worker(env: dict, queues: str = "messages") -> subprocess.CompletedProcess:
    """`manage.py procrastinate worker` as production runs it, on the test database, until
    its queues are empty ("" for every queue)."""
    command = [sys.executable, "manage.py", "procrastinate", "worker", "--one-shot"]
    return subprocess.run(
        [*command, "--queues", queues],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": database_url(connection.settings_dict), **env},
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_a_worker_process_sends_the_message_a_committed_write_queued(job_queue, gateways):
    whatsapp, _ = gateways
    allow("whatsapp")
    message = queue()
    result = run_worker(
        {
            "WHATSAPP_TOKEN": TOKEN,
            "WHATSAPP_API_URL": settings.WHATSAPP["API_URL"],
            "WHATSAPP_PHONE_NUMBER_ID": whatsapp.phone_number_id,
        }
    )
    assert result.returncode == 0, result.stderr[-3000:]
    message.refresh_from_db()
    assert message.state == Message.State.SENT
    assert [sent["id"] for sent in whatsapp.accepted] == [message.provider_id]
    (job,) = ProcrastinateJob.objects.filter(task_name="notifications.deliver_message")
    assert job.status == "succeeded"


def test_the_worker_process_queues_a_fallback_in_its_own_transaction(job_queue, gateways):
    """The fallback's job is written with the fallback row: a second worker run sends it."""
    whatsapp, sms = gateways
    allow("whatsapp", "sms")
    whatsapp.plan("undeliverable")
    message = queue()
    env = {
        "WHATSAPP_TOKEN": TOKEN,
        "WHATSAPP_API_URL": settings.WHATSAPP["API_URL"],
        "WHATSAPP_PHONE_NUMBER_ID": whatsapp.phone_number_id,
        "SMS_GATEWAY_URL": settings.SMS_GATEWAY["URL"],
        "SMS_GATEWAY_TOKEN": TOKEN,
    }
    result = run_worker(env)
    assert result.returncode == 0, result.stderr[-3000:]
    fallback = Message.objects.get(fallback_of=message)
    assert fallback.state == Message.State.SENT
    assert [sent["id"] for sent in sms.accepted] == [fallback.provider_id]


def test_a_worker_killed_after_the_gateway_accepted_does_not_make_it_send_twice(
    job_queue, gateways
):
    """SIGKILL while the SMS gateway holds its answer: the job stays "doing"; once the dead
    worker's heartbeat is old, retry_stalled_jobs puts it back and the next worker sends
    again under the same Idempotency-Key: the citizen gets one SMS."""
    _, sms = gateways
    allow("sms")
    message = queue()
    env = {"SMS_GATEWAY_URL": settings.SMS_GATEWAY["URL"], "SMS_GATEWAY_TOKEN": TOKEN}
    sms.holding = True
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "procrastinate", "worker", "--queues", "messages"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": database_url(connection.settings_dict), **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert sms.answered.wait(120), "the worker never called the gateway"
    finally:
        worker.kill()
        worker.wait(30)
    sms.holding = False
    sms.release.set()
    (job,) = ProcrastinateJob.objects.filter(task_name="notifications.deliver_message")
    assert job.status == "doing"
    with connection.cursor() as cursor:
        cursor.execute("UPDATE procrastinate_workers SET last_heartbeat = now() - interval '5 min'")
        # The dead worker may have queued the next periodic run already: run one now instead.
        cursor.execute("DELETE FROM procrastinate_jobs WHERE queueing_lock = 'retry_stalled_jobs'")
    retry_stalled_jobs.defer(timestamp=0)
    result = run_worker(env, queues="")
    assert result.returncode == 0, result.stderr[-3000:]
    message.refresh_from_db()
    assert message.state == Message.State.SENT
    assert len(sms.requests) == 2
    assert [sent["id"] for sent in sms.accepted] == [message.provider_id]


def test_the_daily_booking_commands_are_periodic_tasks():
    crons = {
        periodic.task.name: periodic.cron
        for periodic in app.periodic_registry.periodic_tasks.values()
    }
    assert crons["counters.send_booking_reminders"] == "0 8 * * *"
    assert crons["counters.mark_booking_no_shows"] == "*/5 * * * *"
    assert crons["counters.anonymise_bookings"] == "15 18 * * *"
    assert crons["notifications.erase_old_messages"] == "30 18 * * *"
    assert crons["mpp.retry_stalled_jobs"] == "*/5 * * * *"
    assert "mpp.remove_old_jobs" in crons


@pytest.mark.django_db
def test_periodic_booking_tasks_run_the_services_of_the_commands():
    from counters.tasks import anonymise_bookings, mark_booking_no_shows, send_booking_reminders

    assert send_booking_reminders(timestamp=0) == 0
    assert mark_booking_no_shows(timestamp=0) == 0
    assert "dianonimkan" in anonymise_bookings(timestamp=0)


def test_serve_runs_a_worker_beside_the_web_server():
    from mpp.management.commands.serve import process_commands

    commands = process_commands("127.0.0.1:8000")
    assert commands["worker"][-2:] == ["procrastinate", "worker"]
    assert "web" in commands


def test_an_idle_worker_holds_only_its_pool_and_listener(job_queue):
    """Sync jobs run in the worker's threads with Django's connections, closed after each
    job (mpp.worker): once the jobs are done the worker keeps no more than its own pool and
    its listening connection, whichever threads ran them."""
    for _ in range(12):
        defer_on_commit(booking_email, booking_id=0, kind="confirmation", sequence=0)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "procrastinate", "worker", "--queues", "messages"],
        cwd=settings.BASE_DIR,
        # Its connections named, apart from any other on the test database (libpq reads
        # PGAPPNAME for every connection, the pool's and Django's alike).
        env={
            **os.environ,
            "DATABASE_URL": database_url(connection.settings_dict),
            "PGAPPNAME": WORKER_NAME,
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        messages = ProcrastinateJob.objects.filter(queue_name="messages")
        while messages.filter(status__in=["todo", "doing"]).exists():
            assert time.monotonic() < deadline, "the worker never finished its jobs"
            time.sleep(0.2)
        held = []
        for _ in range(5):
            time.sleep(0.2)
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
                    [WORKER_NAME],
                )
                held.append(cursor.fetchone()[0])
    finally:
        worker.terminate()
        worker.wait(30)
    assert set(messages.values_list("status", flat=True)) == {"succeeded"}
    assert 0 < max(held) <= connections_held(concurrency=0), held
