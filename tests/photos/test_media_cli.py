"""``flask media import|verify|rebuild-renditions``, and an import killed half way."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from press.demo import demo_photo_jpeg
from press.extensions import db
from press.models import Activity, Media
from press.storage import FileStorage
from tests import databases

from .conftest import BROKEN, EXPECTED, FIXTURES, IMAGES
from .test_photo_fixtures import BROKEN_OUTCOMES

REPO = Path(__file__).resolve().parents[2]
KEYS = {"file", "outcome", "reason", "media_id", "exif", "width", "height", "renditions"}
EXIF_KEYS = {"taken_at", "make", "model", "orientation", "gps_lat", "gps_lon"}


def activity_id(app) -> int:
    with app.app_context():
        return db.session.scalar(select(Activity.id).order_by(Activity.id).limit(1))


def lines(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


@pytest.fixture
def mixed_folder(tmp_path) -> Path:
    """Every good and broken fixture, and one good file twice under another name."""
    folder = tmp_path / "batch"
    for path in IMAGES + BROKEN:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURES / path, target)
    shutil.copy(FIXTURES / "images" / "r_canon.jpg", folder / "images" / "zz_copy_of_r_canon.jpg")
    return folder


def test_import_json_on_all_cores_reports_every_file_with_its_facts(app, runner, mixed_folder):
    result = runner.invoke(args=["media", "import", str(mixed_folder), "--activity", str(activity_id(app)),
                                 "--as", "fotografer@siaran.test", "--json", "--workers", "2"])
    rows = {row["file"]: row for row in lines(result)}
    assert set(rows) == set(IMAGES + BROKEN) | {"images/zz_copy_of_r_canon.jpg"}
    root = app.config["MEDIA_ROOT"]
    for path in IMAGES:
        row, expected = rows[path], EXPECTED[path]
        assert set(row) == KEYS and set(row["exif"]) == EXIF_KEYS
        assert row["outcome"] == "ingested" and row["reason"] is None and row["media_id"]
        assert row["exif"]["make"] == (expected["make"] or None)
        assert row["exif"]["model"] == (expected["model"] or None)
        assert row["exif"]["orientation"] == (expected["orientation"] if expected["orientation"] in range(1, 9) else 1)
        if expected["datetime_original"]:
            written = datetime.strptime(expected["datetime_original"][:19], "%Y:%m:%d %H:%M:%S")
            assert row["exif"]["taken_at"][:19] == written.isoformat()
        else:
            assert row["exif"]["taken_at"] is None
        for name in ("gps_lat", "gps_lon"):
            if expected[name] is None:
                assert row["exif"][name] is None
            else:
                assert round(row["exif"][name], 5) == round(expected[name], 5)
        assert [row["width"], row["height"]] == expected["display_size"]
        assert set(row["renditions"]) == {"thumb", "web"}
        assert all(not os.path.isabs(p) and os.path.isfile(os.path.join(root, p)) for p in row["renditions"].values())
    for path in BROKEN:
        row = rows[path]
        assert set(row) == KEYS
        if BROKEN_OUTCOMES[path] in ("ok", "metadata_only"):
            assert row["outcome"] == "ingested"
        else:
            assert row["outcome"] == "rejected" and row["media_id"] is None
            assert len(row["reason"]) > 15 and row["reason"].endswith((".", ")"))
    copy = rows["images/zz_copy_of_r_canon.jpg"]
    assert copy["outcome"] == "duplicate" and copy["media_id"] == rows["images/r_canon.jpg"]["media_id"]
    with app.app_context():
        media = db.session.get(Media, rows["images/r_canon.jpg"]["media_id"])
        assert media.credit == "Dok. Humas Pemkot Bekasi" and media.activity_id == activity_id(app)
    verify = runner.invoke(args=["media", "verify"])
    assert verify.exit_code == 0 and "clean" in verify.output


def test_import_summary_counts_and_reasons(app, runner, mixed_folder):
    result = runner.invoke(args=["media", "import", str(mixed_folder), "--activity", str(activity_id(app)),
                                 "--workers", "1"])
    assert result.exit_code == 0, result.output
    ingested = len(IMAGES) + sum(BROKEN_OUTCOMES[p] in ("ok", "metadata_only") for p in BROKEN)
    rejected = len(BROKEN) - sum(BROKEN_OUTCOMES[p] in ("ok", "metadata_only") for p in BROKEN)
    assert f"{ingested} ingested, 1 duplicate(s), {rejected} rejected." in result.output
    assert "rejected x2: The image claims more pixels than allowed" in result.output
    again = runner.invoke(args=["media", "import", str(mixed_folder / "images"), "--activity", str(activity_id(app))])
    assert f"0 ingested, {len(IMAGES) + 1} duplicate(s), 0 rejected." in again.output


def test_import_refuses_an_unknown_activity_or_user(app, runner, tmp_path):
    assert runner.invoke(args=["media", "import", str(tmp_path), "--activity", "99999"]).exit_code != 0
    result = runner.invoke(args=["media", "import", str(tmp_path), "--activity", str(activity_id(app)),
                                 "--as", "nobody@example.org"])
    assert result.exit_code != 0 and "nobody@example.org" in result.output


def test_verify_finds_missing_and_corrupt_files_and_rebuild_follows_a_size_change(app, runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in range(3):
        (folder / f"p{seed}.jpg").write_bytes(demo_photo_jpeg(seed))
    lines(runner.invoke(args=["media", "import", str(folder), "--activity", str(activity_id(app)), "--json",
                              "--workers", "1"]))
    store = FileStorage(app.config["MEDIA_ROOT"])
    with app.app_context():
        photos = db.session.scalars(select(Media).order_by(Media.id)).all()
        first_thumb = os.path.join(store.root, photos[0].rendition("thumb").path)
        second_original = store.path(photos[1].sha256)
    os.unlink(first_thumb)
    with open(second_original, "r+b") as handle:
        handle.seek(100)
        handle.write(b"\x00\x01\x02")
    report = runner.invoke(args=["media", "verify", "--json"])
    assert report.exit_code == 1
    found = json.loads(report.output)
    assert not found["ok"] and len(found["problems"]) == 2
    assert {p["problem"] for p in found["problems"]} == {"renditions", "corrupt_original"}
    # An original nobody names is a note, not a failure.
    app.config["RENDITION_SIZES"] = {"thumb": 100, "web": 500}
    rebuilt = runner.invoke(args=["media", "rebuild-renditions", "--json", "--id", str(photos[0].id),
                                  "--id", str(photos[2].id)])
    assert rebuilt.exit_code == 0, rebuilt.output
    with app.app_context():
        for media_id in (photos[0].id, photos[2].id):
            web = db.session.get(Media, media_id).rendition("web")
            assert max(web.width, web.height) == 500
    with open(FIXTURES / "images" / "r_canon.jpg", "rb") as handle:
        store.put(handle)
    notes = json.loads(runner.invoke(args=["media", "verify", "--json"]).output)
    assert any(n["problem"] == "orphan" for n in notes["notes"])


def _photos(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for seed in range(count):
        (folder / f"IMG_{seed:04d}.jpg").write_bytes(
            demo_photo_jpeg(100 + seed, size=(2400, 1600), taken_at=datetime(2021, 9, 30, 9, seed % 60)))


def test_an_import_killed_half_way_leaves_no_partial_blob_and_a_clean_store(app, tmp_path):
    """SIGKILL to the command and its workers in the middle of an import: every committed
    row has its original and renditions, nothing sits half-written under a real key,
    `flask media verify` is clean, and running the import again finishes the job."""
    folder = tmp_path / "import"
    _photos(folder, 24)
    env = dict(os.environ, PRESS_ENV="testing", PRESS_SECRET_KEY="test-secret",
               PRESS_DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"], PRESS_MEDIA_ROOT=app.config["MEDIA_ROOT"],
               PRESS_INDEX_ROOT=app.config["INDEX_ROOT"], FLASK_APP="press")
    command = [sys.executable, "-m", "flask", "media", "import", str(folder), "--activity",
               str(activity_id(app)), "--workers", "2"]
    database = app.config["SQLALCHEMY_DATABASE_URI"]
    process = subprocess.Popen(command, cwd=REPO, env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    committed = 0
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            with databases.connect(database) as connection:
                committed = connection.execute(text("select count(*) from media")).scalar_one()
            if committed >= 3:
                break
            time.sleep(0.02)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert 3 <= committed < 24, "the import should be killed half way"
    store = FileStorage(app.config["MEDIA_ROOT"])
    problems = [p for p in store.verify() if p.kind == "corrupt"]
    assert problems == []
    verify = subprocess.run([sys.executable, "-m", "flask", "media", "verify", "--json"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=120)
    report = json.loads(verify.stdout)
    assert verify.returncode == 0 and report["ok"] and report["problems"] == [], verify.stdout
    assert report["media"] >= 3
    again = subprocess.run(command + ["--json"], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    outcomes = [json.loads(line)["outcome"] for line in again.stdout.splitlines()]
    assert again.returncode == 0 and len(outcomes) == 24 and set(outcomes) <= {"ingested", "duplicate"}
    with databases.connect(database) as connection:
        assert connection.execute(text("select count(*) from media")).scalar_one() == 24
    final = subprocess.run([sys.executable, "-m", "flask", "media", "verify"], cwd=REPO, env=env,
                           capture_output=True, text=True, timeout=120)
    assert final.returncode == 0, final.stdout


def test_a_store_that_cannot_be_written_stops_the_import_with_a_clear_message(app, runner, tmp_path, monkeypatch):
    from press.storage import StorageError

    folder = tmp_path / "in"
    folder.mkdir()
    for seed in range(3):
        (folder / f"p{seed}.jpg").write_bytes(demo_photo_jpeg(seed))
    real_put = FileStorage.put
    calls = {"n": 0}

    def put_until_full(self, stream):
        calls["n"] += 1
        if calls["n"] > 1:
            raise StorageError("cannot write: [Errno 28] No space left on device")
        return real_put(self, stream)

    monkeypatch.setattr(FileStorage, "put", put_until_full)
    result = runner.invoke(args=["media", "import", str(folder), "--activity", str(activity_id(app)), "--workers", "1"])
    assert result.exit_code == 1
    assert "No space left on device" in result.output and "1 photo(s) imported so far" in result.output
    monkeypatch.setattr(FileStorage, "put", real_put)
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Media)) == 1
    assert runner.invoke(args=["media", "verify"]).exit_code == 0
