"""Type sniffing and EXIF reading in isolation."""
from __future__ import annotations

import io

import exifread
import pytest
from PIL import Image

from press.photos import exif as exif_module
from press.photos.errors import CODES, Rejected
from press.photos.exif import read_exif
from press.photos.opening import open_image
from press.photos.sniff import check_size, sniff

from .conftest import FIXTURES


@pytest.mark.parametrize("head, mime", [
    (b"\xff\xd8\xff\xe0", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF89a", "image/gif"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "image/heic"),
    (b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1avif", "image/avif"),
    (b"\x00\x00\x00\x14ftypmif1\x00\x00\x00\x00mif1", "image/heif"),
])
def test_supported_types_are_recognised_from_their_bytes(head, mime):
    assert sniff(head) == mime


@pytest.mark.parametrize("head", [b"PK\x03\x04", b"%PDF-1.4", b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00isom", b"BM6"])
def test_other_types_are_rejected_as_unsupported(head):
    with pytest.raises(Rejected) as caught:
        sniff(head)
    assert caught.value.code == "unsupported_type"
    assert "JPEG" in caught.value.message and "didukung" in caught.value.message_id


def test_every_rejection_code_has_a_sentence_and_too_large_names_the_limit():
    for code in CODES:
        assert Rejected(code).message_id.endswith(".")
    with pytest.raises(Rejected) as caught:
        check_size(61 * 1024 * 1024, 60 * 1024 * 1024)
    assert caught.value.message.startswith("Berkas melebihi batas ukuran unggahan (60 MB).")


def test_rejected_survives_pickling_for_worker_processes():
    import pickle

    copy = pickle.loads(pickle.dumps(Rejected("too_large", "70 MB", {"mb": 60})))
    assert (copy.code, copy.detail, copy.params) == ("too_large", "70 MB", {"mb": 60})


def test_exifread_crash_never_fails_and_pillow_fills_in(monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(exifread, "process_file", explode)
    data = (FIXTURES / "images/florida_beach.jpg").read_bytes()
    result = read_exif(data, open_image(data, 10**8))
    assert (result.facts.make, result.facts.model) == ("Apple", "iPhone 7")
    assert round(result.facts.gps_lon, 5) == -82.82608
    assert {"code": "exif_unreadable", "reader": "exifread", "error": "RuntimeError"} in result.problems


def test_camera_settings_and_offset_are_read():
    data = (FIXTURES / "images/IMG_5195.HEIC").read_bytes()
    facts = read_exif(data, open_image(data, 10**8)).facts
    assert facts.utc_offset_minutes == -300
    assert facts.lens.startswith("iPhone 11 Pro Max back")
    assert (facts.f_number, facts.iso, facts.focal_length_mm) == (1.8, 32, 4.25)
    assert 0 < facts.exposure_time < 0.01
    assert exif_module.utc_time(facts).hour == 20


def test_invalid_orientation_is_treated_as_upright_and_reported():
    data = (FIXTURES / "images/Landscape_0.jpg").read_bytes()
    result = read_exif(data, open_image(data, 10**8))
    assert result.facts.orientation == 1
    assert [p["code"] for p in result.problems] == ["orientation_invalid"]


def test_file_without_metadata_gives_empty_facts_and_no_problems():
    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, "PNG")
    result = read_exif(out.getvalue(), open_image(out.getvalue(), 10**6))
    assert result.facts == exif_module.ExifFacts()
    assert result.problems == ()


def test_photo_stages_import_neither_flask_nor_a_database():
    import ast
    from pathlib import Path

    import press.photos

    for module in Path(press.photos.__file__).parent.glob("*.py"):
        tree = ast.parse(module.read_text())
        names = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [n for n in names if n.split(".")[0] in ("flask", "sqlalchemy", "sqlite3")], module.name
