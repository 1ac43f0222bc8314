"""What kind of file this is, judged from its first bytes and never from its name.

``sniff`` returns the MIME type of an accepted photo or raises ``Rejected``
(``empty_file``, ``too_large``, ``unsupported_type``).
"""
from __future__ import annotations

from .errors import Rejected

HEAD_BYTES = 64
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"}
_HEIF_GENERIC = {b"mif1", b"msf1", b"mif2"}
_AVIF_BRANDS = {b"avif", b"avis"}


def check_size(size: int, max_bytes: int) -> None:
    """Refuse empty files and files over the upload limit."""
    if size == 0:
        raise Rejected("empty_file")
    if size > max_bytes:
        raise Rejected("too_large", f"{size} bytes, limit {max_bytes}", {"mb": round(max_bytes / (1024 * 1024))})


def sniff(head: bytes) -> str:
    """MIME type of a supported photo from its first ``HEAD_BYTES`` bytes."""
    if not head:
        raise Rejected("empty_file")
    mime = _magic(head) or _iso_bmff(head)
    if mime is None:
        raise Rejected("unsupported_type", f"first bytes {head[:12].hex(' ')}")
    return mime


def _magic(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "image/tiff"
    return None


def _iso_bmff(head: bytes) -> str | None:
    """HEIF family: an ``ftyp`` box whose major or compatible brands say HEIC/AVIF."""
    if head[4:8] != b"ftyp":
        return None
    box_size = int.from_bytes(head[:4], "big")
    end = min(max(box_size, 16), len(head))
    major = head[8:12]
    compatible = {head[i:i + 4] for i in range(16, end - 3, 4)}
    for brands in ({major}, compatible):
        if brands & _AVIF_BRANDS:
            return "image/avif"
        if brands & _HEIF_BRANDS:
            return "image/heic"
    if (compatible | {major}) & _HEIF_GENERIC:
        return "image/heif"
    return None
