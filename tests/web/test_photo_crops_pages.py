"""Crops for the channels on the staff photo page, the public photo page, the media kit
and the command line: made by the job, around the focal point staff click, exact sizes."""
from __future__ import annotations

import io
import json
import zipfile

import exifread
import pytest
from PIL import Image
from sqlalchemy import select

from press.extensions import db
from press.models import Activity, Media, User
from press.photos.print_rendition import PRINT_VARIANT
from press.services import releases as release_service
from press.services import release_photos
from press.storage import FileStorage
from tests.conftest import FIXTURES
from tests.web.publishing_fixtures import add_photo

SIZES = {"square": (1080, 1080), "portrait": (1080, 1350), "landscape": (1920, 1080), "story": (1080, 1920),
         "link": (1200, 628)}


@pytest.fixture
def big_photo(app) -> int:
    """A 4032x3024 phone photo with GPS in its EXIF, staff-only, on the first activity."""
    with app.app_context():
        activity_id = db.session.scalar(select(Activity.id).order_by(Activity.id).limit(1))
        media = add_photo(app, FIXTURES / "images" / "florida_beach.jpg", activity_id=activity_id,
                          caption="Pantai bersih bersama warga")
        db.session.commit()
        return media.id


def _crops(client, media_id) -> dict[str, bytes]:
    with client.application.app_context():
        variants = [r.variant for r in db.session.get(Media, media_id).renditions if r.variant.startswith("crop-")]
    return {v.removeprefix("crop-"): client.get(f"/staf/foto/{media_id}/{v}.jpg").data for v in variants}


def test_staff_ask_for_crops_and_get_each_at_its_exact_size_without_gps(app, client, auth, big_photo):
    auth.login("photographer")
    page = client.get(f"/staf/foto/{big_photo}").get_data(as_text=True)
    assert "Potongan untuk kanal" in page and "focal.js" in page and "belum dibuat" in page
    assert _crops(client, big_photo) == {}
    token = auth.token(f"/staf/foto/{big_photo}")
    asked = client.post(f"/staf/foto/{big_photo}/potongan", data={"csrf_token": token}, follow_redirects=True)
    assert "Potongan sedang dibuat." in asked.get_data(as_text=True)
    crops = _crops(client, big_photo)
    assert set(crops) == set(SIZES)
    for name, jpeg in crops.items():
        assert Image.open(io.BytesIO(jpeg)).size == SIZES[name], name
        tags = exifread.process_file(io.BytesIO(jpeg), details=False)
        assert not any(key.startswith("GPS") for key in tags) and str(tags["Image ImageDescription"]).startswith("Pantai")
    assert f'download="foto-{big_photo}-square.jpg"' in client.get(f"/staf/foto/{big_photo}").get_data(as_text=True)


def test_clicking_a_new_focal_point_remakes_the_crops_around_it(app, client, auth, big_photo):
    auth.login("photographer")
    token = auth.token(f"/staf/foto/{big_photo}")
    client.post(f"/staf/foto/{big_photo}/potongan", data={"csrf_token": token})
    before = _crops(client, big_photo)
    moved = client.post(f"/staf/foto/{big_photo}/fokus", data={"x": "95", "y": "10", "csrf_token": token},
                        headers={"Accept": "application/json"})
    assert moved.status_code == 200 and moved.get_json()["focal_x"] == 0.95
    after = _crops(client, big_photo)
    assert after["square"] != before["square"] and after["story"] != before["story"]
    with app.app_context():
        media = db.session.get(Media, big_photo)
        assert (media.focal_x, media.focal_y, media.crops_pending) == (0.95, 0.1, False)
    for form in ({"x": "150", "y": "10"}, {"x": "abc", "y": "10"}, {"x": "nan", "y": "nan"}, {"y": "10"}):
        refused = client.post(f"/staf/foto/{big_photo}/fokus", data={**form, "csrf_token": token},
                              headers={"Accept": "application/json"})
        assert refused.status_code == 400 and "Titik fokus harus berada di dalam foto." in refused.get_json()["message"]


def test_publishing_a_photo_makes_its_crops_and_the_public_page_offers_them(app, client, auth, big_photo, visitor):
    anonymous = visitor.post(f"/staf/foto/{big_photo}/potongan")
    assert anonymous.status_code in (302, 400, 401, 403)
    assert _crops(client, big_photo) == {}, "never made for an anonymous request"
    auth.login("editor")
    token = auth.token(f"/staf/foto/{big_photo}")
    client.post(f"/staf/foto/{big_photo}/publik", data={"value": "1", "csrf_token": token})
    assert set(_crops(client, big_photo)) == set(SIZES)
    page = visitor.get(f"/foto/{big_photo}").get_data(as_text=True)
    assert "Potongan untuk media sosial" in page and f'download="foto-{big_photo}-story.jpg"' in page
    with app.app_context():
        rendition = db.session.get(Media, big_photo).rendition("crop-story")
        assert visitor.get(f"/media/{rendition.sha256}/crop-story.jpg").status_code == 200


def test_a_photo_too_small_for_a_crop_says_why_and_the_kit_carries_the_crops(app, client, auth, big_photo):
    with app.app_context():
        activity_id = db.session.get(Media, big_photo).activity_id
        small = add_photo(app, FIXTURES / "images" / "Landscape_1.jpg", activity_id=activity_id, caption="Kecil")
        db.session.commit()
        small_id = small.id
    auth.login("editor")
    token = auth.token(f"/staf/foto/{small_id}")
    client.post(f"/staf/foto/{small_id}/potongan", data={"csrf_token": token})
    page = client.get(f"/staf/foto/{small_id}").get_data(as_text=True)
    assert "perlu 1080×1920 piksel" in page and "foto tidak diperbesar" in page
    assert set(_crops(client, small_id)) == {"square", "link"}
    client.post(f"/staf/foto/{big_photo}/potongan", data={"csrf_token": token})
    with app.app_context():
        editor = db.session.scalar(select(User).where(User.role == "editor"))
        activity = db.session.get(Activity, activity_id)
        release, _missing = release_service.create_draft(db.session, activity, editor)
        release.photos.clear()
        db.session.flush()
        release_photos.attach_photo(db.session, release, db.session.get(Media, big_photo), editor)
        db.session.commit()
        release_id = release.id
    kit = client.get(f"/staf/siaran/{release_id}/kit")
    names = zipfile.ZipFile(io.BytesIO(kit.data)).namelist()
    assert sum(name.startswith("foto/potongan/") for name in names) == len(SIZES)
    assert any(name.endswith("-01-portrait.jpg") for name in names)


def test_the_command_line_makes_the_crops_of_one_ratio(app, runner, big_photo):
    result = runner.invoke(args=["media", "crops", str(big_photo), "--ratio", "4:5", "--json"])
    assert result.exit_code == 0, result.output
    made = json.loads(result.output)
    assert [(c["name"], c["width"], c["height"]) for c in made["crops"]] == [("portrait", 1080, 1350)]
    assert made["focal"] == [0.5, 0.5] and made["refused"] == []
    unknown = runner.invoke(args=["media", "crops", str(big_photo), "--ratio", "3:7"])
    assert unknown.exit_code != 0 and "no configured crop has the ratio 3:7" in unknown.output
    bad = runner.invoke(args=["media", "crops", str(big_photo), "--ratio", "lebar"])
    assert bad.exit_code != 0 and "Rasio lebar tidak dikenal" in bad.output
    everything = runner.invoke(args=["media", "crops", str(big_photo)])
    assert everything.exit_code == 0 and "story" in everything.output


def test_a_crop_asked_for_alone_is_cut_from_the_private_crop_source_the_first_cut_kept(app, client, auth, runner,
                                                                                       big_photo):
    """The first crop cut from the original keeps the photo's crop sources (2560x1920,
    1801x1351, 1201x901 for this 4032x3024 photo): private files, never a print rendition
    (a private photo has none), reachable by no URL. The next crop is cut from one; a lost
    source gives way to the original, which makes it again; ``flask media verify`` finds a damaged one and ``doctor --repair`` has the crops
    and their sources made again from the original."""
    def portrait() -> dict:
        result = runner.invoke(args=["media", "crops", str(big_photo), "--ratio", "4:5", "--json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)["crops"][0]

    assert portrait()["source"] == "original"
    with app.app_context():
        media = db.session.get(Media, big_photo)
        storage = FileStorage(app.config["MEDIA_ROOT"])
        kept = {record["name"]: record for record in media.crop_sources}
        assert set(kept) == {"source-2560x1920", "source-1801x1351", "source-1201x901"}
        assert storage.private_names(media.sha256) == sorted(kept)
        assert media.rendition(PRINT_VARIANT) is None and PRINT_VARIANT not in storage.rendition_variants(media.sha256)
        media.is_public = True  # not even a public photo's sources are served
        db.session.commit()
        sha = media.sha256
    auth.login("photographer")
    for name, record in kept.items():
        assert client.get(f"/staf/foto/{big_photo}/{name}.jpg").status_code == 404
        assert client.get(f"/media/{record['sha256']}/{name}.jpg").status_code == 404
    made = portrait()
    assert (made["source"], made["width"], made["height"]) == ("source-1801x1351", 1080, 1350)
    storage.delete_private(sha, "source-1801x1351")
    assert portrait()["source"] == "original"
    assert portrait()["source"] == "source-1801x1351"

    with storage.open_private(sha, "source-1801x1351") as handle:
        whole = handle.read()
    storage.put_private(sha, "source-1801x1351", whole[:-100] + bytes(100))
    verified = runner.invoke(args=["media", "verify", "--json"])
    assert verified.exit_code != 0
    problems = json.loads(verified.output)["problems"]
    assert [(p["problem"], p["code"], p["params"]) for p in problems] == [
        ("crop_sources", "crop_source_hash_mismatch", {"name": "source-1801x1351"})]
    repaired = runner.invoke(args=["doctor", "--repair", "--json"])
    assert "crop_sources_requeued" in repaired.output
    # The tests run a job where it is asked for: the crops job has cut the crops from the
    # original again and kept the same sources, whole.
    assert runner.invoke(args=["media", "verify"]).exit_code == 0
    with storage.open_private(sha, "source-1801x1351") as handle:
        assert handle.read() == whole
