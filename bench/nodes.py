"""Benchmark: how soon what one node does shows on the other.

    python bench/nodes.py [--uploads 20] [--publishes 6] [--keep]

Starts the two-node deployment of the tests (``tests/nodes/cluster.py``: gunicorn nodes A
and B with their own instance folders, sharing a throw-away PostgreSQL for the database
and search, a Swift node speaking S3, Redis, and one job worker under
``flask worker --supervise``), then, as a photographer signed in on A:

- **upload → searchable on the other node**: a photo (1600×1200, its caption holding a
  word of its own) uploaded on A; the clock runs from the upload request until B's staff
  search (``/api/v1/search?scope=staff``) finds it, and on until B serves its thumbnail
  (renditions made by the worker, stored in Swift): ``--uploads`` photos;
- the yardstick, interleaved upload by upload: the same photo uploaded on A and looked
  for on A itself, so the only difference is the node that answers;
- **publish → the other node's cached page**: an approved release published on B
  while A's home page is in A's page cache; the clock runs until A's home page lists it
  (the other half of the ``--publishes`` looked for on B itself).

Polls every 20 ms. Prints a table (p50, p95, max in ms) and the load average; asserts nothing.
"""
from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image  # noqa: E402
from sqlalchemy import text  # noqa: E402

from bench.support.httpclient import Session  # noqa: E402
from tests import databases  # noqa: E402
from tests.conftest import EMAILS, PASSWORDS  # noqa: E402
from tests.nodes.cluster import APPROVED_TITLE, two_nodes  # noqa: E402

UPLOAD = "/staf/kegiatan/1/unggah"
POLL_S = 0.02


def photo(seed: int) -> bytes:
    image = Image.effect_noise((1600, 1200), 30 + seed % 50).convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def signed_in(node, role: str) -> Session:
    session = Session(node.url)
    session.login(EMAILS[role], PASSWORDS[role])
    return session


def found(session: Session, node, word: str, media_id: int) -> bool:
    reply = session.get(f"{node.url}/api/v1/search", q=word, scope="staff")
    return reply.status == 200 and any(hit["id"] == media_id for hit in reply.json()["hits"] if hit["kind"] == "photo")


def thumbnail_served(session: Session, node, media_id: int) -> bool:
    reply = session.get(f"{node.url}/staf/foto/status?id={media_id}")
    if reply.status != 200 or not reply.json()["photos"] or reply.json()["photos"][0]["status"] != "ok":
        return False
    return session.get(node.url + reply.json()["photos"][0]["thumb"]).status == 200


def upload_round(session: Session, seen_on, seed: int) -> tuple[float, float, float]:
    """(answered, searchable, thumbnail) in ms after the upload request started."""
    word = "pulau" + uuid.uuid4().hex[:10]
    session.refresh_token(UPLOAD)
    data = photo(seed)
    start = time.perf_counter()
    reply = session.upload(UPLOAD, "file", f"foto{seed}.jpg", data, fields={"caption_prefix": f"Dermaga {word}"})
    answered = time.perf_counter()
    if reply.status != 200:
        raise RuntimeError(f"upload refused: {reply.status} {reply.text[:300]}")
    media_id = reply.json()["media_id"]
    searchable = complete = None
    deadline = start + 120
    while (searchable is None or complete is None) and time.perf_counter() < deadline:
        if searchable is None and found(session, seen_on, word, media_id):
            searchable = time.perf_counter()
        if complete is None and thumbnail_served(session, seen_on, media_id):
            complete = time.perf_counter()
        time.sleep(POLL_S)
    if searchable is None or complete is None:
        raise RuntimeError(f"photo {media_id} not searchable or not complete after 120 s")
    return tuple((moment - start) * 1000 for moment in (answered, searchable, complete))


def home(node) -> str:
    with urllib.request.urlopen(node.url + "/", timeout=30) as answer:
        return answer.read().decode()


def publish_round(editor: Session, database_url: str, number: int, seen_on) -> float:
    """ms from the publish request on B until ``seen_on``'s home page lists the release."""
    title = APPROVED_TITLE if number == 1 else f"{APPROVED_TITLE}, tahap {number}"
    with databases.connect(database_url) as connection:
        release_id = connection.execute(text("SELECT id FROM release WHERE title = :t"), {"t": title}).scalar_one()
    home(seen_on)
    home(seen_on)  # in the page cache now
    editor.refresh_token(f"/staf/siaran/{release_id}/")
    start = time.perf_counter()
    reply = editor.post_form(f"/staf/siaran/{release_id}/alur", {"action": "publish"})
    if reply.status not in (302, 303):
        raise RuntimeError(f"publish refused: {reply.status}")
    while title not in home(seen_on):  # published in order: the first title is in no other until then
        if time.perf_counter() - start > 60:
            raise RuntimeError(f"{title!r} not on the home page after 60 s")
        time.sleep(POLL_S)
    return (time.perf_counter() - start) * 1000


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{statistics.median(ordered):8.0f} {p95:8.0f} {ordered[-1]:8.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uploads", type=int, default=20)
    parser.add_argument("--publishes", type=int, default=6)
    parser.add_argument("--keep", action="store_true", help="keep the servers' folder")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="siaran-bench-nodes-"))
    load_before = os.getloadavg()
    started = time.perf_counter()
    try:
        with two_nodes(root, releases=args.publishes) as cluster:
            up = time.perf_counter() - started
            a, b = cluster.nodes["a"], cluster.nodes["b"]
            photographer = signed_in(a, "photographer")
            upload_round(photographer, b, 0)  # warm-up: each process's first request, the bucket
            rows = {"other": [], "same": []}
            for number in range(1, 2 * args.uploads + 1):
                side = "other" if number % 2 else "same"
                rows[side].append(upload_round(photographer, b if side == "other" else a, number))
            editor = signed_in(b, "editor")
            published = {"other": [], "same": []}
            for number in range(1, args.publishes + 1):
                side = "other" if number % 2 else "same"
                published[side].append(publish_round(editor, cluster.env["PRESS_DATABASE_URL"], number,
                                                      a if side == "other" else b))
            restarts = cluster.log.read_text().count("starting another")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    load_after = os.getloadavg()
    print(f"\nTwo nodes up in {up:.0f} s; load average before {load_before[0]:.1f}, after {load_after[0]:.1f}; "
          f"worker restarts {restarts}\n")
    print(f"{'case':68} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for side, label in (("other", "upload on A, seen on B"), ("same", "yardstick: upload on A, seen on A")):
        answered, searchable, complete = zip(*rows[side])
        count = len(rows[side])
        print(f"{label + f': upload answered ({count})':68} {summary(answered)}")
        print(f"{label + f': searchable ({count})':68} {summary(searchable)}")
        print(f"{label + f': thumbnail served ({count})':68} {summary(complete)}")
    for side, label in (("other", "published on B, on A's cached home page"),
                        ("same", "yardstick: published on B, on B's cached home page")):
        if published[side]:
            print(f"{label + f' ({len(published[side])})':68} {summary(published[side])}")


if __name__ == "__main__":
    main()
