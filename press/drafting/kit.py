"""The media kit: one ZIP with the release as DOCX, the web renditions of its photos (and
their print renditions where made, ``-cetak.jpg``, and their crops for the channels, under
``foto/potongan/``) and ``captions.txt`` (one line per file, tab-separated: file name,
caption, credit and, when known, the usage terms (the licence and its restrictions) and the
photo's page on the public site), for journalists. A public collection's ZIP
(``build_photo_zip``) is the same without the DOCX.

The page is the photo's stable address: a rendition's address changes with its caption
and answers 404 once the photo is withdrawn, so it is never written here.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass


@dataclass(frozen=True)
class KitPhoto:
    image: bytes
    caption: str = ""
    credit: str = ""
    page: str = ""
    print_image: bytes | None = None
    licence: str = ""
    crops: tuple[tuple[str, bytes], ...] = ()
    """The photo's crops for the channels, ``(name, JPEG)``: written beside it under ``potongan/``."""


def _safe(slug: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", (slug or "siaran").lower()).strip("-") or "siaran"


def photo_name(slug: str, number: int, suffix: str = "") -> str:
    return f"foto/{_safe(slug)}-{number:02d}{suffix}.jpg"


def build_kit(*, slug: str, headline: str, docx: bytes | None, photos: list[KitPhoto] = ()) -> bytes:
    """The ZIP: the DOCX (when given), the photos and ``captions.txt`` headed by ``headline``."""
    out = io.BytesIO()
    lines = [headline.strip(), ""]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if docx is not None:
            archive.writestr(f"{_safe(slug)}.docx", docx)
        for number, photo in enumerate(photos, start=1):
            files = [(photo_name(slug, number), photo.image)]
            if photo.print_image:
                files.append((photo_name(slug, number, "-cetak"), photo.print_image))
            for name, image in files:
                # JPEGs are already compressed: store them.
                archive.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), image,
                                 compress_type=zipfile.ZIP_STORED)
                lines.append(_caption_line(name.split("/", 1)[1], photo))
            for crop, image in photo.crops:
                archive.writestr(zipfile.ZipInfo(f"foto/potongan/{_safe(slug)}-{number:02d}-{_safe(crop)}.jpg",
                                                 date_time=(2020, 1, 1, 0, 0, 0)), image, compress_type=zipfile.ZIP_STORED)
        archive.writestr("captions.txt", "\r\n".join(lines) + "\r\n")
    return out.getvalue()


def build_photo_zip(*, slug: str, title: str, photos: list[KitPhoto]) -> bytes:
    """A public collection as one ZIP: its photos and ``captions.txt``."""
    return build_kit(slug=slug, headline=title, docx=None, photos=photos)


def _caption_line(name: str, photo: KitPhoto) -> str:
    caption = " ".join((photo.caption or "").split())
    credit = " ".join((photo.credit or "").split())
    licence = " ".join((photo.licence or "").split())
    columns = [name, caption]
    if credit or licence or photo.page:
        columns.append(f"Foto: {credit}" if credit else "")
    if licence or photo.page:
        columns.append(f"Lisensi: {licence}" if licence else "")
    if photo.page:
        columns.append(photo.page)
    return "\t".join(columns)
