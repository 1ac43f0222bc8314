"""Benchmark of the two search backends: whoosh and PostgreSQL full text search, side by side.

    python bench/search_backends.py [--docs 100000] [--pg-docs 100000,1000000] [--rounds 3]
                                    [--pg-url URL] [--no-whoosh] [--pg-default-settings]

Generates the Humas archive of ``bench/search.py`` (the same seed), rebuilds whoosh at
``--docs`` and PostgreSQL at each of ``--pg-docs`` (a throw-away server started here, or
``--pg-url``, whose search tables are replaced; the throw-away server runs with the memory
settings ``docs/deploy.md`` gives a deployment, :func:`deployment_settings`, unless
``--pg-default-settings``), and times each query kind through the
backend's ``search`` as the staff search page calls it (20 hits with snippets, the
total — estimated past 10,000 matches on PostgreSQL —, facets on; no kept results, so every call searches). Prints one table: each query
kind's selectivity (the share of the archive its queries match) and p50/p95 per backend
and size, then the rebuild rate of each. Asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.search import generate, machine, percentile  # noqa: E402
from bench.support.pg_cpu import postmaster_pid, server_cpu  # noqa: E402
from press.search import PgSearchIndex, SearchIndex  # noqa: E402

# Selective kinds match under 5 % of the archive each (the topics of the generated
# headlines, "stunting" or "smart city", match 30 %: they are not among them); broad terms 30-55 %.
QUERY_KINDS = {
    "single word": ["puskesmas", "jembatan", "seragam", "disabilitas", "lansia", "posyandu", "beasiswa"],
    "two words": ["bantuan banjir", "modal usaha", "pengobatan gratis", "bibit tanaman", "seragam sekolah",
                  "kursi roda"],
    "phrase": ['"rumah sakit"', '"nota kesepahaman"', '"inspektur upacara"', '"kantor kelurahan"',
               '"alat bantu dengar"', '"taman kota"'],
    "prefix": ["puskes*", "disabil*", "pengibar*", "prasas*", "posyan*", "beasis*"],
    "date range": ["banjir 2021-09", "puskesmas tahun:2022", "kunjungan 2020-01-01..2020-03-31",
                   "upacara 2021-08-01..2021-08-31", "sosialisasi tanggal:2023-05", "bantuan 2019-06"],
    "broad term": ["kegiatan", "masyarakat", "kota", "program", "pelayanan", "pemerintah"],
}


def deployment_settings() -> dict[str, str]:
    """The server settings ``docs/deploy.md`` ("Sizing") gives the search's PostgreSQL, for
    this machine's memory: a quarter of it as shared buffers (at 1,000,000 documents the
    heap and the indexes a search reads, 1.3 GB, then stay in the server's memory, where
    the default 128 MB re-read pages from the OS cache search after search), half as the
    planner's cache estimate, and the random page cost of an SSD."""
    memory_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2 ** 20
    return {"shared_buffers": f"{memory_mb // 4}MB", "effective_cache_size": f"{memory_mb // 2}MB",
            "random_page_cost": "1.1"}


def run_queries(index, docs: int, rounds: int) -> dict[str, tuple]:
    """``{kind: (p50 ms, p95 ms, mean selectivity, largest selectivity, CPU ms a search of
    this process, of the PostgreSQL server or None)}``; the server's CPU when it runs here."""
    out = {}
    index.search("pemanasan", public=False)
    server = postmaster_pid(index.engine) if isinstance(index, PgSearchIndex) else None
    for kind, queries in QUERY_KINDS.items():
        totals = [index.search(q, public=False, per_page=20).total for q in queries]  # warm-up pass
        samples = []
        cpu, server_before = time.process_time(), server_cpu(server)
        for _ in range(rounds):
            for q in queries:
                t = time.perf_counter()
                index.search(q, public=False, per_page=20, facets=True)
                samples.append((time.perf_counter() - t) * 1000)
        cpu, server_after = time.process_time() - cpu, server_cpu(server)
        server_ms = (server_after - server_before) * 1000 / len(samples) if server_before is not None else None
        out[kind] = (percentile(samples, 50), percentile(samples, 95), sum(totals) / len(totals) / docs,
                     max(totals) / docs, cpu * 1000 / len(samples), server_ms)
    return out


def cell(result: tuple) -> str:
    """One table cell of :func:`run_queries`: p50 / p95, selectivity, CPU a search."""
    p50, p95, mean, top, client, server = result
    cpu = f"; CPU {client:.0f}" + (f" + {server:.0f} server" if server is not None else "") + " ms"
    return f"{p50:.0f} / {p95:.0f} ms ({mean:.1%}, {top:.1%}{cpu})"


def timed_rebuild(index, docs: int) -> tuple[float, str]:
    """Documents per second of ``index.rebuild`` over ``docs`` generated documents, and its
    CPU a document: this process and the analysing processes it spawned, and the server's."""
    server = postmaster_pid(index.engine) if isinstance(index, PgSearchIndex) else None
    cpu, children, server_before = time.process_time(), _children_cpu(), server_cpu(server)
    t = time.perf_counter()
    index.rebuild(generate(docs), progress=lambda n: print(f"\r  indexed {n}", end="", file=sys.stderr, flush=True))
    rate = docs / (time.perf_counter() - t)
    print(file=sys.stderr)
    here = (time.process_time() - cpu + _children_cpu() - children) * 1e6 / docs
    note = f"CPU a document {here:,.0f} µs here"
    if server_before is not None:
        note += f" + {(server_cpu(server) - server_before) * 1e6 / docs:,.0f} µs server"
    return rate, note


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000, help="documents in the whoosh index")
    ap.add_argument("--pg-docs", default="100000", help="comma-separated sizes of the PostgreSQL runs")
    ap.add_argument("--rounds", type=int, default=3, help="passes over each query list")
    ap.add_argument("--pg-url", default=None, help="a PostgreSQL database to use (its search tables are replaced)")
    ap.add_argument("--no-whoosh", action="store_true")
    ap.add_argument("--pg-default-settings", action="store_true",
                    help="run the throw-away server with PostgreSQL's default memory settings")
    args = ap.parse_args(argv)
    settings = {} if args.pg_default_settings else deployment_settings()
    if not args.pg_url:
        print(f"PostgreSQL settings: {settings or 'the defaults (shared_buffers 128MB)'}")
    print(f"machine: {machine()}; load average at start {os.getloadavg()[0]:.1f}")
    columns: list[tuple[str, dict, float]] = []
    if not args.no_whoosh:
        root = tempfile.mkdtemp(prefix="siaran-bench-whoosh-")
        try:
            index = SearchIndex(root, kept_results=0)
            rate = timed_rebuild(index, args.docs)
            columns.append((f"whoosh {args.docs:,}", run_queries(index, args.docs, args.rounds), rate))
            index.close()
        finally:
            shutil.rmtree(root, ignore_errors=True)
    for size in (int(s) for s in args.pg_docs.split(",") if s.strip()):
        columns.append(_postgres(args.pg_url, size, args.rounds, settings))
    print(f"load average at end {os.getloadavg()[0]:.1f}")
    print()
    print("| query kind | " + " | ".join(f"{name}: p50 / p95 (matched: mean, largest; CPU a search)"
                                         for name, _, _ in columns) + " |")
    print("| --- |" + " --- |" * len(columns))
    for kind in QUERY_KINDS:
        print(f"| {kind} | " + " | ".join(cell(r[kind]) for _, r, _ in columns) + " |")
    print("| rebuild | " + " | ".join(f"{rate:,.0f} docs/s ({note})" for _, _, (rate, note) in columns) + " |")


def _postgres(url: str | None, size: int, rounds: int, settings: dict[str, str]) -> tuple[str, dict, float]:
    if url:
        return _postgres_on(url, size, rounds)
    from tests.pg_server import throwaway_server

    with throwaway_server(settings=settings) as server:
        return _postgres_on(server, size, rounds)


def _postgres_on(url: str, size: int, rounds: int) -> tuple[str, dict, float]:
    index = PgSearchIndex(url, kept_results=0)
    try:
        rate = timed_rebuild(index, size)
        return f"PostgreSQL {size:,}", run_queries(index, size, rounds), rate
    finally:
        index.close()


if __name__ == "__main__":
    main()
