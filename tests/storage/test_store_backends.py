"""The store's guarantees on both backends: content-addressed keys, a write whole or absent,
the hash checked, ``flask media verify`` and ``flask doctor``, and one upload through to
the public site."""
from __future__ import annotations

import hashlib
import io
import json
import os

import pytest
from press.demo import demo_photo_jpeg
from press.extensions import db
from press.models import Media
from press.storage import FileStorage, StorageError
from press.storage.layout import original_name, rendition_name
from tests.storage.conftest import damage

BLOB = b"foto asli " * 5000


def test_write_read_exists_and_delete(store):
    key = store.put(BLOB)
    assert key == hashlib.sha256(BLOB).hexdigest()
    assert store.exists(key) and store.size(key) == len(BLOB)
    with store.open(key) as handle:
        assert handle.read() == BLOB
    assert store.put(io.BytesIO(BLOB)) == key  # the same content again changes nothing
    assert list(store.iter_keys()) == [key]

    assert store.put_rendition(key, "web", b"jpeg web") == rendition_name(key, "web")
    store.put_rendition(key, "thumb", b"jpeg thumb")
    store.put_rendition(key, "web", b"jpeg web, caption changed")  # replaced whole
    assert store.rendition_variants(key) == ["thumb", "web"]
    with store.open_rendition(key, "web") as handle:
        assert handle.read() == b"jpeg web, caption changed"
    store.delete_rendition(key, "thumb")
    assert store.rendition_variants(key) == ["web"] and not store.rendition_exists(key, "thumb")

    store.put_derived("release-pdf/1-v2.pdf", b"%PDF")
    assert store.read_derived("release-pdf/1-v2.pdf") == b"%PDF"
    assert store.read_derived("release-pdf/9-v9.pdf") is None

    store.put_private(key, "crop-2880x1920", b"crop source")
    store.put_private(key, "crop-2025x1350", b"smaller")
    store.delete_private(key, "crop-2025x1350")
    store.delete_private(key, "crop-2025x1350")  # already gone: no error
    assert store.private_names(key) == ["crop-2880x1920"]
    with store.open_private(key, "crop-2880x1920") as handle:
        assert handle.read() == b"crop source"
    assert store.rendition_variants(key) == ["web"]  # a private file is no rendition
    with pytest.raises(StorageError):
        store.open_rendition(key, "crop-2880x1920")

    store.delete(key)
    assert not store.exists(key) and store.rendition_variants(key) == [] and store.private_names(key) == []
    with pytest.raises(StorageError):
        store.open_private(key, "crop-2880x1920")
    with pytest.raises(StorageError):
        store.open(key)
    with pytest.raises(StorageError):
        store.delete(key)
    assert list(store.verify()) == []

    store.put_private(key, "crop-2880x1920", b"left behind")  # its original gone: an orphan, deleted as one
    assert [(p.kind, p.key) for p in store.verify()] == [("orphan_renditions", key)]
    store.delete(key)
    assert list(store.verify()) == [] and store.private_names(key) == []


def test_bad_keys_and_names_are_refused_before_the_store_is_touched(store):
    for key in ("../../etc/passwd", "A" * 64, "abc"):
        with pytest.raises(StorageError):
            store.open(key)
    with pytest.raises(StorageError):
        store.put_rendition("a" * 64, "../web", b"x")
    with pytest.raises(StorageError):
        store.put_private("a" * 64, "../../renditions/web", b"x")
    with pytest.raises(StorageError):
        store.read_derived("../secret.txt")


class Broken(io.RawIOBase):
    """A stream that fails half way, as a client's connection that drops."""

    def __init__(self):
        self.sent = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        if self.sent >= 3 * 1024 * 1024:
            raise ConnectionResetError("the client went away")
        buffer[:len(buffer)] = b"x" * len(buffer)
        self.sent += len(buffer)
        return len(buffer)


def test_a_failed_upload_leaves_nothing(store):
    with pytest.raises(ConnectionResetError):
        store.put(io.BufferedReader(Broken()))
    assert list(store.iter_keys()) == []
    assert store.temp_files() == []  # nor a temporary file on this node
    assert list(store.verify()) == []


def test_a_rendition_write_that_fails_half_way_keeps_the_earlier_rendition(store):
    key = store.put(BLOB)
    store.put_rendition(key, "web", b"jpeg web, first caption")
    for variant in ("web", "thumb"):  # replacing one, and writing a new one
        with pytest.raises(ConnectionResetError):
            store.put_rendition(key, variant, io.BufferedReader(Broken()))
    with store.open_rendition(key, "web") as handle:
        assert handle.read() == b"jpeg web, first caption"
    assert store.rendition_variants(key) == ["web"] and not store.rendition_exists(key, "thumb")
    assert store.temp_files() == []
    assert list(store.verify()) == []


def test_a_rendition_reaches_the_disk_before_its_name_and_its_name_after(tmp_path, monkeypatch):
    """The rendition's bytes are fsynced under a temporary name, then the folder holding its
    final name: a power cut leaves the old rendition or the new one, never an empty file."""
    store = FileStorage(tmp_path / "media")
    key = store.put(BLOB)
    store.put_rendition(key, "web", b"jpeg web, first caption")
    synced, fsync = [], os.fsync

    def recording(fd):
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        return fsync(fd)

    monkeypatch.setattr(os, "fsync", recording)
    store.put_rendition(key, "web", b"jpeg web, caption changed")
    final = store.rendition_path(key, "web")
    files = [path for path in synced if os.path.dirname(path) == str(tmp_path / "media" / "tmp")]
    assert files, f"the new rendition was not fsynced before its rename: {synced}"
    assert os.path.dirname(final) in synced[synced.index(files[-1]):], f"its folder was not fsynced after: {synced}"
    with store.open_rendition(key, "web") as handle:
        assert handle.read() == b"jpeg web, caption changed"

def test_a_blob_damaged_in_the_store_is_found_by_verify(store, request):
    key = store.put(BLOB)
    other = store.put(b"another original")
    damage(store, original_name(key), BLOB[:-1] + b"!", request)
    found = [(p.kind, p.key) for p in store.verify(expected_keys=[key, other, "f" * 64])]
    assert sorted(found) == [("corrupt", key), ("missing", "f" * 64)]


# -- the application on each backend ---------------------------------------------------

def _upload(app, client, auth) -> int:
    from tests.web.test_photos import first_activity_id, ingest_files

    auth.login("photographer")
    media_id, = ingest_files(client, auth.token(), first_activity_id(app), [("a.jpg", demo_photo_jpeg(2))])
    auth.logout()
    return media_id


def _verify(runner) -> tuple[int, dict]:
    result = runner.invoke(args=["media", "verify", "--json"])
    return result.exit_code, json.loads(result.output)


def test_media_verify_finds_a_damaged_rendition_on_either_backend(app, client, auth, runner, request):
    media_id = _upload(app, client, auth)
    code, report = _verify(runner)
    assert code == 0 and report["ok"] and report["media"] >= 1 and report["originals"] >= 1
    with app.app_context():
        media = db.session.get(Media, media_id)
        key = media.sha256
        from press.storage import store_from_config

        store = store_from_config(app.config)
        assert store.exists(key) and set(store.rendition_variants(key)) >= {"thumb", "web"}
        damage(store, rendition_name(key, "web"), b"not the photo", request)
    code, report = _verify(runner)
    assert code == 1 and not report["ok"]
    assert [p["code"] for p in report["problems"]] == ["rendition_hash_mismatch"]


def test_doctor_finds_and_repairs_on_either_backend(app, client, auth, runner):
    media_id = _upload(app, client, auth)
    with app.app_context():
        from press.storage import store_from_config

        store = store_from_config(app.config)
        key = db.session.get(Media, media_id).sha256
        store.delete_rendition(key, "thumb")        # a rendition lost
        orphan = store.put(b"a blob nobody owns")   # an orphan original
    result = runner.invoke(args=["doctor", "--json"])
    assert result.exit_code == 1
    found = {(f["check"], f["code"]) for f in json.loads(result.output)["findings"]}
    assert {("media", "rendition_file_missing"), ("store", "orphan_original")} <= found
    result = runner.invoke(args=["doctor", "--repair", "--grace", "0", "--json"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert store.rendition_exists(key, "thumb") and not store.exists(orphan)
    assert runner.invoke(args=["doctor"]).exit_code == 0


def test_one_upload_reaches_the_public_page_through_the_store(app, client, auth):
    media_id = _upload(app, client, auth)
    auth.login("editor")
    assert client.post(f"/staf/foto/{media_id}/publik", data={"csrf_token": auth.token(), "value": "1"}).status_code == 302
    auth.logout()
    page = client.get(f"/foto/{media_id}")
    assert page.status_code == 200
    with app.app_context():
        web = db.session.get(Media, media_id).rendition("web")
    url = f"/media/{web.sha256}/web.jpg"
    assert url in page.get_data(as_text=True)
    served = client.get(url)
    assert served.status_code == 200 and served.mimetype == "image/jpeg"
    assert hashlib.sha256(served.data).hexdigest() == web.sha256
    again = client.get(url, headers={"If-None-Match": served.headers["ETag"].strip('"')})
    assert again.status_code == 304
