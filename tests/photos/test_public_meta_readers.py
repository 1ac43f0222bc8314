"""What Siaran writes into a public rendition, read back by other software (Pillow's EXIF,
IPTC and XMP readers, and the XML parser), never by ``read_public_meta``: a writer and its own
reader can share one mistake that every newsroom tool would see."""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image, IptcImagePlugin

from press.photos.public_meta import PublicMeta, build_xmp, embed_public_meta, read_public_meta

FULL = PublicMeta(caption="Pembukaan — Musrenbang Kecamatan", byline="Ani", credit="Humas Kota Bekasi",
                  copyright="© Pemerintah Kota Bekasi", usage_terms="CC BY 4.0",
                  web_statement="https://bekasikota.go.id/lisensi")
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
      "photoshop": "http://ns.adobe.com/photoshop/1.0/", "xmpRights": "http://ns.adobe.com/xap/1.0/rights/"}
XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"


def jpeg(*, jfif: bool = True, exif: Image.Exif | None = None) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (24, 16), "teal").save(out, "JPEG", **({"exif": exif} if exif else {}))
    data = out.getvalue()
    if not jfif:  # drop the APP0 segment right after SOI
        length = int.from_bytes(data[4:6], "big")
        data = data[:2] + data[4 + length:]
    return data


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def exif_text(image: Image.Image) -> dict[int, str]:
    """Pillow reads EXIF ASCII as Latin-1; Siaran writes UTF-8."""
    return {tag: value.encode("latin-1").decode("utf-8") if isinstance(value, str) else value
            for tag, value in image.getexif().items()}


@pytest.mark.parametrize("byline", ["Ed", "Ani", "Budi", "Budi S", "Dedi Mulyadi"])
def test_pillow_reads_the_exif_text_and_orientation_one(byline):
    """Short values sit inside the entry, longer ones (odd and even lengths) after the table."""
    meta = PublicMeta(caption=FULL.caption, byline=byline, copyright=FULL.copyright)
    assert exif_text(opened(embed_public_meta(jpeg(), meta))) == {
        0x0112: 1, 0x010E: FULL.caption, 0x013B: byline, 0x8298: FULL.copyright}


def ifd_entries(data: bytes) -> tuple[bytes, list[tuple[int, int, int, bytes]]]:
    """The EXIF block's TIFF and its first IFD as (tag, type, count, value or offset field),
    read by hand from TIFF 6.0's layout."""
    start = data.index(b"Exif\x00\x00") + 6
    length = int.from_bytes(data[start - 8:start - 6], "big") - 8
    tiff = data[start:start + length]
    assert tiff[:4] == b"MM\x00*"
    offset = int.from_bytes(tiff[4:8], "big")
    count = int.from_bytes(tiff[offset:offset + 2], "big")
    entries = [tiff[offset + 2 + 12 * i:offset + 14 + 12 * i] for i in range(count)]
    return tiff, [(int.from_bytes(e[:2], "big"), int.from_bytes(e[2:4], "big"), int.from_bytes(e[4:8], "big"), e[8:])
                  for e in entries]


def test_the_exif_block_follows_tiff_layout_word_aligned_and_sorted():
    """Orientation one SHORT; each text an ASCII value with its NUL, stored at an even offset
    when longer than four bytes (TIFF 6.0: "the Value Offset ... must be an even number")."""
    meta = PublicMeta(caption="Pembukaan", byline="Dedi", copyright="© Pemkot Bekasi")
    tiff, entries = ifd_entries(embed_public_meta(jpeg(), meta))
    assert [tag for tag, *_ in entries] == sorted(tag for tag, *_ in entries)
    assert (0x0112, 3, 1, b"\x00\x01\x00\x00") in entries
    texts = {0x010E: meta.caption, 0x013B: meta.byline, 0x8298: meta.copyright}
    assert {tag for tag, *_ in entries} == {0x0112, *texts}
    for tag, kind, count, field in (entry for entry in entries if entry[0] != 0x0112):
        value = texts[tag].encode() + b"\x00"
        assert (kind, count) == (2, len(value))
        at = int.from_bytes(field, "big")
        assert at % 2 == 0 and tiff[at:at + count] == value


def test_a_rendition_without_text_still_says_orientation_one_and_nothing_else():
    image = opened(embed_public_meta(jpeg(), PublicMeta()))
    assert dict(image.getexif()) == {0x0112: 1}
    assert "xmp" not in image.info and "photoshop" not in image.info


def test_pillow_reads_every_iptc_dataset_declared_utf8():
    info = IptcImagePlugin.getiptcinfo(opened(embed_public_meta(jpeg(), FULL)))
    assert info == {
        (1, 90): b"\x1b%G", (2, 0): b"\x00\x04",
        (2, 120): FULL.caption.encode(), (2, 80): b"Ani", (2, 110): FULL.credit.encode(),
        (2, 116): FULL.copyright.encode(), (2, 40): FULL.usage_terms.encode(),
    }


@pytest.mark.parametrize("caption", ["Rapat", "Rapat!"])
def test_the_iptc_resource_is_padded_to_an_even_length_and_says_its_true_size(caption):
    data = embed_public_meta(jpeg(), PublicMeta(caption=caption))
    resource = opened(data).info["photoshop"][0x0404]
    [app13] = [payload for name, payload in opened(data).applist if name == "APP13"]
    # "Photoshop 3.0", 8BIM, the resource id, an empty name, the size; the data padded to even
    assert app13[14:20] == b"8BIM\x04\x04" and int.from_bytes(app13[22:26], "big") == len(resource)
    assert len(app13) == 26 + len(resource) + len(resource) % 2
    assert resource.endswith(b"\x1c\x02\x78" + len(caption).to_bytes(2, "big") + caption.encode())
    assert IptcImagePlugin.getiptcinfo(opened(data))[(2, 120)] == caption.encode()


def test_the_xmp_packet_is_a_wrapped_rdf_description_other_tools_parse():
    packet = opened(embed_public_meta(jpeg(), FULL)).info["xmp"]
    assert re.fullmatch(rb'<\?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"\?>(.*)<\?xpacket end="w"\?>',
                        packet, re.S)
    root = ET.fromstring(packet)
    [rdf] = root.findall("rdf:RDF", NS)
    [description] = rdf.findall("rdf:Description", NS)
    assert not (rdf.text or "").strip() and not (description.tail or "").strip()
    assert not (description.text or "").strip() and all(not (child.tail or "").strip() for child in description)
    assert description.find("dc:description/rdf:Alt/rdf:li", NS).text == FULL.caption
    assert description.find("dc:creator/rdf:Seq/rdf:li", NS).text == "Ani"
    assert description.find("dc:rights/rdf:Alt/rdf:li", NS).text == FULL.copyright
    assert description.find("photoshop:Credit", NS).text == FULL.credit
    assert description.find("xmpRights:UsageTerms/rdf:Alt/rdf:li", NS).text == FULL.usage_terms
    assert description.find("xmpRights:WebStatement", NS).text == FULL.web_statement


def test_a_cameras_exif_and_an_old_photoshop_block_are_replaced_and_the_pixels_kept():
    camera = Image.Exif()
    camera[0x010F] = "Canon"
    camera.get_ifd(0x8825)[1] = "S"
    original = jpeg(exif=camera)
    once = embed_public_meta(original, PublicMeta(caption="lama", usage_terms="Hak cipta"))
    twice = embed_public_meta(once, FULL)
    image = opened(twice)
    assert 0x010F not in image.getexif() and 0x8825 not in image.getexif()
    assert [name for name, _ in image.applist] == ["APP0", "APP1", "APP1", "APP13"]
    assert image.tobytes() == opened(original).tobytes()


def test_without_a_jfif_segment_the_metadata_follows_the_start_of_image():
    bare = jpeg(jfif=False)
    data = embed_public_meta(bare, FULL)
    assert data.startswith(b"\xff\xd8\xff\xe1")
    image = opened(data)
    assert [name for name, _ in image.applist] == ["APP1", "APP1", "APP13"]
    assert image.tobytes() == opened(bare).tobytes()


def test_fill_bytes_between_segments_are_kept_and_skipped():
    plain = jpeg()
    filled = plain[:2] + b"\xff" + plain[2:]
    data = embed_public_meta(filled, FULL)
    assert exif_text(opened(data))[0x010E] == FULL.caption
    assert opened(data).tobytes() == opened(plain).tobytes()


def test_what_is_not_a_jpeg_is_refused():
    with pytest.raises(ValueError, match="not a JPEG"):
        embed_public_meta(b"\x89PNG\r\n\x1a\n", FULL)
    with pytest.raises(ValueError, match="bad JPEG marker"):
        embed_public_meta(b"\xff\xd8\x00\x00\x00\x00", FULL)


def test_the_longest_caption_iptc_holds_is_written_and_one_byte_more_refused():
    data = embed_public_meta(jpeg(), PublicMeta(caption="a" * 0x7FFF))
    assert IptcImagePlugin.getiptcinfo(opened(data))[(2, 120)] == b"a" * 0x7FFF
    with pytest.raises(ValueError, match="^IPTC dataset too long$"):
        embed_public_meta(jpeg(), PublicMeta(caption="a" * 0x8000))


def test_the_largest_xmp_a_marker_holds_is_written_and_one_byte_more_refused():
    room = 0xFFFF - 2 - len(XMP_HEADER) - len(build_xmp(PublicMeta(web_statement="")))
    room -= len(b"<xmpRights:WebStatement></xmpRights:WebStatement>")
    data = embed_public_meta(jpeg(), PublicMeta(web_statement="w" * room))
    assert len(opened(data).info["xmp"]) + len(XMP_HEADER) + 2 == 0xFFFF
    with pytest.raises(ValueError, match="^metadata segment too long for a JPEG marker$"):
        embed_public_meta(jpeg(), PublicMeta(web_statement="w" * (room + 1)))


def test_the_audit_reader_reads_a_little_endian_exif_written_by_pillow():
    exif = Image.Exif()
    exif.endian = "<"
    exif[0x010E], exif[0x013B], exif[0x8298], exif[0x010F] = "Banjir di Bekasi Timur", "Budi", "Pemkot", "Canon"
    data = jpeg(exif=exif)
    assert data[data.index(b"Exif\x00\x00") + 6:][:2] == b"II"
    assert read_public_meta(data)["exif"] == {"caption": "Banjir di Bekasi Timur", "byline": "Budi", "copyright": "Pemkot"}


def test_the_audit_reader_reads_back_every_field_siaran_writes():
    found = read_public_meta(embed_public_meta(jpeg(), FULL))
    assert found["iptc"] == {k: v for k, v in FULL.items().items() if k != "web_statement"}
    assert found["xmp"] == FULL.items()
    assert found["exif"] == {"caption": FULL.caption, "byline": "Ani", "copyright": FULL.copyright}


def _resource(rid: int, name: bytes, data: bytes) -> bytes:
    pascal = bytes([len(name)]) + name
    return (b"8BIM" + rid.to_bytes(2, "big") + pascal + b"\x00" * (len(pascal) % 2)
            + len(data).to_bytes(4, "big") + data + b"\x00" * (len(data) % 2))


@pytest.mark.parametrize("name", [b"", b"abc", b"Resolusi"])
def test_the_audit_reader_finds_latin1_iptc_after_another_photoshop_resource(name):
    """As an older tool writes it: no 1:90 declaration (Latin-1), a named resource before."""
    iim = b"\x1c\x02\x78\x00\x04Caf\xe9" + b"\x1c\x02\x50\x00\x03Ani"
    payload = b"Photoshop 3.0\x00" + _resource(0x0FA0, name, b"ab\x00") + _resource(0x0404, b"", iim)
    plain = jpeg()
    data = plain[:2] + b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload + plain[2:]
    assert IptcImagePlugin.getiptcinfo(opened(data))[(2, 120)] == b"Caf\xe9"
    assert read_public_meta(data)["iptc"] == {"caption": "Café", "byline": "Ani"}


def test_the_audit_reader_says_each_block_is_empty_when_a_jpeg_has_none():
    assert read_public_meta(jpeg()) == {"iptc": {}, "xmp": {}, "exif": {}}
