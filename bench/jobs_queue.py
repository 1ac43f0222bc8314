"""Benchmark: jobs per second through the SQLite queue and through Redis, beside raw Redis.

    python bench/jobs_queue.py [--jobs 3000] [--threads 1,2] [--rounds 3] [--root DIR] [--keep]

Starts a throw-away ``redis-server`` on loopback (``tests/redis_server.py``) and a Siaran
application (its own SQLite database, no data) with one more job, ``bench.noop``, that
does nothing; for each queue (huey's SQLite file, ``PRESS_JOBS_URL=redis://…``):

- **enqueue**: ``--jobs`` calls of ``JobQueue.enqueue("bench.noop")``, what a commit that
  asked for a job does (the job serialised and stored; SQLite commits each);
- **run**: a consumer (``job_queue.consumer``, as ``flask worker --workers N`` runs it) with
  ``--threads`` threads started on the full queue, timed until every job has completed
  (huey's ``complete`` signal): per job the dequeue (Redis: ``BLMOVE`` into the worker's
  list), the runner (app context, a session of its own, committed) and, on Redis, the
  acknowledgement (``LREM``).

The yardsticks, in the same process on the same server: a raw ``redis-py`` loop of
``LPUSH`` then ``BRPOP`` of a payload of the job's size, one round trip each; and
``redis-benchmark -t lpush,rpop`` (C, 50 connections, pipelining off) for the server's own
ceiling. Each case runs ``--rounds`` times, the queues taking turns so that a shared
machine's drifting load falls on both alike; the table gives the median and the best
round. Prints a table; asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from huey import signals  # noqa: E402
from redis import Redis  # noqa: E402

from press import create_app, job_queue, jobs  # noqa: E402
from tests.redis_server import throwaway_server  # noqa: E402

NOOP = "bench.noop"


@jobs.job(NOOP, retries=0)
def noop_job(ctx: jobs.JobContext) -> None:
    """Nothing: what is measured is the queue and the runner around a job."""


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def measure(url: str, root: Path, count: int, threads: int) -> tuple[float, float, int]:
    """(enqueued/s, run/s, payload bytes) of ``count`` no-op jobs on the queue ``url``."""
    app = create_app({"ENV": "development", "SECRET_KEY": "bench-secret", "TESTING": False,
                      "DATABASE_URL": f"sqlite:///{root / 'siaran.db'}", "MEDIA_ROOT": str(root / "media"),
                      "INDEX_ROOT": str(root / "search"), "JOBS_URL": url,
                      "GLOSSARY_PATH": str(root / "glossary.json"), "OUTBOX_DIR": str(root / "outbox")})
    queue = job_queue.queue_of(app)
    huey = queue.huey
    huey.storage.flush_queue()
    done, all_done = [0], threading.Event()

    @huey.signal(signals.SIGNAL_COMPLETE)
    def completed(_signal, task, *_args):
        if task.name == NOOP:
            done[0] += 1
            if done[0] == count:
                all_done.set()

    started = time.perf_counter()
    for _ in range(count):
        queue.enqueue(NOOP)
    enqueue_s = time.perf_counter() - started
    payload = len(huey.storage.enqueued_items(1)[0])

    consumer = job_queue.consumer(app, workers=threads, periodic=False, embedded=True)
    started = time.perf_counter()
    consumer.start()
    all_done.wait(timeout=600)
    run_s = time.perf_counter() - started
    consumer.stop(graceful=True)
    if done[0] != count:
        raise SystemExit(f"{url}: only {done[0]} of {count} jobs ran")
    return count / enqueue_s, count / run_s, payload


def raw_redis(url: str, count: int, payload: int) -> tuple[float, float]:
    """LPUSH then BRPOP ``count`` payloads, one round trip each: (pushes/s, pops/s)."""
    client = Redis.from_url(url)
    data, key = b"x" * payload, "bench.raw"
    client.delete(key)
    started = time.perf_counter()
    for _ in range(count):
        client.lpush(key, data)
    pushed = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(count):
        client.brpop(key, timeout=1)
    popped = time.perf_counter() - started
    client.close()
    return count / pushed, count / popped


def redis_benchmark(url: str) -> dict[str, float]:
    """``redis-benchmark``'s requests/s for LPUSH and RPOP, or {} when it is not installed."""
    binary = shutil.which("redis-benchmark")
    if not binary:
        return {}
    port = url.rsplit(":", 1)[1].split("/")[0]
    out = subprocess.run([binary, "-h", "127.0.0.1", "-p", port, "-t", "lpush,rpop", "-n", "100000", "-q",
                          "--csv"], capture_output=True, text=True, check=True).stdout
    rates = {}
    for line in out.splitlines()[1:]:
        name, rate, *_ = (field.strip('"') for field in line.split(","))
        rates[name] = float(rate)
    return rates


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=3000)
    ap.add_argument("--threads", default="1,2", help="consumer threads, a comma-separated list")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--root", default=None, help="folder for the instance (default: a temporary one)")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args(argv)
    root = Path(args.root or tempfile.mkdtemp(prefix="siaran-bench-jobs-"))
    root.mkdir(parents=True, exist_ok=True)
    threads = [int(n) for n in args.threads.split(",")]
    print(f"load average before: {load_average()}; {args.jobs:,} no-op jobs per run, {args.rounds} rounds")
    rates: dict[str, list[float]] = {}

    def note(case: str, value: float) -> None:
        rates.setdefault(case, []).append(value)

    benchmark = {}
    try:
        with throwaway_server() as server:
            redis_url = f"{server}/0"
            payload = 0
            for _round in range(args.rounds):
                for name, url in (("SQLite file", f"sqlite:///{root / 'jobs.db'}"), ("Redis", redis_url)):
                    for n in threads:
                        enqueued, ran, payload = measure(url, root, args.jobs, n)
                        note(f"{name}: enqueue (jobs/s)", enqueued)
                        note(f"{name}: run, {n} consumer thread(s) (jobs/s)", ran)
                pushed, popped = raw_redis(redis_url, args.jobs, payload)
                note(f"yardstick: redis-py LPUSH, {payload} B (ops/s)", pushed)
                note(f"yardstick: redis-py BRPOP, {payload} B (ops/s)", popped)
            benchmark = redis_benchmark(redis_url)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    print(f"{'case':<58}{'median':>10}{'best':>10}")
    for case, values in rates.items():
        print(f"{case:<58}{statistics.median(values):>10,.0f}{max(values):>10,.0f}")
    for name, rate in benchmark.items():
        print(f"{'yardstick: redis-benchmark ' + name + ', 50 clients (req/s)':<58}{rate:>10,.0f}")
    if not benchmark:
        print(f"{'yardstick: redis-benchmark':<58}{'not installed':>20}")
    print(f"load average after: {load_average()}")

if __name__ == "__main__":
    main()
