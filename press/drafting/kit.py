"""The media kit: one ZIP with the release as DOCX, the web renditions of its photos (and
their crops for the channels, under ``foto/potongan/``) and
``captions.txt`` (one line per photo, tab-separated: file name, caption, credit and, when
known, the photo's page on the public site), for journalists.

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
    crops: tuple[tuple[str, bytes], ...] = ()
    """The photo's crops for the channels, ``(name, JPEG)``: written beside it under ``potongan/``."""


def _safe(slug: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", (slug or "siaran").lower()).strip("-") or "siaran"


def photo_name(slug: str, number: int) -> str:
    return f"foto/{_safe(slug)}-{number:02d}.jpg"


def build_kit(*, slug: str, headline: str, docx: bytes, photos: list[KitPhoto] = ()) -> bytes:
    out = io.BytesIO()
    lines = [headline.strip(), ""]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{_safe(slug)}.docx", docx)
        for number, photo in enumerate(photos, start=1):
            name = photo_name(slug, number)
            # JPEGs are already compressed: store them.
            archive.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), photo.image,
                             compress_type=zipfile.ZIP_STORED)
            for crop, image in photo.crops:
                archive.writestr(zipfile.ZipInfo(f"foto/potongan/{_safe(slug)}-{number:02d}-{_safe(crop)}.jpg",
                                                 date_time=(2020, 1, 1, 0, 0, 0)), image, compress_type=zipfile.ZIP_STORED)
            caption = " ".join((photo.caption or "").split())
            credit = " ".join((photo.credit or "").split())
            columns = [name.split("/", 1)[1], caption]
            if credit or photo.page:
                columns.append(f"Foto: {credit}" if credit else "")
            if photo.page:
                columns.append(photo.page)
            lines.append("\t".join(columns))
        archive.writestr("captions.txt", "\r\n".join(lines) + "\r\n")
    return out.getvalue()
