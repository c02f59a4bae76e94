"""Drive one scenario with wrk (tests/bench/wrk.lua): a warm-up, then the measured run."""

import html
import json
import os
import re
import resource
import subprocess
import tempfile
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SCRIPT = Path(__file__).with_name("wrk.lua")
# wrk in C with one thread per core: the generator stays far below the server's cost.
THREADS = int(os.environ.get("BENCH_WRK_THREADS", "2"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "24"))
# A phone polls its ticket every 2 s (ticket.js), a board every 1-2 s (board.js).
POLL_SECONDS = 2


def version() -> str:
    result = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    return result.stdout.split(" [")[0].strip()


DATA_ETAG = re.compile(r'data-etag="([^"]*)"')


def open_pages(base_url: str, paths: list[str]) -> dict[str, str]:
    """Each page opened once, as its phone did when the ticket was issued: the ETag its
    script polls with (data-etag), by path. Before the run, not measured."""

    def etag(path: str) -> tuple[str, str]:
        with urllib.request.urlopen(base_url + path, timeout=30) as response:  # noqa: S310
            found = DATA_ETAG.search(response.read().decode())
        return path, html.unescape(found.group(1)) if found else ""

    with ThreadPoolExecutor(max_workers=8) as pool:
        return {path: tag for path, tag in pool.map(etag, paths) if tag}


def run_wrk(
    base_url: str,
    lines: list[str],
    *,
    seconds: float,
    etag_pattern: str,
    etags: dict[str, str] | None = None,
) -> dict:
    """One wrk run; its figures, with the CPU wrk itself used per second of the run.
    `etags`: what each polling client held before the run, by path."""
    # Thread t sends lines t, t + THREADS, ...: none may be left without one.
    lines = lines * THREADS if len(lines) < THREADS else lines
    with (
        tempfile.NamedTemporaryFile("w", prefix="bench-", suffix=".txt") as requests,
        tempfile.NamedTemporaryFile("w", prefix="bench-etags-", suffix=".txt") as held,
    ):
        requests.write("\n".join(lines) + "\n")
        requests.flush()
        held.write("".join(f"{path}\t{etag}\n" for path, etag in (etags or {}).items()))
        held.flush()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = subprocess.run(
            [
                *("wrk", "-t", str(THREADS), "-c", str(CONNECTIONS)),
                *("-d", f"{max(1, round(seconds))}s", "--timeout", "30s", "-s", str(SCRIPT)),
                *(base_url, "--", requests.name, str(THREADS), str(POLL_SECONDS)),
                *(etag_pattern, held.name),
            ],
            capture_output=True,
            text=True,
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise RuntimeError(f"wrk failed:\n{result.stdout}{result.stderr}")
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH-RESULT "))
    figures = json.loads(line.removeprefix("BENCH-RESULT "))
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    figures["generator_cpu"] = cpu / figures["seconds"]
    return figures


def measure(base_url: str, scenario, keys: dict, *, seconds: float, warmup: float) -> dict:
    lines = scenario.requests(keys)
    measured = lines
    if scenario.once:
        measured = [line for index, line in enumerate(lines) if index % 5 != 4]
    if warmup:
        warm = lines[4::5] if scenario.once else lines
        run_wrk(base_url, warm, seconds=warmup, etag_pattern=scenario.etag_pattern)
    etags = open_pages(base_url, scenario.opened_before(keys)) if scenario.opened_before else {}
    figures = run_wrk(
        base_url, measured, seconds=seconds, etag_pattern=scenario.etag_pattern, etags=etags
    )
    return {
        "rps": round(figures["requests"] / figures["seconds"], 1),
        "p50_ms": round(figures["p50_ms"], 1),
        "p95_ms": round(figures["p95_ms"], 1),
        "p99_ms": round(figures["p99_ms"], 1),
        "errors": figures["errors"],
        "requests": figures["requests"],
        "statuses": figures["statuses"],
        # Keys sent again within the run: an "uncached" figure would no longer be one.
        "keys_repeated": scenario.once and figures["wraps"] > 0,
        "generator_cpu": round(figures["generator_cpu"], 3),
    }
