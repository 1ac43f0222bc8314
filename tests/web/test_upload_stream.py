"""An upload is received straight into the blob store: its bytes are written to disk once
and hashed once before the answer (no spooled copy read back, no second hash), and a file
that is refused, or a request that never reaches the upload, leaves nothing behind."""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
import werkzeug.formparser

import press.storage.files
import press.storage.incoming
from tests.conftest import FIXTURES

URL = "/staf/kegiatan/1/unggah"
PHOTO = FIXTURES / "images" / "Landscape_1.jpg"


def upload(client, token: str, data: bytes, name: str):
    return client.post(URL, data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data",
                       headers={"X-CSRFToken": token, "Accept": "application/json"})


@pytest.fixture
def photographer(client, auth):
    auth.login("photographer")
    return auth.token(URL)


class _CountingHashlib:
    """``hashlib`` as ``press.storage`` sees it, counting the bytes given to SHA-256."""

    def __init__(self):
        self.hashed = 0

    def sha256(self, data: bytes = b""):
        counter = self

        class Digest:
            def __init__(self):
                self._real = hashlib.sha256()
                self.update(data)

            def update(self, chunk):
                counter.hashed += len(chunk)
                self._real.update(chunk)

            def hexdigest(self):
                return self._real.hexdigest()

        return Digest()


def _store_files(root: Path, folder: str) -> list[Path]:
    return [p for p in (root / folder).rglob("*") if p.is_file()]


def test_an_uploaded_photo_is_written_once_and_hashed_once_on_its_way_into_the_store(
        app, client, photographer, queued_jobs, monkeypatch):
    data = PHOTO.read_bytes()
    written, spooled = [], []
    write_all, spool = press.storage.incoming.write_all, werkzeug.formparser.SpooledTemporaryFile
    monkeypatch.setattr(press.storage.incoming, "write_all", lambda fd, chunk: (written.append(len(chunk)), write_all(fd, chunk)))
    monkeypatch.setattr(werkzeug.formparser, "SpooledTemporaryFile",
                        lambda *args, **kwargs: spooled.append(1) or spool(*args, **kwargs))
    counting = _CountingHashlib()
    monkeypatch.setattr(press.storage.files, "hashlib", counting)

    reply = upload(client, photographer, data, PHOTO.name)  # answered before the job makes the renditions

    assert reply.status_code == 200 and reply.get_json()["outcome"] == "ingested", reply.get_data(as_text=True)
    assert spooled == []  # no copy of the body in a temporary file of its own
    assert sum(written) == len(data)  # the original, written once
    assert counting.hashed == len(data)  # and hashed once
    original = Path(app.config["MEDIA_ROOT"]) / "originals"
    assert [p.read_bytes() == data for p in original.rglob("*") if p.is_file()] == [True]


@pytest.mark.parametrize("name, data, status", [
    ("catatan.txt", b"bukan foto sama sekali\n" * 1000, 422),
    ("kosong.jpg", b"", 422),
])
def test_a_refused_upload_leaves_nothing_in_the_store(app, client, photographer, name, data, status):
    reply = upload(client, photographer, data, name)

    assert reply.status_code == status and reply.get_json()["outcome"] == "rejected", reply.get_data(as_text=True)
    root = Path(app.config["MEDIA_ROOT"])
    assert _store_files(root, "tmp") == [] and _store_files(root, "originals") == []


def test_an_upload_refused_before_the_view_leaves_nothing_in_the_store(app, client, auth):
    auth.login("writer")  # may not upload photos: 403 before the view reads the files
    reply = upload(client, auth.token(), PHOTO.read_bytes(), PHOTO.name)

    assert reply.status_code == 403
    root = Path(app.config["MEDIA_ROOT"])
    assert _store_files(root, "tmp") == [] and _store_files(root, "originals") == []
