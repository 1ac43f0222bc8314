"""Benchmark: from a change in the database to a search hit, through the real queue and drain.

    python bench/search_queue.py [--docs 100000] [--rounds 10] [--root DIR] [--keep]

Builds an archive of ``--docs`` generated documents (``bench/search.py``'s generator) with
``SearchIndex.rebuild``, then points a Siaran application (its own SQLite database with
the demo data, ``INDEX_ROOT`` = that archive) at it and measures, ``--rounds`` times each:

- **page → searchable**: a writer's POST of the new-activity form through the Flask test
  client; its commit queues the index drain job, which a job worker (``job_queue.start_embedded``,
  two threads on a SQLite job queue, as ``flask worker`` runs them) takes and runs; the
  search is repeated until the new activity's unique word is found. Also printed: how
  long the POST itself took (the drain is not in it).
- **photo row → searchable**: a ``Media`` row and its queue row committed in one transaction
  (what photo ingest writes; pixels are not processed here), drained by the same worker,
  then searched in the public index (the photo is public).

Prints a Markdown table; asserts nothing.
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from search import generate, machine  # noqa: E402  (bench/search.py)

from press.search import SearchIndex  # noqa: E402


def _ms(seconds: float) -> float:
    return seconds * 1000


def _row(name: str, values: list[float]) -> str:
    return (f"| {name} | {statistics.median(values):.0f} ms | {max(values):.0f} ms | "
            f"{min(values):.0f} ms | {len(values)} |")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--root", default=None, help="folder for the instance (default: a temporary one)")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args(argv)
    root = Path(args.root or tempfile.mkdtemp(prefix="siaran-bench-queue-"))
    root.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}")
    print(f"documents: {args.docs:,}; root: {root}")

    index_root = root / "search"
    index = SearchIndex(index_root)
    if not (index_root / "current").exists():
        t = time.perf_counter()
        index.rebuild(generate(args.docs), progress=lambda n: print(f"\r  indexed {n}", end="", file=sys.stderr, flush=True))
        print(f"\nrebuilt {args.docs:,} documents in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    else:
        print("reusing the index already under --root", file=sys.stderr)

    from datetime import datetime

    from flask_migrate import upgrade
    from sqlalchemy import select

    from press import create_app, job_queue
    from press.demo import DEMO_ACCOUNTS, load_demo
    from press.extensions import db
    from press.models import Media, Unit
    from press.services import indexing

    db_path = root / "bench.db"
    if db_path.exists():
        db_path.unlink()
    app = create_app({"ENV": "testing", "SECRET_KEY": "bench", "DATABASE_URL": f"sqlite:///{db_path}",
                      "INDEX_ROOT": str(index_root), "MEDIA_ROOT": str(root / "media"), "WTF_CSRF_ENABLED": False,
                      "JOBS_URL": f"sqlite:///{root / 'jobs.db'}"})
    with app.app_context():
        upgrade()
        load_demo(db.session)
        db.session.commit()
        unit_id = db.session.scalar(select(Unit.id).limit(1))
        indexing.drain(db.session, app.extensions["search_index"])
    index = app.extensions["search_index"]
    worker = job_queue.start_embedded(app, workers=2)
    staff_docs = len(index.doc_keys(public=False))
    print(f"staff index holds {staff_docs:,} documents", file=sys.stderr)

    def wait_for(word: str, public: bool, start: float) -> float:
        while index.search(word, public=public, per_page=10, facets=True).total == 0:
            if time.perf_counter() - start > 60:
                raise RuntimeError(f"{word} not searchable after 60 s")
        return time.perf_counter() - start

    email, _role, _name, password = next(a for a in DEMO_ACCOUNTS if a[1] == "writer")
    client = app.test_client()
    client.post("/staf/login", data={"email": email, "password": password})

    post_ms, page_ms, photo_ms = [], [], []
    for k in range(args.rounds):
        word = f"antreanunik{k}x{random.randrange(10**6)}"
        start = time.perf_counter()
        response = client.post("/staf/kegiatan/baru", data={
            "title": f"Rapat {word}", "kind": "rapat_koordinasi", "starts_on": "2022-01-20",
            "unit_id": unit_id, "venue_id": 0,
        })
        post_ms.append(_ms(time.perf_counter() - start))
        assert response.status_code == 302, response.status_code
        response.close()
        page_ms.append(_ms(wait_for(word, False, start)))

        word = f"fotounik{k}x{random.randrange(10**6)}"
        start = time.perf_counter()
        with app.app_context():
            media = Media(sha256=f"{random.getrandbits(256):064x}", activity_id=1, mime="image/jpeg", bytes=1,
                          width=4000, height=3000, caption=f"Foto {word} bersama", is_public=True,
                          taken_at=datetime(2022, 1, 20, 9, 30))
            db.session.add(media)
            db.session.flush()
            indexing.enqueue_index(db.session, "media", media.id)
            db.session.commit()
        photo_ms.append(_ms(wait_for(word, True, start)))
    worker.stop(graceful=True)

    print()
    print(f"| through the queue, {staff_docs:,}-document staff index | median | max | min | n |")
    print("| --- | --- | --- | --- | --- |")
    print(_row("activity form POST (response returned)", post_ms))
    print(_row("activity form POST → searchable (staff)", page_ms))
    print(_row("photo row committed → searchable (public)", photo_ms))
    if not args.keep and not args.root:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
