"""Every shared fixture gets the outcome a user would expect, with the right facts."""
from __future__ import annotations

from datetime import datetime

import pytest

from press.photos.errors import Rejected
from press.photos.process import process_many

from .conftest import BROKEN, EXPECTED, FIXTURES, IMAGES, MAX_BYTES, MAX_PIXELS, SIZES

ACCEPTED_BROKEN = [p for p in BROKEN if EXPECTED[p]["expect"] in ("accept", "accept-degraded")]

# What each broken fixture gives, and why (see press/photos/process.py for the policy).
BROKEN_OUTCOMES = {
    "broken/ultrahdr.jpg": "metadata_only",  # pixels cut short, camera facts intact
    "broken/truncated_jpeg.jpg": "corrupt_image",  # pixels cut short and no facts at all
    "broken/geodegrees_as_string.jpg": "ok",
    "broken/exif_gps_typeerror.jpg": "ok",
    "broken/hopper_bad_exif.jpg": "ok",
    "broken/empty_gps_ifd.jpg": "ok",
    "broken/broken_data_stream.png": "ok",
    "broken/decompression_bomb.gif": "decompression_bomb",
    "broken/png_decompression_dos.png": "decompression_bomb",
    "broken/notjpeg.jpg": "empty_file",
    "broken/broken.jpg": "unsupported_type",
}
EXPECT_TO_OUTCOMES = {
    "accept": {"ok"},
    "accept-degraded": {"ok"},
    "metadata-only": {"metadata_only"},
    "reject-or-partial": {"corrupt_image", "metadata_only"},
    "reject": {"decompression_bomb", "empty_file", "unsupported_type", "corrupt_image"},
}


def assert_facts_match(photo, expected):
    facts = photo.exif
    assert facts.make == (expected["make"] or None)
    assert facts.model == (expected["model"] or None)
    assert facts.orientation == (expected["orientation"] if expected["orientation"] in range(1, 9) else 1)
    if expected["datetime_original"]:
        assert facts.taken_at == datetime.strptime(expected["datetime_original"][:19], "%Y:%m:%d %H:%M:%S")
    else:
        assert facts.taken_at is None
    for name in ("gps_lat", "gps_lon"):
        if expected[name] is None:
            assert getattr(facts, name) is None
        else:
            assert round(getattr(facts, name), 5) == round(expected[name], 5)
    assert [photo.width, photo.height] == expected["display_size"]


@pytest.mark.parametrize("path", IMAGES)
def test_every_good_image_is_accepted_with_its_facts_and_renditions(ingest, storage, path):
    photo = ingest(path)
    assert photo.status == "ok"
    assert photo.key == EXPECTED[path]["sha256"]
    assert photo.bytes == EXPECTED[path]["bytes"]
    assert_facts_match(photo, EXPECTED[path])
    assert set(photo.renditions) == {"thumb", "web"}
    assert all(storage.rendition_exists(photo.key, v) for v in ("thumb", "web"))
    assert set(photo.timings_ms) >= {"hash", "exif", "decode", "renditions"}
    assert len(photo.dhash) == 16 and photo.sharpness is not None


@pytest.mark.parametrize("path", ACCEPTED_BROKEN)
def test_accepted_broken_files_keep_the_facts_that_survive(ingest, path):
    photo = ingest(path)
    assert_facts_match(photo, EXPECTED[path])


@pytest.mark.parametrize("path", BROKEN)
def test_broken_file_gets_the_outcome_its_expect_names_with_a_readable_reason(ingest, storage, path):
    try:
        photo = ingest(path)
    except Rejected as rejection:
        outcome = rejection.code
        assert len(rejection.message_id) > 10 and rejection.message.endswith((".", ")"))
        assert list(storage.iter_keys()) == []
    else:
        outcome = photo.status
        if outcome == "metadata_only":
            assert photo.renditions == {} and photo.problems
            assert photo.problems[0]["code"] == "pixels_damaged" and photo.problems[0]["error"]
    assert outcome == BROKEN_OUTCOMES[path]
    assert outcome in EXPECT_TO_OUTCOMES[EXPECTED[path]["expect"]]


def test_metadata_only_photo_keeps_original_and_camera_facts(ingest, storage):
    photo = ingest("broken/ultrahdr.jpg")
    assert storage.exists(photo.key)
    assert (photo.exif.make, photo.exif.model) == ("Google", "Pixel 6")
    assert photo.exif.utc_offset_minutes == 8 * 60


def test_degraded_exif_is_explained_in_problems(ingest):
    def codes(path):
        return [(p["code"], p.get("reader")) for p in ingest(path).exif_problems]

    assert ("gps_as_text", None) in codes("broken/geodegrees_as_string.jpg")
    assert ("exif_unreadable", "exifread") in codes("images/empty_icc.heic")
    assert any("Corrupt EXIF" in p["message"] for p in ingest("broken/hopper_bad_exif.jpg").exif_problems
               if p["code"] == "exif_warning")


def test_xmp_supplies_the_date_and_offset_when_exif_is_broken(ingest):
    photo = ingest("broken/exif_gps_typeerror.jpg")
    assert photo.exif.taken_at == datetime(2010, 7, 11, 13, 53)
    assert photo.exif.utc_offset_minutes == 120


def test_a_batch_with_broken_files_loses_none_of_the_good_ones(storage):
    sources = [FIXTURES / p for p in sorted(IMAGES + BROKEN)]
    outcomes = process_many(sources, storage, max_bytes=MAX_BYTES, max_pixels=MAX_PIXELS, sizes=SIZES)
    accepted = {src.relative_to(FIXTURES).as_posix(): out for src, out in outcomes if not isinstance(out, Rejected)}
    rejected = {src.relative_to(FIXTURES).as_posix(): out for src, out in outcomes if isinstance(out, Rejected)}
    assert set(IMAGES) <= set(accepted)
    assert set(rejected) == {p for p, o in BROKEN_OUTCOMES.items() if o not in ("ok", "metadata_only")}
    assert set(storage.iter_keys()) == {EXPECTED[p]["sha256"] for p in accepted}
    assert list(storage.verify()) == []


def test_type_comes_from_the_bytes_not_the_name(ingest):
    assert ingest("images/heic_hdlr_box.jpg").mime == "image/heic"
    assert ingest("images/exif.avif").mime == "image/avif"
    with pytest.raises(Rejected) as caught:
        ingest(b"%PDF-1.7 not a photo at all")
    assert caught.value.code == "unsupported_type"


def test_too_large_is_refused_before_reading(ingest):
    with pytest.raises(Rejected) as caught:
        ingest("images/florida_beach.jpg", max_bytes=1000)
    assert caught.value.code == "too_large"


def test_pixel_limit_is_configurable(ingest):
    with pytest.raises(Rejected) as caught:
        ingest("images/Landscape_1.jpg", max_pixels=1000 * 1000)
    assert caught.value.code == "decompression_bomb"
