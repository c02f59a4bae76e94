"""`make bench`: build the district-sized dataset, start the production stack and drive each
endpoint with wrk over loopback, the floors in the same run, on a morning's waiting line;
then ticket status, board and ticket issue again on deeper lines. Prints each target with
PASS or FAIL and writes tests/bench/results.json. A benchmark, not a test."""

import json
import os
import sys
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench import hall, load, stack  # noqa: E402
from tests.bench.scenarios import (  # noqa: E402
    CACHED_SEARCHES,
    MORNING_DEPTH,
    SCALING,
    SCALING_DEPTHS,
    SCENARIOS,
    SCENARIOS_BY_NAME,
)

RESULTS = ROOT / "tests" / "bench" / "results.json"
SECONDS = float(os.environ.get("BENCH_SECONDS", "12"))
WARMUP = float(os.environ.get("BENCH_WARMUP", "3"))
SCALING_SECONDS = float(os.environ.get("BENCH_SCALING_SECONDS", "8"))
DEPTHS = [
    int(depth)
    for depth in os.environ.get("BENCH_DEPTHS", ",".join(map(str, SCALING_DEPTHS))).split(",")
    if depth
]
# Tickets issued and visitors called per second while phones and boards poll.
LINE_MOVES = float(os.environ.get("BENCH_LINE_MOVES", "1"))
# BENCH_ONLY=board,ticket_status measures those (and the floors) only, e.g. while tuning.
ONLY = {name for name in os.environ.get("BENCH_ONLY", "").split(",") if name}
REPORT_LIMIT_MS = 1000
# The deepest line's p99 may be at most this many times the morning's.
SCALING_LIMIT = 2


def last_json(output: str):
    return json.loads(output.strip().splitlines()[-1])


class Bench:
    """The running stack, the keys prepare.py laid out, and how a scenario is measured."""

    def __init__(self, env: dict, base_url: str, keys: dict):
        self.env, self.base_url, self.keys = env, base_url, keys
        self.counters = [seat["counter"] for seat in keys["operators"]]

    def line(self, depth: int) -> dict:
        command = f"from tests.bench.prepare import line; line({depth})"
        return last_json(stack.manage(self.env, "shell", "-c", command))

    def measure(self, scenario, line: dict | None, seconds: float) -> dict:
        database_url = self.env["DATABASE_URL"]
        with ExitStack() as around:
            failed_moves = [0]
            if scenario.queue:
                around.enter_context(hall.held_line(database_url, self.counters))
            if scenario.moving:
                failed_moves = around.enter_context(
                    hall.moving_line(self.base_url, self.keys, LINE_MOVES)
                )
            keys = {**self.keys, **(line or {})}
            figures = load.measure(self.base_url, scenario, keys, seconds=seconds, warmup=WARMUP)
        # A move of the hall refused is an error of the run as much as a measured one.
        figures["errors"] += failed_moves[0]
        if line:
            figures["waiting_after"] = hall.waiting(database_url, line)
        return figures


def main() -> int:
    redis, redis_url = stack.start_redis()
    env = stack.environment(redis_url)
    gunicorn = None
    try:
        print("Preparing the dataset (the first run builds 1M tickets: a few minutes)…")
        stack.manage(env, "migrate", "--no-input")
        stack.manage(env, "collectstatic", "--no-input")
        keys = last_json(
            stack.manage(env, "shell", "-c", "from tests.bench.prepare import main; main()")
        )
        report = "from tests.bench.prepare import time_report; time_report()"
        report_ms = float(last_json(stack.manage(env, "shell", "-c", report)))
        port = stack.free_port()
        gunicorn = stack.start_gunicorn(env, port)
        bench = Bench(env, f"http://{stack.HOST}:{port}", keys)
        endpoints, line_depth, morning = measure_morning(bench)
        scaling = measure_scaling(bench, endpoints)
        memory = stack.memory(gunicorn, redis)
        # The lines laid for the run go, as do the tickets issued on them.
        stack.manage(
            env, "shell", "-c", "from tests.bench.prepare import take_back_all; take_back_all()"
        )
    finally:
        stack.stop(gunicorn)
        stack.stop(redis)
    for name, figures in endpoints.items():
        floor = endpoints[SCENARIOS_BY_NAME[name].floor]["rps"]
        figures["ratio_vs_floor"] = round(figures["rps"] / floor, 3) if floor else 0.0
    results = {
        "endpoints": endpoints,
        "dataset": keys["dataset"],
        "report_90d_ms": report_ms,
        "generator": {
            "tool": load.version(),
            "threads": load.THREADS,
            "connections": load.CONNECTIONS,
            # wrk's own CPU per second of each run: far below one core, or the figures lie.
            "cpu_share_of_a_core": {
                name: figures.pop("generator_cpu") for name, figures in endpoints.items()
            },
        },
        "keys": key_counts(keys, morning),
        "line_depth": {"morning": MORNING_DEPTH, "moves_per_second": LINE_MOVES, **line_depth},
        "scaling": scaling,
        "memory": memory,
    }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    return 0 if print_table(results) else 1


def measure_morning(bench: Bench) -> tuple[dict, dict, dict]:
    """Each endpoint (the floors always), the queue's on a fresh morning line: the figures,
    the line's depth before and after each, and the morning's keys."""
    endpoints, line_depth, morning = {}, {}, {}
    for scenario in SCENARIOS:
        if ONLY and scenario.name not in ONLY | {"floor", "write_floor"}:
            continue
        print(f"  {scenario.name}…", flush=True)
        line = bench.line(MORNING_DEPTH) if scenario.queue else None
        figures = bench.measure(scenario, line, SECONDS)
        if line:
            morning = line
            line_depth[scenario.name] = {
                "before": line["depth"],
                "after": figures.pop("waiting_after"),
            }
        endpoints[scenario.name] = figures
    return endpoints, line_depth, morning


def measure_scaling(bench: Bench, endpoints: dict) -> dict:
    """p50 and p99 of the SCALING endpoints at each depth, the morning's among them."""
    names = [name for name in SCALING if not ONLY or name in ONLY]
    curve = {name: {} for name in names}
    for name in names:
        if name in endpoints:
            curve[name][str(MORNING_DEPTH)] = _point(endpoints[name])
    for depth in DEPTHS:
        print(f"  line of {depth:,} waiting…", flush=True)
        line = bench.line(depth)
        for name in names:
            figures = bench.measure(SCENARIOS_BY_NAME[name], line, SCALING_SECONDS)
            curve[name][str(depth)] = _point(figures)
    return {
        "depths": sorted({MORNING_DEPTH, *DEPTHS}),
        "endpoints": curve,
        "p99_deepest_over_morning": {
            name: ratio for name, points in curve.items() if (ratio := _p99_ratio(points))
        },
    }


def _p99_ratio(points: dict) -> float | None:
    """The deepest line's p99 over the morning's: SCALING_LIMIT at most."""
    deepest, morning = str(max(DEPTHS, default=MORNING_DEPTH)), str(MORNING_DEPTH)
    if deepest == morning or deepest not in points or morning not in points:
        return None
    return round(points[deepest]["p99_ms"] / max(points[morning]["p99_ms"], 0.1), 2)


def _point(figures: dict) -> dict:
    return {key: figures[key] for key in ("rps", "p50_ms", "p99_ms", "errors")}


def key_counts(keys: dict, morning: dict) -> dict:
    """How varied the requests were: distinct keys each endpoint drew from."""
    searches = len(keys["search_queries"]) - CACHED_SEARCHES
    return {
        # Pages opened (ticket_page), and the phones among them that poll (ticket_status).
        "tickets": len(set(morning.get("waiting", [])) | set(morning.get("served", []))),
        "tickets_polling": len(set(morning.get("waiting", []))),
        # The warm-up takes a fifth of the uncached searches and booking seats.
        "searches_uncached": searches - searches // 5,
        "searches_cached": CACHED_SEARCHES,
        "service_pages": len(keys["service_pages"]),
        "umkm_pages": len(keys["umkm_pages"]),
        "booking_seats": len(keys["booking_seats"]) - len(keys["booking_seats"]) // 5,
        "counters": len(keys["operators"]),
    }


def print_table(results: dict) -> bool:
    """The figures with each target's verdict; True when every one passes."""
    passed = True
    print(f"\n{'endpoint':<22}{'req/s':>9}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}", end="")
    print(f"{'errors':>8}{'ratio':>7}  target")
    for name, f in results["endpoints"].items():
        scenario = SCENARIOS_BY_NAME[name]
        target = [] if scenario.target is None else [f"≥ {scenario.target:.2f}"]
        ok = f["errors"] == 0 and not f["keys_repeated"]
        ok &= scenario.target is None or f["ratio_vs_floor"] >= scenario.target
        if scenario.p95_below_ms:
            target.append(f"p95 < {scenario.p95_below_ms:.0f} ms")
            ok &= f["p95_ms"] < scenario.p95_below_ms
        passed &= ok
        note = " (keys repeated: more BENCH_QUERIES)" if f["keys_repeated"] else ""
        print(
            f"{name:<22}{f['rps']:>9.1f}{f['p50_ms']:>8.1f}{f['p95_ms']:>8.1f}{f['p99_ms']:>8.1f}"
            f"{f['errors']:>8}{f['ratio_vs_floor']:>7.2f}  {', '.join(target):<22}"
            f"{'PASS' if ok else 'FAIL'}{note}"
        )
    passed &= print_scaling(results["scaling"])
    report_ok = results["report_90d_ms"] < REPORT_LIMIT_MS
    passed &= report_ok
    print(
        f"\n90-day agency report over {results['dataset']['tickets']:,} tickets: "
        f"{results['report_90d_ms']} ms (< {REPORT_LIMIT_MS})  {'PASS' if report_ok else 'FAIL'}"
    )
    memory = results["memory"]
    print(
        f"memory: workers {memory['workers_rss_mb']} MB resident; stack "
        f"{memory['total_pss_mb']} MB proportional ({memory['pss_mb']})"
    )
    generator = results["generator"]
    print(
        f"generator: {generator['tool']}, {generator['threads']} threads, "
        f"{generator['connections']} connections, at most "
        f"{max(generator['cpu_share_of_a_core'].values(), default=0):.0%} of a core"
    )
    print(f"keys: {results['keys']}")
    print(f"written to {RESULTS.relative_to(ROOT)}")
    return passed


def print_scaling(scaling: dict) -> bool:
    depths = [str(depth) for depth in scaling["depths"]]
    if not any(scaling["endpoints"].values()):
        return True
    print(f"\np50 / p99 ms by waiting line: {', '.join(f'{int(d):,}' for d in depths)}")
    passed = True
    ratios = scaling["p99_deepest_over_morning"]
    for name, curve in scaling["endpoints"].items():
        cells = [
            f"{curve[d]['p50_ms']:.0f}/{curve[d]['p99_ms']:.0f}" if d in curve else "-"
            for d in depths
        ]
        ok = all(point["errors"] == 0 for point in curve.values())
        verdict = ""
        if name in ratios:
            ok &= ratios[name] <= SCALING_LIMIT
            deepest = max(DEPTHS)
            verdict = f"p99 {deepest:,} / {MORNING_DEPTH}: {ratios[name]:.2f} (≤ {SCALING_LIMIT})"
        passed &= ok
        print(f"{name:<22}{' '.join(f'{c:>10}' for c in cells)}  {verdict}  ", end="")
        print("PASS" if ok else "FAIL")
    return passed


if __name__ == "__main__":
    sys.exit(main())
