"""``flask doctor``: finds what a crash or a careless hand left behind, repairs what it can
and says what it did; a row whose original is gone is marked, never deleted."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from pathlib import Path

from sqlalchemy import select, text

from press.extensions import db
from press.models import IndexQueueEntry, Media
from press.storage import FileStorage
from tests.conftest import FIXTURES
from tests.web.publishing_fixtures import add_photo

OLD = time.time() - 2 * 3600


def doctor(runner, *args):
    result = runner.invoke(args=["doctor", "--json", *args])
    return result.exit_code, json.loads(result.output)


def problems(report) -> set[tuple[str, str]]:
    return {(f["check"], f["problem"]) for f in report["findings"]}


def photos(app, count=2):
    with app.app_context():
        made = [add_photo(app, FIXTURES / f"images/Landscape_{n}.jpg", caption=f"Foto {n}") for n in range(count)]
        db.session.commit()
        return [(m.id, m.sha256, {r.variant: (r.path, r.sha256) for r in m.renditions}) for m in made]


def test_a_fresh_instance_is_clean_once_its_index_is_built(runner):
    code, report = doctor(runner)
    assert ("index", "drift") in problems(report) or ("index", "unreadable") in problems(report)
    assert code == 1
    code, report = doctor(runner, "--repair")
    assert code == 0, report
    code, report = doctor(runner)
    assert code == 0 and report["findings"] == []


def test_damage_is_found_then_repaired_and_a_lost_original_is_marked_not_deleted(app, runner):
    (good_id, good_key, good_rend), (lost_id, lost_key, _lost_rend) = photos(app)
    root = Path(app.config["MEDIA_ROOT"])
    store = FileStorage(root)
    (root / good_rend["web"][0]).unlink()                       # a rendition file lost
    (root / good_rend["thumb"][0]).write_bytes(b"not the thumb")  # a rendition file damaged
    os.unlink(store.path(lost_key))                             # an original lost
    orphan = store.put(b"a blob nobody owns")                   # an orphan original
    os.utime(store.path(orphan), (OLD, OLD))
    temp = root / "tmp" / "put-crash.part"                      # a crash's temporary file
    temp.write_bytes(b"half a photo")
    os.utime(temp, (OLD, OLD))
    with app.app_context():  # a row a crash left queued (raw SQL: no drain at the context's end)
        db.session.execute(text("INSERT INTO index_queue (doc_kind, doc_id, created_at) VALUES ('photo', :id, '2026-01-01')"),
                           {"id": good_id})
        db.session.commit()

    code, report = doctor(runner)
    assert code == 1
    found = problems(report)
    assert {("media", "renditions"), ("media", "missing_original"), ("store", "orphan"),
            ("temp", "temp_files"), ("queue", "queued")} <= found
    assert os.path.exists(store.path(orphan)) and temp.exists()  # a check changes nothing

    result = runner.invoke(args=["doctor", "--repair"])
    assert result.exit_code == 1  # the lost original needs a person
    assert "rebuilt thumb, web from the original" in result.output
    assert "marked the row status 'missing' (the row is kept)" in result.output
    assert "NOT FIXED" in result.output and "An original that no photo names. -> removed" in result.output
    for variant, (path, _sha) in good_rend.items():
        assert (root / path).is_file()
    assert not os.path.exists(store.path(orphan)) and not temp.exists()
    with app.app_context():
        good = db.session.get(Media, good_id)
        for rendition in good.renditions:
            assert hashlib.sha256((root / rendition.path).read_bytes()).hexdigest() == rendition.sha256
        lost = db.session.get(Media, lost_id)
        assert lost is not None and lost.status == "missing"
        assert {"code": "original_missing"} in lost.problems
        assert db.session.scalar(select(IndexQueueEntry.id).limit(1)) is None
    assert runner.invoke(args=["search", "check"]).exit_code == 0

    code, report = doctor(runner)
    assert code == 1 and problems(report) == {("media", "missing_original")}
    with app.app_context():  # the editor removes the photo on purpose
        db.session.delete(db.session.get(Media, lost_id))
        db.session.commit()
    code, report = doctor(runner, "--repair", "--grace", "0")  # its renditions are orphans now
    assert code == 0, report
    assert doctor(runner)[0] == 0


def test_a_young_orphan_may_be_an_upload_in_progress_and_is_kept(app, runner):
    runner.invoke(args=["search", "rebuild"])
    key = FileStorage(app.config["MEDIA_ROOT"]).put(b"an upload whose row is not committed yet")
    code, report = doctor(runner, "--repair")
    assert code == 1
    (orphan,) = [f for f in report["findings"] if f["problem"] == "orphan"]
    assert orphan["subject"] == key and orphan["action"].startswith("kept: younger than")
    assert FileStorage(app.config["MEDIA_ROOT"]).exists(key)
    assert doctor(runner, "--repair", "--grace", "0")[0] == 0


def test_a_damaged_original_is_reported_and_the_row_marked(app, runner):
    ((media_id, key, _),) = photos(app, 1)
    path = FileStorage(app.config["MEDIA_ROOT"]).path(key)
    os.chmod(path, 0o644)
    with open(path, "r+b") as handle:
        handle.seek(100)
        handle.write(b"\x00" * 16)
    code, report = doctor(runner, "--repair")
    assert code == 1
    assert ("media", "corrupt_original") in problems(report)
    with app.app_context():
        assert db.session.get(Media, media_id).status == "damaged"


def test_a_deleted_index_folder_is_rebuilt(app, runner):
    photos(app, 1)
    runner.invoke(args=["search", "rebuild"])
    shutil.rmtree(app.config["INDEX_ROOT"])
    code, report = doctor(runner, "--repair")
    assert code == 0, report
    assert any(f["check"] == "index" and f["fixed"] for f in report["findings"])
    assert runner.invoke(args=["search", "check"]).exit_code == 0


def test_a_database_behind_the_code_stops_the_doctor_with_the_command_to_run(app, runner):
    with app.app_context():
        db.session.execute(text("UPDATE alembic_version SET version_num = '0000'"))
        db.session.commit()
    result = runner.invoke(args=["doctor"])
    assert result.exit_code == 1
    assert "flask db upgrade" in result.output and "Stopped" in result.output


def test_findings_carry_codes_and_read_in_the_operators_language(app, runner):
    ((media_id, key, renditions),) = photos(app, 1)
    runner.invoke(args=["search", "rebuild"])
    root = Path(app.config["MEDIA_ROOT"])
    (root / renditions["web"][0]).unlink()
    english = json.loads(runner.invoke(args=["doctor", "--json"]).output)
    (finding,) = english["findings"]
    assert (finding["problem"], finding["code"], finding["params"]) == ("renditions", "rendition_file_missing",
                                                                         {"variant": "web"})
    assert finding["detail"] == "The file of rendition 'web' is missing."
    indonesian = runner.invoke(args=["doctor", "--repair"], env={"LANG": "id_ID.UTF-8"})
    assert "Berkas pratinjau \u201cweb\u201d tidak ada." in indonesian.output
    assert "thumb, web dibuat ulang dari berkas asli" in indonesian.output
    verify = json.loads(runner.invoke(args=["media", "verify", "--json"], env={"LANG": "id_ID.UTF-8"}).output)
    assert verify["ok"] and verify["problems"] == []


def test_an_original_restored_from_a_backup_clears_its_mark_and_keeps_other_problems(app, runner):
    ((media_id, key, _),) = photos(app, 1)
    runner.invoke(args=["search", "rebuild"])
    store = FileStorage(app.config["MEDIA_ROOT"])
    backup = Path(store.path(key)).read_bytes()
    os.unlink(store.path(key))
    with app.app_context():
        db.session.get(Media, media_id).problems = [{"code": "colour_profile_unusable", "error": "bad ICC"}]
        db.session.commit()
    assert doctor(runner, "--repair")[0] == 1
    with app.app_context():
        assert db.session.get(Media, media_id).problems == [
            {"code": "colour_profile_unusable", "error": "bad ICC"}, {"code": "original_missing"}]
    store.put(backup)
    code, report = doctor(runner, "--repair")
    assert code == 0, report
    assert [(f["code"], f["action_code"]) for f in report["findings"]] == [("marked_but_whole", "status_restored")]
    with app.app_context():
        media = db.session.get(Media, media_id)
        assert media.status == "ok"
        assert media.problems == [{"code": "colour_profile_unusable", "error": "bad ICC"}]
