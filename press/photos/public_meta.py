"""Caption, by-line, credit, copyright and usage terms written into a rendition JPEG where
journalists' tools look for them, and nothing else.

Three copies, because every newsroom tool reads a different one: IPTC IIM in an APP13
Photoshop 8BIM 0x0404 resource (2:120 caption, 2:80 by-line, 2:110 credit, 2:116
copyright, 2:40 special instructions for the usage terms, as the wires use it; UTF-8
declared by 1:90 ESC % G), XMP in APP1 (dc:description, dc:creator, photoshop:Credit,
dc:rights, xmpRights:UsageTerms, xmpRights:WebStatement: the licence's page) and a freshly built EXIF APP1 (ImageDescription, Artist,
Copyright, Orientation 1). The original's EXIF is never copied, so GPS, serial numbers
and maker notes cannot leak; any APP1/APP13 already in the JPEG is dropped.
"""
from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from xml.sax.saxutils import escape

_EXIF_HEADER = b"Exif\x00\x00"
_XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
_PS_HEADER = b"Photoshop 3.0\x00"
_IPTC = {"caption": 120, "byline": 80, "credit": 110, "copyright": 116, "usage_terms": 40}
_EXIF = {"caption": 0x010E, "byline": 0x013B, "copyright": 0x8298}
_NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
}


@dataclass(frozen=True)
class PublicMeta:
    caption: str | None = None
    byline: str | None = None
    credit: str | None = None
    copyright: str | None = None
    usage_terms: str | None = None
    web_statement: str | None = None

    def items(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v}


def embed_public_meta(jpeg: bytes, meta: PublicMeta) -> bytes:
    """``jpeg`` with its APP1/APP13 segments replaced by ours (always an EXIF block,
    so Orientation=1 is explicit even when there is no text)."""
    return with_segments(jpeg, public_segments(meta))


def public_segments(meta: PublicMeta) -> bytes:
    """The APP1 (EXIF, XMP) and APP13 (IPTC) segments of ``meta``, built once for
    several renditions of one photo (``with_segments``)."""
    segments = [_segment(0xE1, _EXIF_HEADER + build_exif(meta))]
    if meta.items():
        segments += [
            _segment(0xE1, _XMP_HEADER + build_xmp(meta)),
            _segment(0xED, _PS_HEADER + build_8bim_iptc(meta)),
        ]
    return b"".join(segments)


def with_segments(jpeg: bytes, segments: bytes) -> bytes:
    """``jpeg`` with its APP1/APP13 segments replaced by ``segments`` (``public_segments``)."""
    head, rest = _split_after_app0(_strip_segments(jpeg, (0xE1, 0xED)))
    return head + segments + rest


# -- writing ------------------------------------------------------------------------


def build_exif(meta: PublicMeta) -> bytes:
    """A big-endian TIFF with one IFD: the text tags (UTF-8) and Orientation 1."""
    entries = [(0x0112, 3, 1, struct.pack(">HH", 1, 0))]
    for name, tag in _EXIF.items():
        value = getattr(meta, name)
        if value:
            entries.append((tag, 2, None, value.encode("utf-8") + b"\x00"))
    entries.sort()
    data_offset = 8 + 2 + 12 * len(entries) + 4
    table, data = b"", b""
    for tag, kind, count, payload in entries:
        if kind == 2:
            count = len(payload)
            if count <= 4:
                field = payload.ljust(4, b"\x00")
            else:
                field = struct.pack(">I", data_offset + len(data))
                data += payload + (b"\x00" if len(payload) % 2 else b"")
        else:
            field = payload
        table += struct.pack(">HHI", tag, kind, count) + field
    return b"MM\x00*" + struct.pack(">I", 8) + struct.pack(">H", len(entries)) + table + b"\x00" * 4 + data


def build_xmp(meta: PublicMeta) -> bytes:
    parts = []
    if meta.caption:
        parts.append(f"<dc:description>{_alt(meta.caption)}</dc:description>")
    if meta.byline:
        parts.append(f"<dc:creator><rdf:Seq><rdf:li>{escape(meta.byline)}</rdf:li></rdf:Seq></dc:creator>")
    if meta.copyright:
        parts.append(f"<dc:rights>{_alt(meta.copyright)}</dc:rights>")
    if meta.credit:
        parts.append(f"<photoshop:Credit>{escape(meta.credit)}</photoshop:Credit>")
    if meta.usage_terms:
        parts.append(f"<xmpRights:UsageTerms>{_alt(meta.usage_terms)}</xmpRights:UsageTerms>")
    if meta.web_statement:
        parts.append(f"<xmpRights:WebStatement>{escape(meta.web_statement)}</xmpRights:WebStatement>")
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="{rdf}">'
        '<rdf:Description rdf:about="" xmlns:dc="{dc}" xmlns:photoshop="{photoshop}" xmlns:xmpRights="{xmpRights}">'
        "{body}</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).format(body="".join(parts), **_NS).encode("utf-8")


def _alt(text: str) -> str:
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'


def build_8bim_iptc(meta: PublicMeta) -> bytes:
    """Photoshop image resource 0x0404 holding the IPTC IIM datasets."""
    iim = _dataset(1, 90, b"\x1b%G") + _dataset(2, 0, b"\x00\x04")
    for name, number in _IPTC.items():
        value = getattr(meta, name)
        if value:
            iim += _dataset(2, number, value.encode("utf-8"))
    padded = iim + (b"\x00" if len(iim) % 2 else b"")
    return b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim)) + padded


def _dataset(record: int, number: int, value: bytes) -> bytes:
    if len(value) > 0x7FFF:
        raise ValueError("IPTC dataset too long")
    return struct.pack(">BBBH", 0x1C, record, number, len(value)) + value


def _segment(marker: int, payload: bytes) -> bytes:
    if len(payload) + 2 > 0xFFFF:
        raise ValueError("metadata segment too long for a JPEG marker")
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


# -- JPEG segment surgery -----------------------------------------------------------


def iter_segments(jpeg: bytes):
    """(marker, start, end) of each header segment up to the start of scan."""
    if not jpeg.startswith(b"\xff\xd8"):
        raise ValueError("not a JPEG")
    pos = 2
    while pos + 4 <= len(jpeg):
        if jpeg[pos] != 0xFF:
            raise ValueError(f"bad JPEG marker at {pos}")
        marker = jpeg[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        length = struct.unpack(">H", jpeg[pos + 2:pos + 4])[0]
        yield marker, pos, pos + 2 + length
        if marker == 0xDA:
            return
        pos += 2 + length


def _strip_segments(jpeg: bytes, markers: tuple[int, ...]) -> bytes:
    out, last = [jpeg[:2]], 2
    for marker, start, end in iter_segments(jpeg):
        if marker == 0xDA:
            break
        if marker in markers:
            out.append(jpeg[last:start])
            last = end
    out.append(jpeg[last:])
    return b"".join(out)


def _split_after_app0(jpeg: bytes) -> tuple[bytes, bytes]:
    for marker, _start, end in iter_segments(jpeg):
        if marker == 0xE0:
            return jpeg[:end], jpeg[end:]
        break
    return jpeg[:2], jpeg[2:]


# -- reading (tests, audits) --------------------------------------------------------


def read_public_meta(jpeg: bytes) -> dict:
    """``{"iptc": {...}, "xmp": {...}, "exif": {...}}`` with caption, byline, credit,
    copyright, usage terms (and the XMP web statement) as found in each block (absent keys where a block lacks them)."""
    result = {"iptc": {}, "xmp": {}, "exif": {}}
    for marker, start, end in iter_segments(jpeg):
        payload = jpeg[start + 4:end]
        if marker == 0xED and payload.startswith(_PS_HEADER):
            result["iptc"] = _read_iptc(payload[len(_PS_HEADER):])
        elif marker == 0xE1 and payload.startswith(_XMP_HEADER):
            result["xmp"] = _read_xmp(payload[len(_XMP_HEADER):])
        elif marker == 0xE1 and payload.startswith(_EXIF_HEADER):
            result["exif"] = _read_exif_text(payload[len(_EXIF_HEADER):])
    return result


def _read_iptc(resources: bytes) -> dict:
    pos, found = 0, {}
    while pos + 12 <= len(resources) and resources[pos:pos + 4] == b"8BIM":
        rid = struct.unpack(">H", resources[pos + 4:pos + 6])[0]
        name_len = resources[pos + 6]
        pos += 6 + 1 + name_len + ((1 + name_len) % 2)
        size = struct.unpack(">I", resources[pos:pos + 4])[0]
        data = resources[pos + 4:pos + 4 + size]
        pos += 4 + size + size % 2
        if rid == 0x0404:
            found.update(_read_iim(data))
    return found


def _read_iim(data: bytes) -> dict:
    names = {number: name for name, number in _IPTC.items()}
    pos, found, utf8 = 0, {}, False
    while pos + 5 <= len(data) and data[pos] == 0x1C:
        record, number, length = struct.unpack(">BBH", data[pos + 1:pos + 5])
        value = data[pos + 5:pos + 5 + length]
        pos += 5 + length
        if (record, number) == (1, 90):
            utf8 = value == b"\x1b%G"
        elif record == 2 and number in names:
            found[names[number]] = value.decode("utf-8" if utf8 else "latin-1")
    return found


def _read_xmp(packet: bytes) -> dict:
    root = ET.fromstring(packet)
    paths = {
        "caption": "dc:description/rdf:Alt/rdf:li",
        "byline": "dc:creator/rdf:Seq/rdf:li",
        "copyright": "dc:rights/rdf:Alt/rdf:li",
        "credit": "photoshop:Credit",
        "usage_terms": "xmpRights:UsageTerms/rdf:Alt/rdf:li",
        "web_statement": "xmpRights:WebStatement",
    }
    found = {}
    for description in root.iter(f"{{{_NS['rdf']}}}Description"):
        for name, path in paths.items():
            node = description.find(path, _NS)
            if node is not None and node.text:
                found[name] = node.text
    return found


def _read_exif_text(tiff: bytes) -> dict:
    endian = "<" if tiff[:2] == b"II" else ">"
    offset = struct.unpack(endian + "I", tiff[4:8])[0]
    count = struct.unpack(endian + "H", tiff[offset:offset + 2])[0]
    names = {tag: name for name, tag in _EXIF.items()}
    found = {}
    for i in range(count):
        entry = tiff[offset + 2 + 12 * i: offset + 14 + 12 * i]
        tag, kind, n = struct.unpack(endian + "HHI", entry[:8])
        if tag in names and kind == 2:
            raw = entry[8:8 + n] if n <= 4 else tiff[struct.unpack(endian + "I", entry[8:])[0]:][:n]
            found[names[tag]] = raw.rstrip(b"\x00").decode("utf-8", "replace")
    return found
