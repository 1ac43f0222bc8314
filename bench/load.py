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

The photos (varied 3200×2400 JPEGs, ~2-3 MB, camera EXIF with time, camera, lens, GPS)
are generated once into ``bench/out/load/`` before anything is timed.

It prints a table per request kind (requests, errors, throughput, p50/p95/p99 latency),
then the nothing-lost table (PASS/FAIL): every upload answered as stored, every photo's
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
import multiprocessing
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.support.httpclient import Session  # noqa: E402
from tests.browser.conftest import LiveServer  # noqa: E402  (``flask setup`` then gunicorn on a fresh instance)

OUT = REPO / "bench" / "out" / "load"
SIZE = (3200, 2400)
QUALITY = 90
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

STAFF_INDEX_CHECK = r"""
import json, sys
from press import create_app
from press.extensions import db
from press.models import Media
from press.search import SearchIndex, doc_key
app = create_app()
keys = json.load(open(sys.argv[1]))
with app.app_context():
    ids = dict(db.session.execute(db.select(Media.sha256, Media.id).where(Media.sha256.in_(keys))).all())
    index = SearchIndex(app.config["INDEX_ROOT"])
    expected = {doc_key("photo", i) for i in ids.values()}
    drift = index.check(expected, set())
    print(json.dumps({"rows": len(ids), "missing_staff": sorted(drift.missing_staff)}))
"""


# -- photos ---------------------------------------------------------------------------

def _photo(seed: int):
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    rng = random.Random(seed)
    small = (640, 480)
    channels = [Image.linear_gradient("L").rotate(rng.uniform(0, 360)).resize(small) for _ in range(3)]
    base = Image.merge("RGB", channels)
    draw = ImageDraw.Draw(base)
    for _ in range(30):
        x, y, r = rng.randrange(small[0]), rng.randrange(small[1]), rng.randrange(10, 120)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    base = base.filter(ImageFilter.GaussianBlur(1.5)).resize(SIZE, Image.Resampling.BICUBIC)
    grain = Image.effect_noise(SIZE, 12)
    base = ImageChops.add(base, Image.merge("RGB", (grain, grain, grain)), 1.0, -128)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = rng.choice([("Canon", "Canon EOS R6"), ("NIKON CORPORATION", "NIKON Z 6_2"),
                                             ("SONY", "ILCE-7M3")])
    exif[0x0132] = "2026:11:%02d %02d:%02d:%02d" % (1 + seed % 28, 8 + seed % 9, seed % 60, rng.randrange(60))
    sub = exif.get_ifd(0x8769)
    sub[0x9003], sub[0x9011] = exif[0x0132], "+07:00"
    sub[0x829A], sub[0x829D], sub[0x8827], sub[0x920A] = 1 / 250, 5.6, rng.choice([200, 400, 800]), 50.0
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "S", (6.0, 14.0, 10.0 + (seed % 400) / 10)
    gps[3], gps[4] = "E", (106.0, 59.0, 30.0 + (seed % 300) / 10)
    return base, exif


def _generate_one(seed: int) -> str:
    path = OUT / f"load_{seed:03d}.jpg"
    if not path.exists():
        image, exif = _photo(seed)
        tmp = path.with_suffix(".part")
        image.save(tmp, "JPEG", quality=QUALITY, exif=exif)
        os.replace(tmp, path)
    return str(path)


def generate(count: int) -> list[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(mp_context=multiprocessing.get_context("spawn")) as pool:
        return [Path(p) for p in pool.map(_generate_one, range(count))]


# -- the server -----------------------------------------------------------------------

def run_python(server: LiveServer, code: str, *args: str) -> subprocess.CompletedProcess:
    """A Python snippet in the server's environment (its database, store and index)."""
    return subprocess.run([sys.executable, "-c", code, *args], cwd=REPO, env=server.env, capture_output=True,
                          text=True, check=True, timeout=600)


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


def nothing_lost(server: LiveServer, results: list[dict], expected: int,
                 processed: tuple[str, bool, str]) -> list[tuple[str, bool, str]]:
    checks = []
    stored = [r for r in results if r["ok"]]
    keys = sorted({r["sha256"] for r in results})
    ingested = sum(r["outcome"] == "ingested" for r in results)
    checks.append(("every upload answered as stored", len(stored) == expected == len(results),
                   f"{len(stored)}/{expected} ({ingested} ingested, {len(stored) - ingested} duplicate)"))
    with sqlite3.connect(server.root / "siaran.db") as con:
        rows = {k for (k,) in con.execute("SELECT sha256 FROM media")}
    missing_rows = [k for k in keys if k not in rows]
    checks.append(("every photo has its database row", not missing_rows, f"{len(keys) - len(missing_rows)}/{len(keys)}"))
    bad_blobs = []
    for key in keys:
        path = server.root / "media" / "originals" / key[:2] / key[2:4] / key
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != key:
            bad_blobs.append(key)
    checks.append(("every original in the store, hashing to its key", not bad_blobs,
                   f"{len(keys) - len(bad_blobs)}/{len(keys)}"))
    checks.append(processed)
    # The index catches up on its own (the job worker drains it): wait for the queue.
    deadline = time.monotonic() + 120
    queued = None
    while time.monotonic() < deadline:
        with sqlite3.connect(server.root / "siaran.db") as con:
            queued = con.execute("SELECT count(*) FROM index_queue").fetchone()[0]
        if queued == 0:
            break
        time.sleep(0.5)
    checks.append(("index queue drained by the job worker", queued == 0, f"{queued} rows left"))
    keyfile = server.root / "keys.json"
    keyfile.write_text(json.dumps(keys))
    staff = json.loads(run_python(server, STAFF_INDEX_CHECK, str(keyfile)).stdout.strip().splitlines()[-1])
    checks.append(("every photo in the staff index", not staff["missing_staff"] and staff["rows"] == len(keys),
                   f"{staff['rows'] - len(staff['missing_staff'])}/{len(keys)}"))
    commands = [("search", "check")]
    if "verify" in server.flask("media", "--help", check=False).stdout:
        commands.insert(0, ("media", "verify"))
    else:
        checks.append(("flask media verify clean", False, "the command does not exist"))
    commands.append(("doctor",))
    for command in commands:
        result = server.flask(*command, check=False)
        last = (result.stdout.strip().splitlines() or [result.stderr.strip()[-200:]])[-1]
        checks.append((f"flask {' '.join(command)} clean", result.returncode == 0, last[:120]))
    return checks


def processed_check(server: LiveServer, keys: list[str], timeout: float = 900) -> tuple[str, bool, str]:
    """Wait for the job worker to finish every uploaded photo (renditions made)."""
    started = time.monotonic()
    marks = ",".join("?" * len(keys))
    while True:
        with sqlite3.connect(server.root / "siaran.db") as con:
            statuses = dict(con.execute(f"SELECT status, count(*) FROM media WHERE sha256 IN ({marks}) GROUP BY status",
                                        keys).fetchall())
            whole = con.execute(f"SELECT count(DISTINCT media.id) FROM media JOIN rendition ON rendition.media_id = "
                                f"media.id WHERE media.sha256 IN ({marks})", keys).fetchone()[0]
        if not statuses.get("processing") or time.monotonic() - started > timeout:
            break
        time.sleep(0.5)
    waited = time.monotonic() - started
    ok = statuses.get("ok", 0) == len(keys) == whole
    return ("every photo processed by the job worker", ok,
            f"{statuses.get('ok', 0)}/{len(keys)} ok with renditions, {waited:.0f} s after the last upload answer")


def check_table(checks) -> str:
    lines = ["\nNothing lost:", "| check | result | detail |", "| --- | --- | --- |"]
    for name, ok, detail in checks:
        lines.append(f"| {name} | {'PASS' if ok else 'FAIL'} | {detail} |")
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
