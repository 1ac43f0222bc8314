"""The nothing-lost checks of ``bench/load.py``: after the load, every upload answered as
stored has its row, its original hashing to its key, its renditions made by the job
worker and its document in the staff index; the index queue drained; ``flask media
verify``, ``flask search check`` and ``flask doctor`` clean."""
from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.browser.conftest import LiveServer

REPO = Path(__file__).resolve().parents[2]

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


def run_python(server: LiveServer, code: str, *args: str) -> subprocess.CompletedProcess:
    """A Python snippet in the server's environment (its database, store and index)."""
    return subprocess.run([sys.executable, "-c", code, *args], cwd=REPO, env=server.env, capture_output=True,
                          text=True, check=True, timeout=600)


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
