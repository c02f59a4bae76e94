"""How a worker of the task queue runs the project's code, and the database connections it
holds.

A worker keeps its own pool (psycopg_pool's default size) and one listening connection; a
sync job runs in a thread of the worker's executor, any of them, so Django's connections
in those threads are closed when each job ends: however long the worker runs, it holds at
most `connections_held()` connections, and no job starts on a connection the server dropped
while the worker was idle."""

import inspect

from django.db import connections
from psycopg_pool import AsyncConnectionPool

# Jobs run at once by one worker (procrastinate's default; `--concurrency` raises it).
CONCURRENCY = 1


def configure(app) -> None:
    """PROCRASTINATE_ON_APP_READY: the worker's defaults."""
    app.worker_defaults.setdefault("concurrency", CONCURRENCY)
    app.worker_defaults.setdefault("task_middleware", []).append(close_connections_after_job)


def close_connections_after_job(call_next, context, worker):
    """Procrastinate task middleware of every sync job."""
    try:
        return call_next()
    finally:
        connections.close_all()


def connections_held(concurrency: int = CONCURRENCY) -> int:
    """The most connections one worker holds: its pool, its listener and one per job that
    runs at once."""
    pool_size = inspect.signature(AsyncConnectionPool).parameters["min_size"].default
    return pool_size + 1 + concurrency
