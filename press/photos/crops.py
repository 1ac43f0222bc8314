"""Named crops for the channels (square, portrait, story, link preview …) around a focal point.

Each crop is the largest window of its aspect ratio the upright photo holds, centred on
the focal point as far as the edges allow (so the window always contains it), rounded
to whole pixels of the original, then resized to the exact size asked. A photo whose
window is smaller than the size is refused for that crop (``crop_too_small``): a crop is
never enlarged.

A JPEG is decoded with ``draft`` at the largest DCT reduction that still covers the
window at the crop's size (``renditions.decode``), so a 1080-pixel crop of a 24 MP
photo decodes a quarter or a sixteenth of its pixels. The result is a rendition like the
others: upright, sRGB, the public metadata and no GPS (``public_meta``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from PIL import Image

from press.problems import problem

from .public_meta import PublicMeta, public_segments, with_segments
from .renditions import (JPEG_QUALITY, REDUCING_GAP, RESAMPLE, decode, display_size, encode_jpeg, orientation_of,
                         prepare, to_srgb, to_upright)

PREFIX = "crop-"
"""Crops are stored as renditions named ``crop-<name>`` beside ``thumb`` and ``web``."""
CENTRE = (0.5, 0.5)


def variant_of(name: str) -> str:
    return PREFIX + name


def is_crop(variant: str) -> bool:
    return variant.startswith(PREFIX)


class CropTooSmall(Exception):
    """The photo's window of the crop's aspect ratio is smaller than the crop's size."""

    def __init__(self, name: str, size: tuple[int, int], window: tuple[int, int]):
        super().__init__(f"{name}: needs {size[0]}x{size[1]}, the photo holds {window[0]}x{window[1]}")
        self.problem = problem("crop_too_small", crop=name, width=size[0], height=size[1],
                               have_width=window[0], have_height=window[1])


@dataclass(frozen=True)
class Window:
    left: int
    top: int
    width: int
    height: int

    @property
    def box(self) -> tuple[int, int, int, int]:
        return self.left, self.top, self.left + self.width, self.top + self.height


def clamp_focal(x, y) -> tuple[float, float]:
    """A focal point as fractions 0 … 1 of the upright width and height (None: the centre)."""
    fx = CENTRE[0] if x is None else min(1.0, max(0.0, float(x)))
    fy = CENTRE[1] if y is None else min(1.0, max(0.0, float(y)))
    return fx, fy


def crop_window(name: str, upright: tuple[int, int], size: tuple[int, int],
                focal: tuple[float, float] = CENTRE) -> Window:
    """The source window (whole pixels of the upright original) of the crop ``size``
    around ``focal``; raises ``CropTooSmall`` when it would have to be enlarged."""
    width, height = upright
    target_w, target_h = size
    if width * target_h >= height * target_w:
        win_h, win_w = height, min(width, round(height * target_w / target_h))
    else:
        win_w, win_h = width, min(height, round(width * target_h / target_w))
    if win_w < target_w or win_h < target_h:
        raise CropTooSmall(name, size, (win_w, win_h))
    fx, fy = clamp_focal(*focal)
    left = min(max(0, round(fx * width - win_w / 2)), width - win_w)
    top = min(max(0, round(fy * height - win_h / 2)), height - win_h)
    return Window(left, top, win_w, win_h)


def refusals(upright: tuple[int, int], sizes: dict[str, tuple[int, int]]) -> dict[str, dict]:
    """The crops a photo of this upright size cannot give, with the problem of each."""
    refused = {}
    for name, size in sizes.items():
        try:
            crop_window(name, upright, size)
        except CropTooSmall as exc:
            refused[name] = exc.problem
    return refused


def render_crops(image: Image.Image, sizes: dict[str, tuple[int, int]], focal=CENTRE,
                 meta: PublicMeta = PublicMeta(), quality: int = JPEG_QUALITY) -> tuple[dict[str, bytes], dict[str, dict]]:
    """Each crop of ``sizes`` that the opened ``image`` can give, as a JPEG with ``meta``,
    and the problems of those it cannot.

    Decodes once, at the reduction every crop allows. Each window is cut and resized from
    the pixels as stored and only the result is turned upright, so a rotated photo costs no
    more than a level one; the metadata segments are built once for all the crops."""
    orientation = orientation_of(image)
    upright = display_size(image, orientation)
    windows, refused = {}, {}
    for name, size in sizes.items():
        try:
            windows[name] = crop_window(name, upright, size, focal)
        except CropTooSmall as exc:
            refused[name] = exc.problem
    if not windows:
        return {}, refused
    scale = max(sizes[name][0] / window.width for name, window in windows.items())
    decoded = decode(image, math.ceil(max(upright) * scale))
    icc = decoded.info.get("icc_profile")
    pixels = prepare(decoded)
    segments = public_segments(meta)
    swapped = orientation >= 5
    stored = (upright[1], upright[0]) if swapped else upright
    factors = (pixels.size[0] / stored[0], pixels.size[1] / stored[1])
    jpegs = {}
    for name, window in windows.items():
        left, top, right, bottom = stored_box(window.box, upright, orientation)
        box = (left * factors[0], top * factors[1], right * factors[0], bottom * factors[1])
        width, height = sizes[name]
        cropped = pixels.resize((height, width) if swapped else (width, height), RESAMPLE, box=box,
                                reducing_gap=REDUCING_GAP)
        upright_crop = to_upright(to_srgb(cropped, icc, []), orientation)
        jpegs[name] = with_segments(encode_jpeg(upright_crop, quality, optimize=False), segments)
    return jpegs, refused


def stored_box(box: tuple[int, int, int, int], upright: tuple[int, int], orientation: int) -> tuple[int, int, int, int]:
    """``box`` (left, top, right, bottom in the upright photo) in the pixels as stored,
    before EXIF ``orientation`` turns them upright."""
    left, top, right, bottom = box
    width, height = upright
    return {
        2: (width - right, top, width - left, bottom),
        3: (width - right, height - bottom, width - left, height - top),
        4: (left, height - bottom, right, height - top),
        5: (top, left, bottom, right),
        6: (top, width - right, bottom, width - left),
        7: (height - bottom, width - right, height - top, width - left),
        8: (height - bottom, left, height - top, right),
    }.get(orientation, box)
