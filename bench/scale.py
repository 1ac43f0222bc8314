"""Benchmark of the scale-out figures in one table: ingest, nodes, search at size.

    python bench/scale.py [--docs 20000] [--pg-docs 20000] [--photos 24] [--rounds 2]
                          [--duration 5] [--pg-url URL] [--skip ingest,nodes,search]

Runs the pieces of the other benches and prints one table:

- ingest: ``--photos`` camera-like JPEGs through the photo stages with 1 and 2 worker
  processes (``bench/ingest.py``'s pool; the floor, Pillow's draft decode of the same
  files, is the yardstick);
- nodes: requests per second of the public home page and of the public search page
  with one gunicorn node and with two (``bench/site.py``'s instance and load; both
  nodes on this machine, on one SQLite instance, so two nodes share its two cores);
- search: p50/p95 per query kind on PostgreSQL at each of ``--pg-docs`` and on whoosh
  at ``--docs`` with each kind's selectivity, and the rebuild rate of each beside a bare
  ``COPY`` of the same analysed rows into the same table (``bench/search_backends.py``; the
  throw-away server with the memory settings ``docs/deploy.md`` gives a deployment).

The defaults are a quick run; ``--docs 100000 --pg-docs 100000,1000000`` is the issue's.
Asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.search import generate as generate_documents  # noqa: E402
from bench.search_backends import QUERY_KINDS, cell, deployment_settings, run_queries, timed_rebuild  # noqa: E402
from press.search import PgSearchIndex, SearchIndex  # noqa: E402

SEARCH_PATH = "/cari?q=pelayanan+kesehatan"


def ingest(photos: int) -> list[tuple[str, str]]:
    from bench.ingest import generate, run_floor, run_pool

    paths = generate(photos)
    scratch = Path(tempfile.mkdtemp(prefix="siaran-scale-ingest-"))
    try:
        floor = sum(run_floor(paths)) / 1000  # milliseconds each
        rows = [("ingest: floor (draft decode, yardstick)", f"{len(paths) / floor:.2f} photos/s")]
        for workers in (1, 2):
            run = run_pool(paths, workers, scratch, f"w{workers}")
            rows.append((f"ingest {len(paths)} photos, {workers} worker{'s' * (workers > 1)}",
                         f"{run['rate']:.2f} photos/s ({run['elapsed']:.1f} s)"))
        return rows
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _gunicorn(env: dict, port: int) -> subprocess.Popen:
    from bench.site import REPO, VENV_BIN

    return subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "--keep-alive", "0", "wsgi:app"],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _spread(ports: list[int], path: str, duration: float, concurrency: int) -> dict:
    """``bench/site.py``'s load on each port at once, the clients split between them."""
    from bench.site import load, request

    for port in ports:  # the first answer of each process warms its page cache
        for _ in range(4):
            request(port, path)
    results: list[dict] = []
    threads = [threading.Thread(target=lambda p=p: results.append(
        load(p, path, duration=duration, concurrency=max(1, concurrency // len(ports))))) for p in ports]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"rps": sum(r["rps"] for r in results), "p50": max(r["p50"] for r in results),
            "errors": sum(r["errors"] for r in results)}


def nodes(duration: float, concurrency: int) -> list[tuple[str, str]]:
    from bench.site import free_port, setup_instance, wait_for

    root = Path(tempfile.mkdtemp(prefix="siaran-scale-nodes-"))
    servers: list[subprocess.Popen] = []
    try:
        env = setup_instance(root)
        ports = [free_port(), free_port()]
        for port in ports:
            servers.append(_gunicorn(env, port))
            wait_for(port)
        rows = []
        for name, path in (("home page", "/"), ("search page", SEARCH_PATH)):
            for count in (1, 2):
                r = _spread(ports[:count], path, duration, concurrency)
                rows.append((f"{name}, {count} node{'s' * (count > 1)} (same machine)",
                             f"{r['rps']:.0f} requests/s (p50 {r['p50']:.0f} ms, {r['errors']} errors)"))
        return rows
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)


def bare_copy_rate(url: str, docs: int) -> float:
    """The yardstick: the same rows, analysed beforehand, copied (frozen, in one transaction)
    into a table of the same layout with its indexes built after and analysed, as the
    rebuild does; documents per second."""
    from sqlalchemy import text

    from press.search.pg_index import _chunks, _insert, build_indexes, create_table
    from press.search.pg_rows import rows_for

    chunks = [rows_for(chunk)[0] for chunk in _chunks(generate_documents(docs))]
    index = PgSearchIndex(url, kept_results=0)
    try:
        with index.engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS bench_bare_copy"))
        start = time.perf_counter()
        with index.engine.begin() as conn:
            create_table(conn, "bench_bare_copy")
            for rows in chunks:
                _insert(conn, "bench_bare_copy", rows, copy=True, freeze=True)
        build_indexes(index.engine, "bench_bare_copy", "_bench_bare")
        with index.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE bench_bare_copy"))
        rate = docs / (time.perf_counter() - start)
        with index.engine.begin() as conn:
            conn.execute(text("DROP TABLE bench_bare_copy"))
        return rate
    finally:
        index.close()


def search(docs: int, pg_docs: list[int], rounds: int, pg_url: str | None) -> tuple[list, list[tuple[str, str]]]:
    columns, rates = [], []
    if docs:
        root = tempfile.mkdtemp(prefix="siaran-scale-whoosh-")
        try:
            index = SearchIndex(root, kept_results=0)
            rate, note = timed_rebuild(index, docs)
            columns.append((f"whoosh {docs:,}", run_queries(index, docs, rounds)))
            rates.append((f"rebuild, whoosh {docs:,}", f"{rate:,.0f} docs/s ({note})"))
            index.close()
        finally:
            shutil.rmtree(root, ignore_errors=True)
    if pg_docs:
        if pg_url:
            _postgres(pg_url, pg_docs, rounds, columns, rates)
        else:
            from tests.pg_server import throwaway_server

            with throwaway_server(settings=deployment_settings()) as url:
                _postgres(url, pg_docs, rounds, columns, rates)
    return columns, rates


def _postgres(url: str, sizes: list[int], rounds: int, columns: list, rates: list) -> None:
    for size in sizes:
        index = PgSearchIndex(url, kept_results=0)
        try:
            rate, note = timed_rebuild(index, size)
            columns.append((f"PostgreSQL {size:,}", run_queries(index, size, rounds)))
        finally:
            index.close()
        bare = bare_copy_rate(url, size)
        rates.append((f"rebuild, PostgreSQL {size:,}",
                      f"{rate:,.0f} docs/s; bare COPY of the same rows + indexes {bare:,.0f} docs/s "
                      f"({rate / bare:.2f} of it); {note} (generation, analysis in spawned processes, copy)"))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=20_000, help="documents in the whoosh index (0: none)")
    ap.add_argument("--pg-docs", default="20000", help="comma-separated sizes of the PostgreSQL runs")
    ap.add_argument("--photos", type=int, default=24)
    ap.add_argument("--rounds", type=int, default=2, help="passes over each query list")
    ap.add_argument("--duration", type=float, default=5.0, help="seconds of load per page and node count")
    ap.add_argument("--concurrency", type=int, default=4, help="client processes of the page load")
    ap.add_argument("--pg-url", default=None, help="a PostgreSQL database to use (its search tables are replaced)")
    ap.add_argument("--skip", default="", help="comma-separated parts to leave out: ingest, nodes, search")
    args = ap.parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    print(f"load average at start {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    rows: list[tuple[str, str]] = []
    if "ingest" not in skip:
        rows += ingest(args.photos)
    if "nodes" not in skip:
        rows += nodes(args.duration, args.concurrency)
    columns, rates = [], []
    if "search" not in skip:
        columns, rates = search(args.docs, [int(s) for s in args.pg_docs.split(",") if s.strip()], args.rounds,
                                args.pg_url)
    print(f"load average at end {os.getloadavg()[0]:.1f}")
    print()
    print("| measure | " + " | ".join(f"{name}: p50 / p95 (matched: mean, largest; CPU a search)"
                                       for name, _ in columns) + " |")
    print("| --- |" + " --- |" * max(1, len(columns)))
    for name, value in rows + rates:
        print(f"| {name} | {value} |" + " |" * (len(columns) - 1))
    for kind in QUERY_KINDS if columns else ():
        print(f"| search: {kind} | " + " | ".join(cell(r[kind]) for _, r in columns) + " |")


if __name__ == "__main__":
    main()
