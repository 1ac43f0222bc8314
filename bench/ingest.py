"""Ingest benchmark: the photo stages on 24-megapixel camera-like JPEGs.

    python bench/ingest.py [--photos N] [--workers W] [--keep]

Generates N photo-like 6000x4000 JPEGs (quality 92, gradients + shapes + sensor
noise, camera EXIF with orientation, GPS, serial number) under bench/out/, then prints
per-stage milliseconds, photos/second on one core and on all cores, peak RSS per
worker (VmHWM), and two yardsticks on the same files: the floor (Pillow decoding at 1/8 scale
through ``draft``, nothing else) and libvips shrink-on-load when pyvips imports.

The ``database`` column is a real SQLite insert + commit of the photo's row (WAL, one
shared file, one connection per worker), standing in for the caller's database work.

Workers are spawned (fresh interpreters, so their memory is their own) and warmed up
before the clock starts. Memory is reported three ways: workers importing
``press.photos.worker`` as ``flask media import``'s workers do (``press/__init__`` no
longer imports Flask: that happens inside ``create_app``), workers that load
``press.photos`` without running the package ``__init__`` at all, and the workers of a
real ``flask media import`` run over the same files (sampled from /proc).
"""
from __future__ import annotations

import argparse
import importlib
import json
import multiprocessing
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import types
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from PIL import Image  # noqa: E402

from bench.support.ingest_photos import OUT, QUALITY, generate  # noqa: E402

SIZES = {"thumb": 400, "web": 1600}
STAGES = ("hash", "exif", "decode", "renditions", "database")


_db = None
_worker = {}


def _init_worker(light: bool) -> None:
    """Import the stages once per worker. ``light`` skips ``press/__init__`` altogether;
    otherwise the worker imports ``press.photos.worker`` as ``flask media import``'s
    workers do (``press/__init__`` imports Flask and the web layer only in ``create_app``)."""
    sys.path.insert(0, str(REPO))
    if light:
        package = types.ModuleType("press")
        package.__path__ = [str(REPO / "press")]
        sys.modules["press"] = package
    else:
        importlib.import_module("press.photos.worker")
    process = importlib.import_module("press.photos.process")
    storage = importlib.import_module("press.storage")
    max_pixels = importlib.import_module("press.config").DEFAULTS["MAX_IMAGE_PIXELS"]
    _worker.update(process_photo=process.process_photo, FileStorage=storage.FileStorage, max_pixels=max_pixels,
                   baseline_mb=_maxrss(), flask_loaded="flask" in sys.modules)


def _warm(_):
    time.sleep(0.3)
    return os.getpid()


def _database(db_path: str) -> sqlite3.Connection:
    global _db
    if _db is None:
        _db = sqlite3.connect(db_path, timeout=30)
        _db.execute("PRAGMA journal_mode=WAL")
        _db.execute(
            "CREATE TABLE IF NOT EXISTS media (key TEXT PRIMARY KEY, mime TEXT, bytes INT,"
            " width INT, height INT, exif TEXT, dhash TEXT, sharpness REAL, renditions TEXT)"
        )
    return _db


def ingest_one(path: str, store_root: str, db_path: str) -> dict:
    storage = _worker["FileStorage"](store_root)
    photo = _worker["process_photo"](path, storage, sizes=SIZES, max_bytes=200_000_000,
                                    max_pixels=_worker["max_pixels"])
    start = time.perf_counter()
    db = _database(db_path)
    db.execute(
        "INSERT OR REPLACE INTO media VALUES (?,?,?,?,?,?,?,?,?)",
        (photo.key, photo.mime, photo.bytes, photo.width, photo.height,
         json.dumps(vars(photo.exif), default=str), photo.dhash, photo.sharpness,
         json.dumps(photo.renditions)),
    )
    db.commit()
    timings = dict(photo.timings_ms, database=(time.perf_counter() - start) * 1000)
    return {"timings": timings, "maxrss_mb": _maxrss(), "baseline_mb": _worker["baseline_mb"],
            "flask_loaded": _worker["flask_loaded"]}


def floor_one(path: str) -> float:
    start = time.perf_counter()
    with Image.open(path) as image:
        image.draft("RGB", (image.width // 8, image.height // 8))
        image.load()
    return (time.perf_counter() - start) * 1000


def vips_one(path: str) -> float:
    import pyvips

    start = time.perf_counter()
    # The same two renditions as ours: web from the file (JPEG shrink-on-load, upright),
    # thumb from the web image; both encoded.
    web = pyvips.Image.thumbnail(path, SIZES["web"], height=SIZES["web"], size="down").copy_memory()
    web.write_to_buffer(".jpg[Q=85]")
    web.thumbnail_image(SIZES["thumb"], height=SIZES["thumb"], size="down").write_to_buffer(".jpg[Q=85]")
    return (time.perf_counter() - start) * 1000


def _maxrss() -> float:
    """Peak RSS of this process in MB. VmHWM, because ru_maxrss survives exec and so
    reports the parent's size in a freshly spawned worker."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- runs ---------------------------------------------------------------------------


def run_pool(paths, workers: int, scratch: Path, label: str, light: bool = False) -> dict:
    store = scratch / f"store-{label}"
    db_path = str(scratch / "bench.sqlite3")
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(light,)) as pool:
        list(pool.map(_warm, range(workers)))
        start = time.perf_counter()
        results = list(pool.map(ingest_one, map(str, paths), [str(store)] * len(paths), [db_path] * len(paths)))
        elapsed = time.perf_counter() - start
    return {"results": results, "elapsed": elapsed, "rate": len(paths) / elapsed}


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(x) for x in handle.read().split()]
    except OSError:
        pass
    return found


def _hwm_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_cli(paths, workers: int, scratch: Path) -> dict:
    """The real thing: ``flask media import`` of the photos into a fresh demo instance
    (database rows, tags, audit, index queue included), its workers' peak memory sampled
    from /proc while it runs. Wall time includes the command's start-up."""
    folder = scratch / "cli-in"
    folder.mkdir()
    for path in paths:
        os.symlink(path, folder / path.name)
    env = dict(os.environ, PRESS_ENV="development", PRESS_SECRET_KEY="bench",
               PRESS_DATABASE_URL=f"sqlite:///{scratch / 'cli.sqlite3'}", PRESS_MEDIA_ROOT=str(scratch / "cli-store"),
               PRESS_INDEX_ROOT=str(scratch / "cli-index"), FLASK_APP="press")
    flask = [sys.executable, "-m", "flask"]
    subprocess.run(flask + ["setup"], cwd=REPO, env=env, check=True, capture_output=True)
    command = flask + ["media", "import", str(folder), "--activity", "1", "--workers", str(workers), "--json"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    peaks: dict[int, float] = {}
    parent_peak = 0.0
    while process.poll() is None:
        stack = _children(process.pid)
        while stack:
            pid = stack.pop()
            stack += _children(pid)
            value = _hwm_mb(pid)
            if value:
                peaks[pid] = max(value, peaks.get(pid, 0.0))
        parent_peak = max(parent_peak, _hwm_mb(process.pid) or 0.0)
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    outcomes = [json.loads(line)["outcome"] for line in process.stdout.read().decode().splitlines()]
    workers_mb = sorted(peaks.values())[-workers:]  # the largest children are the workers
    return {"elapsed": elapsed, "rate": len(paths) / elapsed, "outcomes": outcomes,
            "worker_peak": max(workers_mb) if workers_mb else float("nan"), "parent_peak": parent_peak}


def run_floor(paths) -> list[float]:
    floor_one(str(paths[0]))
    return [floor_one(str(p)) for p in paths]


def run_vips(paths):
    try:
        import pyvips  # noqa: F401
    except Exception:
        return None
    vips_one(str(paths[0]))
    return [vips_one(str(p)) for p in paths]


def machine() -> dict:
    model = "unknown"
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        model = next(l.split(":", 1)[1].strip() for l in lscpu.splitlines() if l.startswith("Model name"))
    except (OSError, StopIteration):
        pass
    return {"nproc": os.cpu_count(), "cpu": model, "python": platform.python_version(),
            "pillow": Image.__version__}


# -- report -------------------------------------------------------------------------


def report(paths, one, many, light, floor, vips, workers, cli=None) -> str:
    mean = lambda values: statistics.fmean(values) if values else float("nan")  # noqa: E731
    rows = [r["timings"] for r in one["results"]]
    per_stage = {s: mean([r.get(s, 0.0) for r in rows]) for s in STAGES}
    total = sum(per_stage.values())
    floor_ms = mean(floor)
    mb = os.path.getsize(paths[0]) / 1e6
    peak = max(r["maxrss_mb"] for r in one["results"] + many["results"])
    base = max(r["baseline_mb"] for r in one["results"] + many["results"])
    light_peak = max(r["maxrss_mb"] for r in light["results"])
    light_base = max(r["baseline_mb"] for r in light["results"])
    speedup = many["rate"] / one["rate"]
    lines = [
        f"{len(paths)} photos, 6000x4000 JPEG q{QUALITY} (~{mb:.1f} MB each), renditions {SIZES}",
        "",
        "| photo | " + " | ".join(STAGES) + " | total ms |",
        "|---|" + "---:|" * (len(STAGES) + 1),
    ]
    for path, row in zip(paths, rows):
        cells = " | ".join(f"{row.get(s, 0.0):.1f}" for s in STAGES)
        lines.append(f"| {path.name} | {cells} | {sum(row.get(s, 0.0) for s in STAGES):.1f} |")
    lines.append("| **mean, 1 worker** | " + " | ".join(f"**{per_stage[s]:.1f}**" for s in STAGES) + f" | **{total:.1f}** |")
    busy = {s: mean([r["timings"].get(s, 0.0) for r in many["results"]]) for s in STAGES}
    lines.append(f"| mean, {workers} workers | " + " | ".join(f"{busy[s]:.1f}" for s in STAGES)
                 + f" | {sum(busy.values()):.1f} |")
    vips_text = "not installed" if vips is None else f"{mean(vips):.1f} ms/photo ({1000 / mean(vips):.2f} photos/s)"
    lines += [
        "",
        "| measure | value | target |",
        "|---|---:|---|",
        f"| one core (1 worker) | {one['rate']:.2f} photos/s | |",
        f"| all cores ({workers} workers) | {many['rate']:.2f} photos/s | |",
        f"| all cores / one core | {speedup:.2f}x | >= 1.6x: {'met' if speedup >= 1.6 else 'NOT met'} |",
        f"| floor: Pillow draft 1/8 decode | {floor_ms:.1f} ms/photo ({1000 / floor_ms:.2f} photos/s) | |",
        f"| whole ingest / floor | {total / floor_ms:.2f}x | <= 3.5x: {'met' if total / floor_ms <= 3.5 else 'NOT met'} |",
        f"| peak RSS per worker, `press.photos.worker` (Flask loaded: "
        f"{'yes' if any(r.get('flask_loaded') for r in one['results']) else 'no'}) | {peak:.0f} MB (after imports: {base:.0f} MB) "
        f"| < 120 MB: {'met' if peak < 120 else 'NOT met'} |",
        f"| peak RSS per worker, photo stages only | {light_peak:.0f} MB (after imports: {light_base:.0f} MB) "
        f"| < 120 MB: {'met' if light_peak < 120 else 'NOT met'} |",
        f"| libvips: the two renditions (shrink-on-load) | {vips_text} | yardstick |",
    ]
    if vips is not None:
        ratio = total / mean(vips)
        lines.append(f"| whole ingest / libvips | {ratio:.2f}x | <= 1.15x: {'met' if ratio <= 1.15 else 'NOT met'} |")
    if cli is not None:
        ingested = cli["outcomes"].count("ingested")
        lines += [
            f"| `flask media import --workers {workers}`, wall time incl. start-up | {cli['elapsed']:.1f} s for "
            f"{len(paths)} photos ({cli['rate']:.2f} photos/s, {ingested} ingested) | |",
            f"| peak RSS per worker in `flask media import` | {cli['worker_peak']:.0f} MB "
            f"(parent: {cli['parent_peak']:.0f} MB) | < 120 MB: {'met' if cli['worker_peak'] < 120 else 'NOT met'} |",
        ]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=12)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", action="store_true", help="keep the scratch store")
    args = parser.parse_args(argv)

    print(f"generating {args.photos} photos under {OUT} ...", file=sys.stderr)
    paths = generate(args.photos)
    load_before = os.getloadavg()[0]
    scratch = Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    try:
        print("floor ...", file=sys.stderr)
        floor = run_floor(paths)
        print("one core ...", file=sys.stderr)
        one = run_pool(paths, 1, scratch, "one")
        print(f"{args.workers} workers ...", file=sys.stderr)
        many = run_pool(paths, args.workers, scratch, "many")
        print("one light worker (memory) ...", file=sys.stderr)
        light = run_pool(paths, 1, scratch, "light", light=True)
        vips = run_vips(paths)
        print(f"flask media import, {args.workers} workers ...", file=sys.stderr)
        cli = run_cli(paths, args.workers, scratch)
    finally:
        if not args.keep:
            import shutil

            shutil.rmtree(scratch, ignore_errors=True)
    info = machine()
    print(f"machine: {info['nproc']} CPUs, {info['cpu']}, Python {info['python']}, Pillow {info['pillow']}")
    print("load average before/after: %.2f / %.2f (other processes share these CPUs)" % (load_before, os.getloadavg()[0]))
    print(report(paths, one, many, light, floor, vips, args.workers, cli))
    return 0


if __name__ == "__main__":
    sys.exit(main())
