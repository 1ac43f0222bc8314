"""Mixed load on a real server, then the nothing-lost check.

Starts Siaran with gunicorn (by default as the README's production section says:
``--worker-class gthread``, 2 workers × 4 threads) and ``flask worker --nice 10`` on
127.0.0.1 on a fresh instance (``flask setup`` with the demo data, 8 photographer accounts
created), then runs a bounded load:

- PHOTOGRAPHERS sessions (default 8), each logged in as its own photographer, upload
  PHOTOS_EACH photos (default 25) to the demo activities, one file per POST as the upload
  page's script does (multipart, CSRF token in ``X-CSRFToken``, JSON answer);
- VISITORS sessions (default 30) read the public site meanwhile — home, archive, the
  published release, a photo page, the RSS feed — and search (``/cari`` and
  ``/api/v1/search`` with Indonesian words), until the photographers are done and the
  job worker has processed every photo they uploaded.

The photos (varied 3200×2400 JPEGs, ~2-3 MB, camera EXIF with time, camera, lens, GPS:
``bench/support/load_photos.py``) are generated once into ``bench/out/load/`` before
anything is timed.

It prints a table per request kind (requests, errors, throughput, p50/p95/p99 latency),
then the nothing-lost table (PASS/FAIL, ``bench/support/nothing_lost.py``): every upload answered as stored, every photo's
row in the database, its original in the store hashing to its key, every photo processed
by the job worker (status ``ok`` with its renditions; how long after the last upload
answer the last one was done), its document in the staff index; ``flask media verify`` (when the command exists), ``flask search check`` and
``flask doctor`` clean. Exit status 1 when a check fails.

Run: python bench/load.py [--photographers 8] [--photos-each 25] [--visitors 30]
     [--workers 2] [--worker-class gthread] [--threads 4] [--job-nice 10]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.support.httpclient import Session  # noqa: E402
from bench.support.load_photos import OUT, generate  # noqa: E402
from bench.support.nothing_lost import check_table, nothing_lost, processed_check, run_python  # noqa: E402
from tests.browser.conftest import LiveServer  # noqa: E402  (``flask setup`` then gunicorn on a fresh instance)

WORDS = ["kunjungan", "berkunjung", "ppid", "bekasi", "rapat koordinasi", "wali kota", "subang", "informasi publik",
         "humas", "jembatan", "kunjungan kerja"]
PASSWORD = "load-photographer-2026"
UPLOAD_FIELDS = ("file", "photo", "files", "foto")

FIND_UPLOAD = r"""
import json
from press import create_app
app = create_app()
found = []
for rule in app.url_map.iter_rules():
    if "POST" in rule.methods and rule.endpoint.startswith(("photos.", "media.")) and "upload" in rule.endpoint.lower() + rule.rule.lower() or "unggah" in rule.rule:
        found.append({"rule": rule.rule, "endpoint": rule.endpoint, "args": sorted(rule.arguments)})
print(json.dumps(found))
"""


# -- the load -------------------------------------------------------------------------

class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.examples: dict[str, str] = {}

    def add(self, kind: str, reply, ok: bool) -> None:
        with self.lock:
            self.samples[kind].append(reply.seconds)
            if not ok:
                self.errors[kind] += 1
                self.examples.setdefault(kind, f"{reply.status} {reply.error or reply.text[:160]!r}")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def upload_target(server: LiveServer) -> tuple[str, list[str]]:
    found = json.loads(run_python(server, FIND_UPLOAD).stdout.strip().splitlines()[-1])
    if not found:
        raise SystemExit("No photo upload endpoint (a POST rule of the photos blueprint) exists yet: "
                         "the load needs press/web/photos.py.")
    rule = found[0]
    return rule["rule"], rule["args"]


def upload_field(page: str) -> str:
    names = re.findall(r'<input[^>]*type="file"[^>]*name="([^"]+)"', page) + \
        re.findall(r'<input[^>]*name="([^"]+)"[^>]*type="file"', page)
    return names[0] if names else UPLOAD_FIELDS[0]


def photographer(server, number, activity_ids, rule, files, recorder, results, upload_page):
    session = Session(server.url, timeout=600)
    session.login(f"fotografer{number}@load.test", PASSWORD)
    activity = activity_ids[number % len(activity_ids)]
    path = re.sub(r"<(?:\w+:)?activity_id>", str(activity), rule)
    page_url = upload_page.replace("<activity_id>", str(activity)) if upload_page else f"/staf/kegiatan/{activity}"
    page = session.get(page_url)
    session.refresh_token(page_url)
    field = upload_field(page.text)
    for file in files:
        data = file.read_bytes()
        reply = session.upload(path, field, file.name, data)
        outcome = None
        try:
            outcome = reply.json()
        except ValueError:
            pass
        ok = reply.status == 200 and isinstance(outcome, dict) and _outcome(outcome) in ("ingested", "duplicate")
        recorder.add("upload (POST, one photo)", reply, ok)
        results.append({"file": file.name, "sha256": hashlib.sha256(data).hexdigest(), "status": reply.status,
                        "outcome": _outcome(outcome) if isinstance(outcome, dict) else None, "ok": ok})


def _outcome(answer: dict) -> str | None:
    for key in ("outcome", "status", "result"):
        if isinstance(answer.get(key), str):
            return answer[key]
    return None


def visitor(server, number, pages, stop, recorder, limit, think=0.0):
    rng = random.Random(number)
    session = Session(server.url)
    done = 0
    while not stop.is_set() and done < limit:
        kind, path = rng.choice(pages)
        if kind.startswith("search"):
            word = rng.choice(WORDS)
            path = path + urllib.parse.quote(word)
        reply = session.get(path)
        recorder.add(kind, reply, reply.status == 200)
        done += 1
        if think:
            stop.wait(rng.uniform(0, 2 * think))


def visitor_pages(server: LiveServer) -> list[tuple[str, str]]:
    probe = Session(server.url)
    home = probe.get("/").text
    release = re.search(r'href="(/siaran/[^"#?]+)"', home)
    pages = [("home /", "/"), ("archive /arsip", "/arsip"), ("feed /feed.xml", "/feed.xml"),
             ("search page /cari", "/cari?q="), ("search API /api/v1/search", "/api/v1/search?q=")]
    if release:
        pages.append(("release /siaran/…", release.group(1)))
    # Weights: reading is more common than searching.
    return pages + [p for p in pages if p[0].startswith(("home", "release"))]


def run(args) -> int:
    total = args.photographers * args.photos_each
    print(f"Generating {total} photos into {OUT} (cached)…", flush=True)
    started = time.perf_counter()
    files = generate(total)
    sizes = [f.stat().st_size for f in files]
    print(f"  {len(files)} photos, {statistics.mean(sizes) / 2**20:.1f} MB average "
          f"({min(sizes) / 2**20:.1f}-{max(sizes) / 2**20:.1f}), {time.perf_counter() - started:.0f} s", flush=True)

    root = Path(tempfile.mkdtemp(prefix="siaran-load-"))
    gunicorn_args = ("--worker-class", args.worker_class) + (
        ("--threads", str(args.threads)) if args.worker_class == "gthread" else ())
    server = LiveServer(root, workers=args.workers, gunicorn_args=gunicorn_args,
                        worker_args=("--nice", str(args.job_nice)) if args.job_nice else ())
    try:
        server.start()
        for n in range(args.photographers):
            server.flask("users", "create", "--role", "photographer", f"fotografer{n}@load.test",
                         "--name", f"Fotografer {n}", "--password", PASSWORD)
        activity_ids = [a["id"] for a in _json_lines(server.flask("activities", "list", "--json").stdout)]
        rule, _args = upload_target(server)
        pages = visitor_pages(server)
        recorder, results, stop = Recorder(), [], threading.Event()
        batches = [files[n * args.photos_each:(n + 1) * args.photos_each] for n in range(args.photographers)]
        print(f"Load: {args.photographers} photographers × {args.photos_each} photos to {rule} "
              f"(activities {activity_ids}), {args.visitors} visitors (think {args.think:g} s), "
              f"gunicorn -w {args.workers} {' '.join(gunicorn_args)} on {server.url}, flask worker "
              f"--nice {args.job_nice}; load average before: {os.getloadavg()[0]:.2f}",
              flush=True)
        start = time.perf_counter()
        uploaders = [threading.Thread(target=photographer, args=(server, n, activity_ids, rule, batches[n], recorder,
                                                                  results, None)) for n in range(args.photographers)]
        readers = [threading.Thread(target=visitor, args=(server, n, pages, stop, recorder, args.visitor_limit,
                                                               args.think))
                   for n in range(args.visitors)]
        for thread in uploaders + readers:
            thread.start()
        for thread in uploaders:
            thread.join()
        uploads_done = time.perf_counter() - start
        # Readers go on while the job worker renders what was uploaded: they must not wait behind it either.
        processed = processed_check(server, sorted({r["sha256"] for r in results}))
        print(f"uploads answered after {uploads_done:.1f} s; photos processed {processed[2]}", flush=True)
        stop.set()
        for thread in readers:
            thread.join()
        elapsed = time.perf_counter() - start
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        print(load_table(recorder, elapsed))
        checks = nothing_lost(server, results, total, processed)
        print(check_table(checks))
        if args.json:
            Path(args.json).write_text(json.dumps({"elapsed": elapsed, "uploads_done": uploads_done, "kinds": summary(recorder, elapsed),
                                                   "checks": checks, "examples": recorder.examples}, indent=2))
        return 0 if all(c[1] for c in checks) else 1
    finally:
        server.stop()
        if args.keep:
            print(f"Instance kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


def _json_lines(text: str) -> list[dict]:
    text = text.strip()
    if text.startswith("["):
        return json.loads(text)
    return [json.loads(line) for line in text.splitlines() if line.strip().startswith("{")]


def summary(recorder: Recorder, elapsed: float) -> dict:
    out = {}
    for kind, values in sorted(recorder.samples.items()):
        out[kind] = {"requests": len(values), "errors": recorder.errors.get(kind, 0),
                     "per_s": len(values) / elapsed, "p50": percentile(values, 50),
                     "p95": percentile(values, 95), "p99": percentile(values, 99)}
    return out


def load_table(recorder: Recorder, elapsed: float) -> str:
    rows = summary(recorder, elapsed)
    lines = [f"\nLoad: {elapsed:.1f} s wall clock",
             "| request kind | requests | errors | per second | p50 ms | p95 ms | p99 ms |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    everything = []
    for kind, row in rows.items():
        everything += recorder.samples[kind]
        lines.append(f"| {kind} | {row['requests']} | {row['errors']} | {row['per_s']:.1f} | "
                     f"{row['p50'] * 1000:.0f} | {row['p95'] * 1000:.0f} | {row['p99'] * 1000:.0f} |")
    errors = sum(recorder.errors.values())
    lines.append(f"| **all** | {len(everything)} | {errors} | {len(everything) / elapsed:.1f} | "
                 f"{percentile(everything, 50) * 1000:.0f} | {percentile(everything, 95) * 1000:.0f} | "
                 f"{percentile(everything, 99) * 1000:.0f} |")
    for kind, example in recorder.examples.items():
        lines.append(f"first error of {kind}: {example}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photographers", type=int, default=8)
    parser.add_argument("--photos-each", type=int, default=25)
    parser.add_argument("--visitors", type=int, default=30)
    parser.add_argument("--visitor-limit", type=int, default=2000, help="requests per visitor at most")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--worker-class", default="gthread", help="gunicorn worker class (sync, gthread)")
    parser.add_argument("--threads", type=int, default=4, help="threads per gthread worker")
    parser.add_argument("--job-nice", type=int, default=10, help="flask worker --nice (0: same priority as the web)")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean pause of a visitor between requests, seconds (0: back to back)")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    parser.add_argument("--keep", action="store_true", help="keep the instance folder")
    parser.add_argument("--generate-only", action="store_true", help="only generate the photos")
    args = parser.parse_args(argv)
    if args.generate_only:
        generate(args.photographers * args.photos_each)
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
