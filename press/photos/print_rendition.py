"""The ``print`` rendition: a photo large enough for a newspaper page, made only when a
journalist asks for it (never on ingest, so uploads do not slow down).

The long edge is at most ``PRINT_LONG_EDGE`` pixels and never more than the original's
(a small photo is not enlarged); upright sRGB JPEG at a high quality, carrying the
caption, by-line, credit and copyright like every rendition and nothing of the
original's EXIF (no GPS).
"""
from __future__ import annotations

from press.storage import Store

from .opening import open_image
from .public_meta import PublicMeta, embed_public_meta
from .renditions import render

PRINT_VARIANT = "print"
PRINT_LONG_EDGE = 3000
PRINT_QUALITY = 92


def make_print(storage: Store, key: str, meta: PublicMeta, *, max_pixels: int,
               long_edge: int = PRINT_LONG_EDGE) -> str:
    """Render the stored original ``key`` as its print rendition; return its relative path."""
    with storage.open(key) as handle:
        data = handle.read()
    rendered = render(open_image(data, max_pixels), {PRINT_VARIANT: long_edge}, quality=PRINT_QUALITY)
    return storage.put_rendition(key, PRINT_VARIANT, embed_public_meta(rendered.jpegs[PRINT_VARIANT], meta))
