"""Hostile photo uploads through the upload endpoint (one file per POST, JSON answer):
broken files, decompression bombs, wrong types, malformed EXIF, traversal in the file
name, oversized uploads, missing CSRF, script in the caption. The photographer gets a
translated reason per file; nothing of a refused file is kept; good files are unharmed."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from press import create_app
from press.extensions import db
from press.models import Media
from press.storage import FileStorage
from tests import databases
from tests.conftest import FIXTURES, Auth, make_config

ACTIVITY = 1
URL = f"/staf/kegiatan/{ACTIVITY}/unggah"


def send(client, token, name: str, data: bytes, **headers):
    return client.post(URL, data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data",
                       headers={"X-CSRFToken": token, "Accept": "application/json", **headers})


def media_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Media))


@pytest.fixture
def token(client, auth):
    auth.login("photographer")
    return auth.token(URL)


def _cut_jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.effect_noise((800, 600), 40).convert("RGB").save(out, "JPEG", quality=90)  # no EXIF facts
    return out.getvalue()[: len(out.getvalue()) * 2 // 5]


REFUSED = {
    "text_named_jpg": (lambda: (FIXTURES / "broken/broken.jpg").read_bytes(), "bukan foto yang didukung"),
    "empty_jpg": (lambda: (FIXTURES / "broken/notjpeg.jpg").read_bytes(), "Berkas kosong."),
    "decompression_bomb_gif": (lambda: (FIXTURES / "broken/decompression_bomb.gif").read_bytes(), "bom dekompresi"),
    "decompression_bomb_png": (lambda: (FIXTURES / "broken/png_decompression_dos.png").read_bytes(), "bom dekompresi"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_bad_photo_is_refused_with_its_reason_and_nothing_kept(app, client, token, case):
    make, reason = REFUSED[case]
    before = media_count(app)
    reply = send(client, token, f"{case}.jpg", make())
    answer = reply.get_json()
    assert reply.status_code in (400, 422) and answer["outcome"] == "rejected"
    assert reason in answer["message"], answer["message"]
    assert media_count(app) == before
    assert list(FileStorage(app.config["MEDIA_ROOT"]).iter_keys()) == []


def test_a_photo_whose_pixels_break_after_the_check_is_rejected_kept_and_never_offered(app, client, token):
    """A JPEG cut in half passes the upload's quick check (type, size, pixel limit); the
    ``media.process`` job finds the pixels broken and marks the photo rejected with its
    reason, which the upload answer (or the status poll) shows. The row and original are
    kept so nothing vanishes silently; the photo is never usable, and sending the same
    bytes again is refused the same way, not called a duplicate."""
    data = _cut_jpeg()
    reply = send(client, token, "cut_in_half.jpg", data)
    answer = reply.get_json()
    assert reply.status_code == 422 and answer["outcome"] == "rejected", answer
    assert "Data gambar rusak dan tidak dapat dibaca." in answer["message"]
    with app.app_context():
        media = db.session.get(Media, answer["media_id"])
        assert media.status == "rejected" and [p["code"] for p in media.problems] == ["corrupt_image"]
        assert not media.renditions and not media.usable_in_release
    again = send(client, token, "lagi.jpg", data).get_json()
    assert again["outcome"] == "rejected" and "Data gambar rusak" in again["message"]
    assert media_count(app) == 1


@pytest.mark.parametrize("name,data", [("catatan.pdf", b"%PDF-1.7\n" + b"0" * 2000), ("skrip.html", b"<script>alert(1)</script>"),
                                       ("foto.jpg", b"MZ\x90\x00" * 500)], ids=["pdf", "html", "exe_named_jpg"])
def test_a_file_that_is_not_a_photo_is_refused_by_its_bytes(app, client, token, name, data):
    reply = send(client, token, name, data)
    answer = reply.get_json()
    assert reply.status_code in (400, 422) and answer["outcome"] == "rejected" and answer["message"]
    assert "<script>" not in reply.get_data(as_text=True)
    assert media_count(app) == 0


@pytest.mark.parametrize("path,problem", [("broken/hopper_bad_exif.jpg", "exif_warning"),
                                          ("broken/exif_gps_typeerror.jpg", None),
                                          ("broken/geodegrees_as_string.jpg", "gps_as_text")])
def test_malformed_exif_keeps_the_photo_and_says_what_was_unreadable(app, client, token, path, problem):
    reply = send(client, token, Path(path).name, (FIXTURES / path).read_bytes())
    assert reply.status_code == 200 and reply.get_json()["outcome"] == "ingested"
    with app.app_context():
        media = db.session.get(Media, reply.get_json()["media_id"])
        assert media.renditions
        if problem:
            assert problem in [p["code"] for p in media.exif_problems], media.exif_problems


@pytest.mark.parametrize("name", ["../../etc/passwd.jpg", "..\\..\\windows\\win.ini.jpg", "/etc/passwd.jpg",
                                  "a/../../../b.jpg", "\u202egpj.exe"],
                         ids=["dotdot", "backslashes", "absolute", "nested", "rtl_override"])
def test_traversal_in_the_file_name_stays_a_name(app, client, token, name, tmp_path):
    data = (FIXTURES / "images/Landscape_4.jpg").read_bytes()
    reply = send(client, token, name, data)
    assert reply.status_code == 200 and reply.get_json()["outcome"] == "ingested"
    with app.app_context():
        media = db.session.get(Media, reply.get_json()["media_id"])
        stored_name = media.original_filename
    assert "/" not in stored_name and "\\" not in stored_name and ".." not in stored_name.replace("...", "")
    store = FileStorage(app.config["MEDIA_ROOT"])
    assert store.exists(media.sha256)  # stored under its hash, nowhere else
    assert not (Path(app.config["MEDIA_ROOT"]).parent / "etc").exists()


def test_an_oversized_upload_gets_a_json_reason_with_the_limit(tmp_path, migrated_db):
    databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path, MAX_UPLOAD_MB=1))
    client = app.test_client()
    auth = Auth(client)
    auth.login("photographer")
    token = auth.token(URL)
    reply = send(client, token, "besar.jpg", (FIXTURES / "images/florida_beach.jpg").read_bytes() + b"\0" * (2 << 20))
    assert reply.status_code == 422 and reply.is_json  # the request fits the 200 MB limit; the file does not
    assert reply.get_json()["message"] == "Berkas melebihi batas ukuran unggahan (1 MB)."
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Media)) == 0
        db.engine.dispose()


@pytest.mark.parametrize("header", [None, "forged"], ids=["missing", "forged"])
def test_an_upload_without_a_valid_csrf_token_is_refused(app, client, auth, header):
    auth.login("photographer")
    headers = {"Accept": "application/json"}
    if header:
        headers["X-CSRFToken"] = header
    reply = client.post(URL, data={"file": (io.BytesIO((FIXTURES / "images/sample1.jpg").read_bytes()), "a.jpg")},
                        content_type="multipart/form-data", headers=headers)
    assert reply.status_code == 400 and reply.is_json
    assert "token keamanan" in reply.get_json()["message"]
    assert media_count(app) == 0


def test_script_in_a_caption_is_stored_as_text_and_shown_escaped(app, client, token, auth):
    reply = send(client, token, "a.jpg", (FIXTURES / "images/sample1.jpg").read_bytes())
    media_id = reply.get_json()["media_id"]
    auth.logout()
    auth.login("editor")
    edit_token = auth.token(f"/staf/foto/{media_id}")
    payload = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    response = client.post(f"/staf/foto/{media_id}/teks", data={"csrf_token": edit_token, "caption": f"Rapat {payload}",
                                                                "credit": "Humas", "copyright": ""})
    assert response.status_code in (200, 302)
    page = client.get(f"/staf/foto/{media_id}").get_data(as_text=True)
    assert payload not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    with app.app_context():
        assert db.session.get(Media, media_id).caption == f"Rapat {payload}"
