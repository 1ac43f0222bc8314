"""The ``print`` rendition: a photo large enough for a newspaper page, never made on ingest
(uploads do not slow down). The ``media.crops`` job makes it from the decode of the
original it cuts the crops from (``crops.cut_crops``), so that every later crop is cut
from it; a journalist's request for a photo that has none makes it from the original
(``make_print``).

The long edge is at most ``PRINT_LONG_EDGE`` pixels and never more than the original's
(a small photo is not enlarged); upright sRGB JPEG at a high quality, carrying the
caption, by-line, credit and copyright like every rendition and nothing of the
original's EXIF (no GPS).
"""
from __future__ import annotations

from PIL import Image

from press.storage import Store

from .opening import open_image
from .public_meta import PublicMeta, embed_public_meta
from .renditions import render

PRINT_VARIANT = "print"
PRINT_LONG_EDGE = 3000
PRINT_QUALITY = 92


def print_jpeg(image: Image.Image, meta: PublicMeta, *, long_edge: int = PRINT_LONG_EDGE, decode_edge: int = 0) -> bytes:
    """The opened original ``image`` as the print rendition's JPEG with ``meta``; decoded at
    least ``decode_edge`` long for what is cut from the same decode afterwards."""
    rendered = render(image, {PRINT_VARIANT: long_edge}, quality=PRINT_QUALITY, decode_edge=decode_edge)
    return embed_public_meta(rendered.jpegs[PRINT_VARIANT], meta)


def make_print(storage: Store, key: str, meta: PublicMeta, *, max_pixels: int,
               long_edge: int = PRINT_LONG_EDGE) -> str:
    """Render the stored original ``key`` as its print rendition; return its relative path."""
    with storage.open(key) as handle:
        data = handle.read()
    return storage.put_rendition(key, PRINT_VARIANT, print_jpeg(open_image(data, max_pixels), meta, long_edge=long_edge))
