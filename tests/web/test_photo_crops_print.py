"""The crops job keeps the print rendition of the decode it cuts the crops from, so later
crops are cut from it; never on upload; served only where a print rendition was before;
a bulk caption edit rewrites it too."""
from __future__ import annotations

import io
import json

import exifread
import pytest
from PIL import Image
from sqlalchemy import select

from press.extensions import db
from press.models import Activity, Media, User
from press.photos.print_rendition import PRINT_VARIANT
from press.photos.public_meta import read_public_meta
from press.services import bulk_edit
from press.storage import FileStorage
from tests.conftest import FIXTURES
from tests.web.publishing_fixtures import add_photo
from tests.web.test_photos import upload


@pytest.fixture
def big_photo(app) -> int:
    """A 4032x3024 phone photo with GPS in its EXIF, staff-only, on the first activity."""
    with app.app_context():
        activity_id = db.session.scalar(select(Activity.id).order_by(Activity.id).limit(1))
        media = add_photo(app, FIXTURES / "images" / "florida_beach.jpg", activity_id=activity_id,
                          caption="Pantai bersih bersama warga")
        db.session.commit()
        return media.id


def _print_row(app, media_id):
    with app.app_context():
        row = db.session.get(Media, media_id).rendition(PRINT_VARIANT)
        return None if row is None else (row.width, row.height, row.sha256)


def _ask_for_crops(client, auth, media_id) -> None:
    auth.login("photographer")
    token = auth.token(f"/staf/foto/{media_id}")
    client.post(f"/staf/foto/{media_id}/potongan", data={"csrf_token": token})


def test_after_the_crops_job_a_lone_crop_is_cut_from_the_print_rendition_it_kept(app, client, auth, runner,
                                                                                 big_photo):
    assert _print_row(app, big_photo) is None
    _ask_for_crops(client, auth, big_photo)
    width, height, _sha = _print_row(app, big_photo)
    assert (width, height) == (3000, 2250)
    data = client.get(f"/staf/foto/{big_photo}/{PRINT_VARIANT}.jpg").data
    assert Image.open(io.BytesIO(data)).size == (3000, 2250)
    tags = exifread.process_file(io.BytesIO(data), details=False)
    assert not any(key.startswith("GPS") for key in tags)
    meta = read_public_meta(data)
    assert {meta[block].get("caption") for block in ("exif", "xmp", "iptc")} == {"Pantai bersih bersama warga"}
    assert meta["iptc"]["credit"] == "Dok. Humas Pemkot Bekasi"

    result = runner.invoke(args=["media", "crops", str(big_photo), "--ratio", "4:5", "--json"])
    assert result.exit_code == 0, result.output
    [portrait] = json.loads(result.output)["crops"]
    assert (portrait["source"], portrait["width"], portrait["height"]) == ("print", 1080, 1350)


def test_uploading_a_photo_makes_no_print_rendition(app, client, auth):
    auth.login("photographer")
    token = auth.token()
    with app.app_context():
        activity_id = db.session.scalar(select(Activity.id).order_by(Activity.id).limit(1))
    answer = upload(client, token, activity_id, (FIXTURES / "images" / "florida_beach.jpg").read_bytes(), "pantai.jpg")
    assert answer.status_code in (200, 201, 202), answer.get_data(as_text=True)
    with app.app_context():
        media = db.session.scalar(select(Media).order_by(Media.id.desc()).limit(1))
        variants = {r.variant for r in media.renditions}
    assert "web" in variants and PRINT_VARIANT not in variants


def test_the_kept_print_rendition_of_a_private_photo_is_not_public(app, client, auth, visitor, big_photo):
    _ask_for_crops(client, auth, big_photo)
    _w, _h, sha256 = _print_row(app, big_photo)
    assert visitor.get(f"/media/{sha256}/{PRINT_VARIANT}.jpg").status_code == 404
    assert visitor.get(f"/foto/{big_photo}/cetak.jpg").status_code == 404


def test_a_bulk_caption_edit_rewrites_the_kept_print_rendition(app, client, auth, big_photo):
    _ask_for_crops(client, auth, big_photo)
    with app.app_context():
        editor = db.session.scalar(select(User).where(User.role == "editor"))
        media = db.session.get(Media, big_photo)
        edit = bulk_edit.apply(db.session, editor, [big_photo], bulk_edit.Changes(caption="HUT Kota:",
                                                                                  caption_mode="prefix"),
                               activity_id=media.activity_id)
        db.session.commit()
        store = FileStorage(app.config["MEDIA_ROOT"])
        while bulk_edit.render_pending(db.session, store, edit):
            db.session.commit()
    auth.login("photographer")
    data = client.get(f"/staf/foto/{big_photo}/{PRINT_VARIANT}.jpg").data
    meta = read_public_meta(data)
    assert meta["iptc"]["caption"] == meta["xmp"]["caption"] == "HUT Kota: Pantai bersih bersama warga"
    assert not any(key.startswith("GPS") for key in exifread.process_file(io.BytesIO(data), details=False))
