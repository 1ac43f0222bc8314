"""The crops' sources: the whole photo, upright and in sRGB, at the few scales the named
crops need, kept private beside the original (``Store.put_private``) so that a crop asked
for alone is cut in a fraction of what the original costs.

Why: decoding a 24 MP original costs more than a whole crop may (the entropy decoding of
its ~11 MB, whatever the draft reduction), and a crop cut from a rendition much larger
than it needs spends more in the resize than in the decode (a bicubic resize costs
about the window's pixels times the reduction). A source at a crop's own scale makes
both small: a decode of 2-6 MP and a resize close to 1:1.

Which scales (``source_edges``): each crop needs the photo at the long edge where its
window holds its size (the window's size does not depend on the focal point, only its
place, so moving the focal point keeps the sources). Largest first, a crop is served by
a source already chosen when that source is at most ``GAP`` times larger; else it gets a
source of its own. The default crops on a 6000x4000 photo: 2880x1920 (story), 2026x1351
(portrait, landscape, square) and 1200x800 (link preview). A source is never decoded
with a JPEG ``draft`` reduction: the link preview cut from the largest one at ½ (DCT
halving of a picture already resampled) differed from the original's crop by twice as
much as one cut from a source at its scale (3.7 against 1.9 of 255).

A source is no rendition: no row, no URL, outside ``renditions/`` (which an object store
serving renditions itself lets anyone read); no metadata (no EXIF, so no GPS; no
profile: it is sRGB). Its name and hash are recorded on the photo (``Media.crop_sources``)
so that a damaged file is refused when read (the crop is then cut from the original) and
found by ``flask media verify``. Sources are made from the original's decode whenever
crops are cut from it, and go with the original (``Store.delete``).
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image

from press.storage import StorageError, Store
from press.storage.files import content_key

from .opening import open_image
from .renditions import REDUCING_GAP, RESAMPLE, encode_jpeg, to_srgb, to_upright

QUALITY = 90
"""Above the renditions' 85: a crop is resampled once more from it (2.3-2.9 of 255 from
the original's crop at 90, against 2.5-3.3 at 85), and below 92, whose decode costs a
fifth more."""
GAP = 1.34
"""How much larger than a crop needs a source may be and still serve it (4:3, and a little
for rounding): the resize from it costs up to about 1.6 times what it costs from a source
at the crop's own scale, and the default crops need two sources, not four."""
PREFIX = "source-"


@dataclass(frozen=True)
class CropSource:
    """One kept source: its private name, the hash of its file, its (upright) size."""

    name: str
    sha256: str
    size: tuple[int, int]

    @classmethod
    def from_record(cls, record) -> CropSource | None:
        """The source a ``Media.crop_sources`` entry records; None for a malformed one."""
        try:
            source = cls(str(record["name"]), str(record["sha256"]), (int(record["width"]), int(record["height"])))
        except (KeyError, TypeError, ValueError):
            return None
        return source if source.name == name_for(source.size) else None

    def record(self) -> dict:
        return {"name": self.name, "sha256": self.sha256, "width": self.size[0], "height": self.size[1]}


def name_for(size: tuple[int, int]) -> str:
    return f"{PREFIX}{size[0]}x{size[1]}"


def kept_sources(records) -> list[CropSource]:
    """The sources ``Media.crop_sources`` records (malformed entries left out)."""
    return [source for source in map(CropSource.from_record, records or ()) if source is not None]


def source_edges(needs) -> list[int]:
    """The long edges of the sources that serve crops needing the long edges ``needs``
    (see the module's docstring), largest first."""
    edges: list[int] = []
    for need in sorted(set(needs), reverse=True):
        if not any(need <= edge <= need * GAP for edge in edges):
            edges.append(need)
    return edges


def cheapest(candidates: list[CropSource]) -> CropSource | None:
    """Of ``candidates`` (sources that hold the crop's window at its size), the smallest:
    the least to decode and resize."""
    return min(candidates, key=lambda source: (max(source.size), source.name), default=None)


def make_sources(pixels: Image.Image, icc: bytes | None, orientation: int,
                 sizes: list[tuple[int, int]]) -> dict[CropSource, bytes]:
    """Each source of upright ``sizes`` from the decoded ``pixels`` (as stored, before EXIF
    ``orientation``; ``icc`` their profile), resized in one step, turned upright, sRGB."""
    made = {}
    for size in sizes:
        stored = (size[1], size[0]) if orientation >= 5 else size
        scaled = pixels if pixels.size == stored else pixels.resize(stored, RESAMPLE, reducing_gap=REDUCING_GAP)
        jpeg = encode_jpeg(to_upright(to_srgb(scaled, icc, []), orientation), QUALITY, optimize=False)
        made[CropSource(name_for(size), content_key(jpeg), size)] = jpeg
    return made


def open_source(storage: Store, key: str, source: CropSource, max_pixels: int) -> Image.Image:
    """The kept ``source`` of the original ``key``, opened; ``StorageError`` when its file
    is gone, is not the hash recorded or not the size."""
    with storage.open_private(key, source.name) as handle:
        data = handle.read()
    if content_key(data) != source.sha256:
        raise StorageError(f"crop source {source.name!r} of {key} does not match its recorded hash")
    image = open_image(io.BytesIO(data), max_pixels)
    if image.size != source.size:
        raise StorageError(f"crop source {source.name!r} of {key} is not {source.size[0]}x{source.size[1]}")
    return image
