"""Uploads answer fast: the upload stores the checked original as ``processing`` and the
``media.process`` job makes the rest, once however often it runs; until then the photo
is nowhere but the uploader's page and the staff gallery."""
from __future__ import annotations

import hashlib
import sqlite3
import io
from datetime import timedelta

import pytest
from PIL import Image
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from press.extensions import db
from press.models import AuditEvent, Media, MediaTag, Release, Rendition
from press.photos.public_meta import read_public_meta
from press.services import media_processing
from press.services.media import IngestConfig
from press.storage import FileStorage
from tests import databases
from tests.conftest import Auth

ACTIVITY = 1
URL = f"/staf/kegiatan/{ACTIVITY}/unggah"


def photo_bytes(seed: int = 1) -> bytes:
    image = Image.effect_noise((640, 480), 30 + seed).convert("RGB")
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Canon", "Canon EOS R6"
    exif[0x0132] = "2021:09:30 10:15:00"
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, exif=exif)
    return out.getvalue()


def upload(client, token, data: bytes, name: str = "foto.jpg"):
    return client.post(URL, data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data",
                       headers={"X-CSRFToken": token, "Accept": "application/json"})


def run_queued(huey) -> list[str]:
    ran = []
    while (task := huey.dequeue()) is not None:
        huey.execute(task)
        ran.append(task.name)
    return ran


def effects(app, media_id: int) -> dict:
    with app.app_context():
        media = db.session.get(Media, media_id)
        count = lambda model, *where: db.session.scalar(select(func.count()).select_from(model).where(*where))  # noqa: E731
        return {"status": media.status, "renditions": count(Rendition, Rendition.media_id == media_id),
                "tags": count(MediaTag, MediaTag.media_id == media_id),
                "ingest_events": count(AuditEvent, AuditEvent.action == "media.ingest",
                                       AuditEvent.object_id == media_id),
                "files": sorted(FileStorage(app.config["MEDIA_ROOT"]).rendition_variants(media.sha256))}


@pytest.fixture
def token(client, auth: Auth):
    auth.login("photographer")
    return auth.token(URL)


def test_the_upload_answers_before_the_renditions_exist_and_the_job_then_completes_the_photo(
        app, client, token, queued_jobs):
    reply = upload(client, token, photo_bytes())
    answer = reply.get_json()
    assert reply.status_code == 200 and answer["outcome"] == "ingested", answer
    assert answer["status"] == "processing" and answer["label"] == "Diproses" and answer["thumb"] is None
    media_id = answer["media_id"]
    assert effects(app, media_id) == {"status": "processing", "renditions": 0, "tags": 0, "ingest_events": 1,
                                      "files": []}
    polled = client.get(answer["status_url"]).get_json()["photos"]
    assert [(p["media_id"], p["status"], p["label"]) for p in polled] == [(media_id, "processing", "Diproses")]

    assert "media.process" in run_queued(queued_jobs)

    done = effects(app, media_id)
    assert done["status"] == "ok" and done["renditions"] == 2 and done["files"] == ["thumb", "web"]
    assert done["tags"] > 0
    (state,) = client.get(answer["status_url"]).get_json()["photos"]
    assert state["status"] == "ok" and state["label"] == "Tersimpan" and state["thumb"].endswith(".jpg?v=" + state["thumb"][-12:])
    assert client.get(state["thumb"]).status_code == 200


def test_the_job_run_twice_has_its_effect_once(app, client, token, queued_jobs):
    media_id = upload(client, token, photo_bytes(2)).get_json()["media_id"]
    run_queued(queued_jobs)
    once = effects(app, media_id)
    with app.app_context():
        db.session.execute(db.update(Media).where(Media.id == media_id).values(status="processing"))
        db.session.commit()
        assert media_processing.pending(db.session) == [media_id]
    queued_jobs.enqueue(app.extensions["jobs"].tasks["media.process"].s())
    run_queued(queued_jobs)
    assert effects(app, media_id) == once


def test_two_runs_rendering_the_same_photo_at_once_record_it_once(app, client, token, queued_jobs, monkeypatch):
    """The second run renders while the first one finishes and commits: its
    compare-and-set finds the photo done, so it records nothing."""
    media_id = upload(client, token, photo_bytes(3)).get_json()["media_id"]
    real = media_processing.finish_photo
    config = IngestConfig.from_mapping(app.config)

    def render_while_another_run_finishes(*args, **kwargs):
        monkeypatch.setattr(media_processing, "finish_photo", real)
        with app.app_context():
            other = db.session
            assert media_processing.finish(other, storage, media_id, config) == "ok"
            other.commit()
            db.session.remove()
        return real(*args, **kwargs)

    storage = FileStorage(app.config["MEDIA_ROOT"])
    monkeypatch.setattr(media_processing, "finish_photo", render_while_another_run_finishes)
    with app.app_context():
        session = db.session
        assert media_processing.finish(session, storage, media_id, config) is None
        session.commit()
    done = effects(app, media_id)
    assert done["status"] == "ok" and done["renditions"] == 2 and done["ingest_events"] == 1
    run_queued(queued_jobs)
    assert effects(app, media_id) == done


def test_a_processing_photo_is_refused_on_the_public_pages_and_in_the_release_picker(
        app, client, token, queued_jobs):
    media_id = upload(client, token, photo_bytes(4)).get_json()["media_id"]
    with app.app_context():
        db.session.execute(db.update(Media).where(Media.id == media_id).values(is_public=True))
        release = Release(slug="uji-foto-diproses", title="Uji foto diproses", body="Isi.", state="draft",
                          activity_id=ACTIVITY)
        db.session.add(release)
        db.session.commit()
        release_id = release.id
        assert not db.session.get(Media, media_id).usable_in_release
    assert client.get(f"/foto/{media_id}").status_code == 404
    assert client.get(f"/api/v1/photos/{media_id}").status_code == 404
    assert all(p["id"] != media_id for p in client.get("/api/v1/photos").get_json()["items"])
    editor = app.test_client()
    auth = Auth(editor)
    auth.login("editor")
    picker = f'name="media_id" value="{media_id}"'
    page = editor.get(f"/staf/siaran/{release_id}/sunting")
    assert page.status_code == 200 and picker not in page.get_data(as_text=True)
    attach = editor.post(f"/staf/siaran/{release_id}/foto", data={"media_id": media_id},
                         headers={"X-CSRFToken": auth.token(f"/staf/siaran/{release_id}/sunting")})
    assert attach.status_code == 302
    with app.app_context():
        assert db.session.get(Release, release_id).photos == []

    run_queued(queued_jobs)
    assert client.get(f"/foto/{media_id}").status_code == 200
    assert picker in editor.get(f"/staf/siaran/{release_id}/sunting").get_data(as_text=True)


def test_the_doctor_reports_a_photo_stuck_in_processing_and_requeues_it(app, client, token, queued_jobs, runner):
    media_id = upload(client, token, photo_bytes(5)).get_json()["media_id"]
    queued_jobs.flush()  # the job is lost, as with a worker killed before it ran
    with app.app_context():
        media = db.session.get(Media, media_id)
        media.created_at = media.created_at - timedelta(minutes=30)
        db.session.commit()
    result = runner.invoke(args=["doctor", "--json"])
    assert result.exit_code == 1
    assert f"photo {media_id}" in result.output and "processing_stuck" in result.output
    verify = runner.invoke(args=["media", "verify", "--json"])
    assert verify.exit_code == 1 and "processing_stuck" in verify.output
    assert runner.invoke(args=["doctor", "--repair"]).exit_code == 1
    assert run_queued(queued_jobs)[0] == "media.process"
    assert effects(app, media_id)["status"] == "ok"
    assert runner.invoke(args=["doctor"]).exit_code == 0


def test_a_caption_saved_while_the_photo_renders_is_in_its_renditions(app, client, token, queued_jobs, monkeypatch):
    media_id = upload(client, token, photo_bytes(6)).get_json()["media_id"]
    real = media_processing.finish_photo

    def render_while_the_caption_changes(*args, **kwargs):
        finished = real(*args, **kwargs)
        with app.app_context():
            db.session.get(Media, media_id).caption = "Wali Kota meninjau jembatan."
            db.session.commit()
            db.session.remove()
        return finished

    monkeypatch.setattr(media_processing, "finish_photo", render_while_the_caption_changes)
    run_queued(queued_jobs)
    with app.app_context():
        media = db.session.get(Media, media_id)
        storage = FileStorage(app.config["MEDIA_ROOT"])
        for variant in ("thumb", "web"):
            with storage.open_rendition(media.sha256, variant) as handle:
                jpeg = handle.read()
            written = read_public_meta(jpeg)
            assert written["iptc"]["caption"] == "Wali Kota meninjau jembatan.", (variant, written)
            assert media.rendition(variant).sha256 == hashlib.sha256(jpeg).hexdigest()


def write_without_waiting(url: str, media_id: int) -> str:
    """Take a write lock on the photo's row from another connection without waiting: "committed",
    or why not. SQLite locks the whole database for a writer (``BEGIN IMMEDIATE``, no busy
    timeout); PostgreSQL locks the rows written (``FOR UPDATE NOWAIT``)."""
    if url.startswith("sqlite:///"):
        other = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            return "committed"
        except sqlite3.OperationalError as exc:
            return str(exc)
        finally:
            other.close()
    try:
        with databases.connect(url) as other:
            other.execute(text("SELECT id FROM media WHERE id = :id FOR UPDATE NOWAIT"), {"id": media_id})
        return "committed"
    except OperationalError as exc:
        return str(exc.orig)


def test_an_upload_can_commit_while_the_job_reads_the_photos_renditions(app, client, token, queued_jobs, monkeypatch):
    """The job reads its files and works out the tags before it takes a write lock (SQLite's
    on the database, PostgreSQL's on the photo's row), so a writer arriving meanwhile is not
    kept waiting behind it."""
    media_id = upload(client, token, photo_bytes(7)).get_json()["media_id"]
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    real = FileStorage.open_rendition
    writes = []

    def another_writer_meanwhile(self, *args, **kwargs):
        writes.append(write_without_waiting(url, media_id))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(FileStorage, "open_rendition", another_writer_meanwhile)
    run_queued(queued_jobs)
    assert writes and set(writes) == {"committed"}, writes
    assert effects(app, media_id)["status"] == "ok"
