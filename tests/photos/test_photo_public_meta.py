"""Public renditions carry caption and credit, and never the private metadata."""
from __future__ import annotations

import io

import exifread
import pytest

from press.photos.process import rebuild_renditions, rewrite_public_meta
from press.photos.public_meta import PublicMeta, embed_public_meta, read_public_meta

from .conftest import IMAGES, MAX_PIXELS, META

PRIVATE_PREFIXES = ("GPS ", "MakerNote ")
PRIVATE_TAGS = {"EXIF BodySerialNumber", "EXIF MakerNote", "Image GPSInfo", "EXIF LensSerialNumber",
                "EXIF CameraSerialNumber", "Image CameraSerialNumber", "EXIF DateTimeOriginal"}
WITH_GPS = [p for p in IMAGES if p in {
    "images/florida_beach.jpg", "images/sample1.jpg", "images/has-lens-info.jpg",
    "images/IMG_5195.HEIC", "images/xiaomi.heic", "images/ifd_tag_type.tiff",
    "images/67-0_length_string.jpg", "images/empty_icc.heic", "images/little_endian.jpg",
}]
WITH_MAKER_NOTES = ["images/r_canon.jpg", "images/r_sony.jpg", "images/canon_hdr_NO.jpg", "images/32-lens_data.jpeg"]


def rendition_bytes(storage, photo, variant):
    with storage.open_rendition(photo.key, variant) as handle:
        return handle.read()


def private_tags(jpeg: bytes) -> set[str]:
    tags = exifread.process_file(io.BytesIO(jpeg), details=True)
    return {name for name in tags if name.startswith(PRIVATE_PREFIXES) or name in PRIVATE_TAGS}


def test_originals_really_have_gps_and_maker_notes():
    from .conftest import FIXTURES

    for path in WITH_MAKER_NOTES + ["images/florida_beach.jpg"]:
        assert private_tags((FIXTURES / path).read_bytes()), path


@pytest.mark.parametrize("path", sorted(set(WITH_GPS + WITH_MAKER_NOTES)))
@pytest.mark.parametrize("variant", ["thumb", "web"])
def test_gps_serials_and_maker_notes_never_reach_public_rendition(ingest, storage, path, variant):
    jpeg = rendition_bytes(storage, ingest(path), variant)
    assert private_tags(jpeg) == set()
    assert b"GPS" not in jpeg[:4096]


@pytest.mark.parametrize("path", ["images/florida_beach.jpg", "images/transparent.png", "images/xiaomi.heic"])
def test_rendition_carries_caption_byline_credit_copyright_in_iptc_xmp_and_exif(ingest, storage, path):
    meta = read_public_meta(rendition_bytes(storage, ingest(path), "web"))
    assert meta["iptc"] == META
    assert meta["xmp"] == META
    assert meta["exif"] == {k: META[k] for k in ("caption", "byline", "copyright")}


def test_exifread_sees_the_public_exif_text(ingest, storage):
    tags = exifread.process_file(io.BytesIO(rendition_bytes(storage, ingest("images/sample1.jpg"), "thumb")))
    assert str(tags["Image Artist"]) == META["byline"]
    assert "Pemerintah Kota Bekasi" in str(tags["Image Copyright"])


def test_iptc_declares_utf8():
    jpeg = embed_public_meta(_blank_jpeg(), PublicMeta(caption="Pembukaan — Musrenbang"))
    assert b"\x1c\x01\x5a\x00\x03\x1b%G" in jpeg
    assert read_public_meta(jpeg)["iptc"]["caption"] == "Pembukaan — Musrenbang"


def test_xml_special_characters_survive_xmp(ingest):
    meta = PublicMeta(caption='Dinas <PUPR> & "Bina Marga"', byline="A & B")
    assert read_public_meta(embed_public_meta(_blank_jpeg(), meta))["xmp"] == meta.items()


def test_embedding_twice_replaces_rather_than_stacks():
    once = embed_public_meta(_blank_jpeg(), PublicMeta(caption="lama"))
    twice = embed_public_meta(once, PublicMeta(caption="baru", credit="Humas"))
    assert read_public_meta(twice)["iptc"] == {"caption": "baru", "credit": "Humas"}
    assert twice.count(b"Photoshop 3.0") == 1 and twice.count(b"http://ns.adobe.com/xap/1.0/\x00") == 1


def test_caption_change_rewrites_metadata_without_touching_pixels(ingest, storage):
    photo = ingest("images/sample1.jpg")
    before = rendition_bytes(storage, photo, "web")
    rewrite_public_meta(storage, photo.key, PublicMeta(caption="Keterangan baru", credit="Diskominfo"))
    after = rendition_bytes(storage, photo, "web")
    assert read_public_meta(after)["iptc"] == {"caption": "Keterangan baru", "credit": "Diskominfo"}
    assert before[before.index(b"\xff\xda"):] == after[after.index(b"\xff\xda"):]


def test_rebuild_renditions_follows_new_sizes(ingest, storage):
    photo = ingest("images/florida_beach.jpg")
    paths = rebuild_renditions(storage, photo.key, {"thumb": 300, "large": 2048}, PublicMeta(**META),
                               max_pixels=MAX_PIXELS)
    assert set(paths) == {"thumb", "large"}
    assert storage.rendition_variants(photo.key) == ["large", "thumb"]
    assert read_public_meta(rendition_bytes(storage, photo, "large"))["xmp"] == META


def _blank_jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(out, "JPEG")
    return out.getvalue()


def test_serial_number_and_gps_written_by_a_camera_are_dropped(ingest, storage):
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Canon", "Canon EOS R6"
    exif.get_ifd(0x8769)[0xA431] = "012345678901"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "S", (6.0, 14.0, 17.9), "E", (106.0, 58.0, 32.2)
    out = io.BytesIO()
    Image.new("RGB", (640, 480), "teal").save(out, "JPEG", exif=exif)
    assert "EXIF BodySerialNumber" in private_tags(out.getvalue())
    photo = ingest(out.getvalue())
    assert round(photo.exif.gps_lat, 3) == -6.238
    for variant in ("thumb", "web"):
        jpeg = rendition_bytes(storage, photo, variant)
        assert private_tags(jpeg) == set()
        assert b"012345678901" not in jpeg
