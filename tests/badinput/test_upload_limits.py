"""Two upload limits, each named when it is the one passed: a file over the per-file limit
is refused by name inside a request that fits (the other files kept), and a request over
the whole-request limit (several files that are each small enough) gets a 413 that says
the files together were too much — JSON for the upload script, a page otherwise."""
from __future__ import annotations

import html
import io
import re

import pytest
from sqlalchemy import func, select

from press import create_app
from press.extensions import db
from press.models import Media, Note
from tests import databases
from tests.conftest import FIXTURES, Auth, make_config

ACTIVITY = 1
PHOTOS = f"/staf/kegiatan/{ACTIVITY}/unggah"
NOTES = f"/staf/kegiatan/{ACTIVITY}/catatan"
MB = 1024 * 1024


@pytest.fixture
def small_app(tmp_path, migrated_db):
    """Each file at most 1 MB, a whole request at most 2 MB."""
    databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path, MAX_UPLOAD_MB=1, MAX_REQUEST_MB=2))
    yield app
    with app.app_context():
        db.engine.dispose()


def counts(app) -> tuple[int, int]:
    with app.app_context():
        return (db.session.scalar(select(func.count()).select_from(Media)),
                db.session.scalar(select(func.count()).select_from(Note)))


def photo(n: int) -> bytes:
    """A real 0.75 MB JPEG, made distinct by a trailing byte."""
    return (FIXTURES / "images/florida_beach.jpg").read_bytes() + bytes([n])


def text_of(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", response.get_data(as_text=True)))


def login(app, role: str):
    client = app.test_client()
    auth = Auth(client)
    auth.login(role)
    return client, auth


def test_three_photos_each_under_the_file_limit_but_over_the_request_limit_name_the_request_limit(small_app):
    client, auth = login(small_app, "photographer")
    before = counts(small_app)
    files = [(io.BytesIO(photo(n)), f"foto-{n}.jpg") for n in range(3)]
    response = client.post(PHOTOS, data={"csrf_token": auth.token(PHOTOS), "file": files},
                           content_type="multipart/form-data")
    page = text_of(response)
    assert response.status_code == 413
    assert "Kiriman terlalu besar" in page
    assert "Kiriman ini 2,2 MB, padahal satu kiriman paling banyak 2 MB untuk semua berkasnya bersama-sama." in page
    assert "tiap berkas paling banyak 1 MB" in page
    assert counts(small_app) == before


def test_the_upload_script_gets_the_request_limit_as_json(small_app):
    client, auth = login(small_app, "photographer")
    files = [(io.BytesIO(photo(n)), f"foto-{n}.jpg") for n in range(3)]
    response = client.post(PHOTOS, data={"file": files}, content_type="multipart/form-data",
                           headers={"X-CSRFToken": auth.token(PHOTOS), "X-Requested-With": "XMLHttpRequest"})
    assert response.status_code == 413 and response.is_json
    assert "paling banyak 2 MB untuk semua berkasnya bersama-sama" in response.get_json()["message"]


def test_one_photo_over_the_file_limit_is_refused_by_name_and_the_others_kept(small_app):
    client, auth = login(small_app, "photographer")
    before = counts(small_app)
    small = (FIXTURES / "images/Landscape_5.jpg").read_bytes()  # 0.34 MB
    files = [(io.BytesIO(small), "kecil.jpg"), (io.BytesIO(photo(2) + b"\0" * (MB // 2)), "besar.jpg")]  # 1.2 MB
    response = client.post(PHOTOS, data={"csrf_token": auth.token(PHOTOS), "file": files},
                           content_type="multipart/form-data")
    page = text_of(response)
    assert response.status_code == 200
    assert "Berkas melebihi batas ukuran unggahan (1 MB)." in page and "besar.jpg" in page
    assert counts(small_app)[0] == before[0] + 1


def test_a_note_file_over_the_file_limit_is_refused_by_name_and_the_typed_note_kept(small_app):
    client, auth = login(small_app, "writer")
    before = counts(small_app)
    response = client.post(NOTES, data={
        "csrf_token": auth.token(f"/staf/kegiatan/{ACTIVITY}"), "text": "Catatan yang diketik tetap tersimpan.",
        "upload": (io.BytesIO(b"kata " * (MB // 4)), "rekaman.txt")}, content_type="multipart/form-data",
        follow_redirects=True)
    page = text_of(response)
    assert "Berkas “rekaman.txt” lebih dari 1 MB, batas satu berkas; berkas itu tidak disimpan." in page
    assert counts(small_app)[1] == before[1] + 1
    with small_app.app_context():
        latest = db.session.scalars(select(Note).order_by(Note.id.desc())).first()
        assert latest.text.strip() == "Catatan yang diketik tetap tersimpan."


def test_a_notes_request_over_the_request_limit_names_the_request_limit(small_app):
    client, auth = login(small_app, "writer")
    before = counts(small_app)
    response = client.post(NOTES, data={
        "csrf_token": auth.token(f"/staf/kegiatan/{ACTIVITY}"), "text": "Catatan.",
        "upload": (io.BytesIO(b"kata " * MB), "rekaman.txt")}, content_type="multipart/form-data")
    page = text_of(response)
    assert response.status_code == 413
    assert "Kiriman ini 5 MB, padahal satu kiriman paling banyak 2 MB" in page
    assert counts(small_app) == before
