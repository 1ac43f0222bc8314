"""A full disk during an upload: the uploader gets a clear JSON answer with the reason,
nothing half-written stays behind, and the photos uploaded before stay intact."""
from __future__ import annotations

import errno
import hashlib
import io
import json
import os
from pathlib import Path

import pytest
from sqlalchemy import select

import press.storage.incoming
from press.extensions import db
from press.models import Media
from press.storage import FileStorage
from tests.conftest import FIXTURES

ACTIVITY = 1
URL = f"/staf/kegiatan/{ACTIVITY}/unggah"


def upload(client, token: str, path: Path):
    return client.post(URL, data={"file": (io.BytesIO(path.read_bytes()), path.name)},
                       content_type="multipart/form-data",
                       headers={"X-CSRFToken": token, "Accept": "application/json"})


@pytest.fixture
def photographer(client, auth):
    auth.login("photographer")
    return auth.token(URL)


def test_a_full_disk_gives_a_clear_answer_and_keeps_the_earlier_photos(app, client, photographer, monkeypatch):
    earlier = [FIXTURES / "images/Landscape_1.jpg", FIXTURES / "images/Landscape_2.jpg"]
    for path in earlier:
        reply = upload(client, photographer, path)
        assert reply.status_code == 200 and reply.get_json()["outcome"] == "ingested", reply.get_data(as_text=True)

    def disk_full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(press.storage.incoming, "write_all", disk_full)
    reply = upload(client, photographer, FIXTURES / "images/Landscape_3.jpg")
    monkeypatch.undo()

    assert reply.status_code >= 400 and reply.is_json, reply.get_data(as_text=True)
    answer = reply.get_json()
    message = answer.get("message", "")
    assert message and "Kesalahan ini sudah dicatat" not in message  # a reason, not the generic error
    assert "penyimpanan" in message.lower() or "penuh" in message.lower(), message
    assert answer.get("outcome") == "rejected"

    root = Path(app.config["MEDIA_ROOT"])
    assert list((root / "tmp").iterdir()) == []  # nothing half-written
    store = FileStorage(root)
    assert [p for p in store.verify()] == []
    with app.app_context():
        rows = db.session.scalars(select(Media)).all()
        assert sorted(m.sha256 for m in rows) == sorted(hashlib.sha256(p.read_bytes()).hexdigest() for p in earlier)
        for media in rows:
            assert store.exists(media.sha256) and media.renditions
    result = app.test_cli_runner().invoke(args=["media", "verify", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["ok"]

    # Space again: the same photo goes in.
    again = upload(client, photographer, FIXTURES / "images/Landscape_3.jpg")
    assert again.status_code == 200 and again.get_json()["outcome"] == "ingested"
