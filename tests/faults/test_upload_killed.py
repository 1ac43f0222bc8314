"""The server SIGKILLed (master and workers) in the middle of a burst of uploads, then
started again without any repair command: no half file under a real key, no database
row without its blob, no row without renditions but those still "processing" (answered
before their previews), ``flask media verify`` clean; started again, the job worker
finishes the processing photos and the index catches up on its own."""
from __future__ import annotations

import hashlib
import io
import json
import random
import threading
from pathlib import Path

from PIL import Image
from sqlalchemy import text

from press.storage import FileStorage
from tests import databases
from tests.conftest import FIXTURES
from tests.faults.conftest import flask_json, kill_server, staff_session, wait_for

UPLOADERS = 3
PER_UPLOADER = 12


def photos(folder: Path, count: int) -> list[Path]:
    """Distinct JPEGs of 3-4 MP with camera EXIF, made from the shared fixtures (each
    fixture decoded and scaled once, then a few pixels changed per photo)."""
    sources = []
    for path in sorted((FIXTURES / "images").glob("Landscape_*.jpg")):
        with Image.open(path) as image:
            sources.append(image.convert("RGB").resize((2400, 1600)))
    made = []
    for number in range(count):
        image = sources[number % len(sources)].copy()
        rng = random.Random(number)
        pixels = image.load()
        for _ in range(50):
            pixels[rng.randrange(2400), rng.randrange(1600)] = (rng.randrange(256),) * 3
        exif = Image.Exif()
        exif[0x010F], exif[0x0110] = "Canon", "Canon EOS R6"
        exif[0x0132] = "2026:11:20 09:%02d:%02d" % (number % 60, number % 60)
        path = folder / f"burst_{number:02d}.jpg"
        image.save(path, "JPEG", quality=92, exif=exif)
        made.append(path)
    return made


def test_a_server_killed_during_uploads_loses_nothing_it_confirmed_and_leaves_no_half_file(server, tmp_path):
    files = photos(tmp_path, UPLOADERS * PER_UPLOADER)
    confirmed, lock = [], threading.Lock()

    def uploader(batch):
        session = staff_session(server, "photographer")
        session.refresh_token("/staf/kegiatan/1/unggah")
        for path in batch:
            reply = session.upload("/staf/kegiatan/1/unggah", "file", path.name, path.read_bytes())
            if reply.status == 0:
                return  # the server is gone
            if reply.status == 200 and reply.json().get("outcome") == "ingested":
                with lock:
                    confirmed.append(hashlib.sha256(path.read_bytes()).hexdigest())

    threads = [threading.Thread(target=uploader, args=(files[n::UPLOADERS],)) for n in range(UPLOADERS)]
    for thread in threads:
        thread.start()
    assert wait_for(lambda: len(confirmed) >= 4, watch=(server.process,)), "no uploads went through"
    kill_server(server)
    for thread in threads:
        thread.join(timeout=120)
    assert len(confirmed) < len(files), "every upload finished before the kill; nothing was interrupted"

    root = Path(server.env["PRESS_MEDIA_ROOT"])
    store = FileStorage(root)
    # No half file under a real key: every original hashes to its name; no stray files.
    assert [p for p in store.verify() if p.kind in ("corrupt", "stray")] == []
    # No row without its blob; none without renditions but those the job worker had not
    # finished; every confirmed upload has its row.
    rows, statuses, renditions = _rows(server)
    assert set(confirmed) <= set(rows)
    for key, media_id in rows.items():
        assert store.exists(key), f"row {media_id} without its original"
        assert renditions.get(media_id, 0) >= 2 or statuses[media_id] == "processing", \
            f"row {media_id} without its renditions"

    code, verify = flask_json(server, "media", "verify")
    assert code == 0 and verify["ok"], verify

    # Changes whose drain the kill cut off wait in the queue (at least one: made sure of here).
    with databases.connect(server.env["PRESS_DATABASE_URL"]) as con:
        con.execute(text("INSERT INTO index_queue (doc_kind, doc_id, created_at) VALUES ('photo', :id, '2026-11-28')"),
                    [{"id": media_id} for media_id in rows.values()])
    assert _queued(server) >= len(rows)

    # Started again with no repair command: the index catches up on its own.
    server.serve()  # gunicorn and the job worker again on the same instance, without ``flask setup`` (no repair)
    assert wait_for(lambda: "processing" not in _rows(server)[1].values(), watch=(server.job_worker,))
    rows, statuses, renditions = _rows(server)
    for key, media_id in rows.items():
        assert statuses[media_id] == "ok" and renditions.get(media_id, 0) == 2, f"row {media_id} not finished"
        for variant in store.rendition_variants(key):
            with store.open_rendition(key, variant) as handle:
                Image.open(io.BytesIO(handle.read())).verify()
    assert wait_for(lambda: _queued(server) == 0, watch=(server.job_worker,))
    code, check = flask_json(server, "search", "check")  # every photo row in the staff index
    assert code == 0 and check["ok"], check

    # What the kill left (temporary files, a blob whose row never came) the doctor removes.
    code, report = flask_json(server, "doctor", "--repair", "--grace", "0")
    assert code == 0, json.dumps(report, indent=1)
    assert list((root / "tmp").iterdir()) == []


def _rows(server) -> tuple[dict, dict, dict]:
    """The photos' keys -> ids, ids -> status, ids -> count of the two renditions every photo gets (crops and
    print renditions of the demo's photos are not counted)."""
    with databases.connect(server.env["PRESS_DATABASE_URL"]) as con:
        rows = dict(con.execute(text("SELECT sha256, id FROM media")).all())
        statuses = dict(con.execute(text("SELECT id, status FROM media")).all())
        renditions = dict(con.execute(text("SELECT media_id, count(*) FROM rendition WHERE variant IN ('thumb', 'web') "
                                           "GROUP BY media_id")).all())
    return rows, statuses, renditions


def _queued(server) -> int:
    with databases.connect(server.env["PRESS_DATABASE_URL"]) as con:
        return con.execute(text("SELECT count(*) FROM index_queue")).scalar_one()
