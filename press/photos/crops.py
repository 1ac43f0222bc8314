"""Named crops for the channels (square, portrait, story, link preview …) around a focal point.

Each crop is the largest window of its aspect ratio the upright photo holds, centred on
the focal point as far as the edges allow (so the window always contains it), rounded
to whole pixels of the original, then resized to the exact size asked. A photo whose
window is smaller than the size is refused for that crop (``crop_too_small``): a crop is
never enlarged.

A crop is cut from the first of these that holds its window at the crop's size
(``crop_sources``): the smallest of the photo's kept crop sources that covers it
(``press.photos.crop_sources``, private files at the scales the crops need), else the
largest stored rendition of the photo (``print``, ``web`` …), else the original. The
window is still rounded in the original's pixels and judged against the original, then
mapped onto the source's. Cutting from the original (one decode for every crop asked)
also makes the photo's crop sources from that decode when they are missing or no longer
fit the configured crops (``cut_crops(keep_for=…)``), so that the next crop, alone or
not, is cut from them.

Whatever the source, a JPEG is decoded with ``draft`` at the largest DCT reduction that
still covers the window at the crop's size (``renditions.decode``), and each crop is
resized in one step from its window. The result is a rendition like the others:
upright, sRGB, the public metadata and no GPS (``public_meta``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from PIL import Image

from press.problems import problem
from press.storage import StorageError, Store

from .crop_sources import CropSource, cheapest, make_sources, open_source, source_edges
from .errors import Rejected
from .opening import open_image
from .public_meta import PublicMeta, public_segments, with_segments
from .renditions import (JPEG_QUALITY, REDUCING_GAP, RESAMPLE, TruncatedImage, decode, display_size, encode_jpeg,
                         orientation_of, prepare, target_size, to_srgb, to_upright)

PREFIX = "crop-"
"""Crops are stored as renditions named ``crop-<name>`` beside ``thumb`` and ``web``."""
CENTRE = (0.5, 0.5)
ORIGINAL = "original"
"""The source of a crop cut from the stored original rather than from a rendition."""


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


def crop_windows(upright: tuple[int, int], sizes: dict[str, tuple[int, int]],
                 focal: tuple[float, float] = CENTRE) -> tuple[dict[str, Window], dict[str, dict]]:
    """The window of each crop of ``sizes`` a photo of this upright size can give, and the
    problem of each it cannot."""
    windows, refused = {}, {}
    for name, size in sizes.items():
        try:
            windows[name] = crop_window(name, upright, size, focal)
        except CropTooSmall as exc:
            refused[name] = exc.problem
    return windows, refused


def refusals(upright: tuple[int, int], sizes: dict[str, tuple[int, int]]) -> dict[str, dict]:
    """The crops a photo of this upright size cannot give, with the problem of each."""
    return crop_windows(upright, sizes)[1]


def covers(rendition: tuple[int, int], window: Window, size: tuple[int, int], upright: tuple[int, int]) -> bool:
    """Whether a rendition of upright size ``rendition`` is the whole photo (``upright``, the
    original's) scaled down and holds ``window`` at least at ``size``: cut from it, the
    crop is not enlarged."""
    return (target_size(upright, max(rendition)) == tuple(rendition)
            and window.width * rendition[0] >= size[0] * upright[0]
            and window.height * rendition[1] >= size[1] * upright[1])


def needed_edge(upright: tuple[int, int], window: Window, size: tuple[int, int]) -> int:
    """The shortest long edge of the whole photo scaled down (``target_size``) that holds
    ``window`` at ``size``."""
    edge = min(max(upright), math.ceil(max(upright) * max(size[0] / window.width, size[1] / window.height)))
    while edge < max(upright) and not covers(target_size(upright, edge), window, size, upright):
        edge += 1
    return edge


def source_sizes(upright: tuple[int, int], sizes: dict[str, tuple[int, int]]) -> list[tuple[int, int]]:
    """The upright sizes of the crop sources that serve every crop of ``sizes`` a photo of
    this upright size can give (``crop_sources.source_edges``), largest first."""
    windows = crop_windows(upright, sizes)[0]
    edges = source_edges(needed_edge(upright, window, sizes[name]) for name, window in windows.items())
    return [target_size(upright, edge) for edge in edges]


def crop_sources(upright: tuple[int, int], windows: dict[str, Window], sizes: dict[str, tuple[int, int]],
                 renditions: dict[str, tuple[int, int]], kept: list[CropSource] = ()) -> dict[str, str]:
    """For each crop of ``windows``, what it is cut from: the name of the smallest ``kept``
    crop source that covers it (``crop_sources.cheapest``), else the variant of the
    largest of the photo's stored ``renditions`` (variant -> upright size) that covers it
    (the least resampled, so the crop comes closest to the one the original gives), or
    ``ORIGINAL``. When one crop needs the original, all are cut from it: its one decode
    covers every window, so another source would only add a decode and a second
    resampling."""
    largest_first = sorted(((size, variant) for variant, size in renditions.items() if not is_crop(variant)),
                           key=lambda item: (-max(item[0]), item[1]))
    sources = {}
    for name, window in windows.items():
        size = sizes[name]
        source = cheapest([s for s in kept if covers(s.size, window, size, upright)])
        sources[name] = source.name if source else next(
            (variant for found, variant in largest_first if covers(found, window, size, upright)), ORIGINAL)
    return dict.fromkeys(sources, ORIGINAL) if ORIGINAL in sources.values() else sources


@dataclass
class CropsMade:
    """The crops' JPEGs, the problems of the crops refused, the source each was cut from (a
    crop source's name, a rendition's variant, or ``ORIGINAL``), and the crop sources
    made from the original's decode (source -> JPEG, to be kept) when they were asked for."""

    jpegs: dict[str, bytes]
    refused: dict[str, dict]
    sources: dict[str, str]
    new_sources: dict[CropSource, bytes] = field(default_factory=dict)


def cut_crops(storage: Store, key: str, upright: tuple[int, int], renditions: dict[str, tuple[int, int]],
              sizes: dict[str, tuple[int, int]], focal=CENTRE, meta: PublicMeta = PublicMeta(), *,
              max_pixels: int, kept: list[CropSource] = (),
              keep_for: dict[str, tuple[int, int]] | None = None) -> CropsMade:
    """The crops ``sizes`` of the stored original ``key`` (``upright``: its upright size),
    each cut from its source (``crop_sources``: the ``kept`` crop sources, the stored
    ``renditions``, the original); one decode per source. A source whose file cannot be
    read, is damaged or not the size recorded gives way to the original.

    ``keep_for``: the configured crops, which the photo's crop sources are to serve; when
    ``kept`` are not the sources they need, every crop is cut from the original and the
    sources are made from the same decode (``CropsMade.new_sources``). Raises what opening
    the original raises (``Rejected``, ``TruncatedImage``, ``StorageError``, ``OSError``)."""
    windows, refused = crop_windows(upright, sizes, focal)
    wanted = source_sizes(upright, keep_for) if keep_for is not None else []
    kept = list(kept)
    remake = keep_for is not None and sorted(s.size for s in kept) != sorted(wanted)
    sources = dict.fromkeys(windows, ORIGINAL) if remake else crop_sources(upright, windows, sizes, renditions, kept)
    by_name = {source.name: source for source in kept}
    jpegs = {}
    try:
        for used in sorted(set(sources.values()) - {ORIGINAL}):
            if used in by_name:
                image = open_source(storage, key, by_name[used], max_pixels)
            else:
                image = _open_rendition(storage, key, used, renditions[used], max_pixels)
            chosen = {name: sizes[name] for name, source in sources.items() if source == used}
            jpegs.update(render_crops(image, chosen, focal, meta, original=upright)[0])
    except (Rejected, TruncatedImage, StorageError, OSError):
        sources, remake = dict.fromkeys(sources, ORIGINAL), keep_for is not None
    made = CropsMade(jpegs, refused, sources)
    if ORIGINAL in sources.values():
        with storage.open(key) as handle:
            image = open_image(handle.read(), max_pixels)
        made.jpegs, _, made.new_sources = _render(image, {name: sizes[name] for name in sources}, focal, meta,
                                                  JPEG_QUALITY, upright, wanted if remake else [])
    return made


def _open_rendition(storage: Store, key: str, variant: str, size: tuple[int, int], max_pixels: int) -> Image.Image:
    with storage.open_rendition(key, variant) as handle:
        image = open_image(handle.read(), max_pixels)
    if display_size(image, orientation_of(image)) != tuple(size):
        raise StorageError(f"rendition {variant!r} of {key} is not {size[0]}x{size[1]}")
    return image


def render_crops(image: Image.Image, sizes: dict[str, tuple[int, int]], focal=CENTRE,
                 meta: PublicMeta = PublicMeta(), quality: int = JPEG_QUALITY, *,
                 original: tuple[int, int] | None = None) -> tuple[dict[str, bytes], dict[str, dict]]:
    """Each crop of ``sizes`` that the opened ``image`` can give, as a JPEG with ``meta``,
    and the problems of those it cannot. ``original``: the upright size of the original
    when ``image`` is a rendition of it (or ``image`` was measured elsewhere); the windows
    are rounded and judged in its pixels, then mapped onto ``image``'s.

    Decodes once, at the reduction every crop allows. Each window is cut and resized from
    the pixels as stored and only the result is turned upright, so a rotated photo costs no
    more than a level one; the metadata segments are built once for all the crops."""
    return _render(image, sizes, focal, meta, quality, original, [])[:2]


def _render(image: Image.Image, sizes: dict[str, tuple[int, int]], focal, meta: PublicMeta, quality: int,
            original: tuple[int, int] | None,
            sources: list[tuple[int, int]]) -> tuple[dict[str, bytes], dict[str, dict], dict[CropSource, bytes]]:
    """``render_crops``, and the crop sources of upright ``sources`` (in the original's
    pixels) from the same decode, made at the reduction they need too."""
    orientation = orientation_of(image)
    upright = display_size(image, orientation)
    frame = tuple(original) if original else upright
    windows, refused = crop_windows(frame, sizes, focal)
    if not windows and not sources:
        return {}, refused, {}
    scale = max([max(sizes[name][0] * frame[0] / (window.width * upright[0]),
                     sizes[name][1] * frame[1] / (window.height * upright[1])) for name, window in windows.items()]
                + [max(size) / max(frame) for size in sources])
    decoded = decode(image, math.ceil(max(upright) * scale))
    icc = decoded.info.get("icc_profile")
    pixels = prepare(decoded)
    segments = public_segments(meta)
    swapped = orientation >= 5
    stored = (frame[1], frame[0]) if swapped else frame
    factors = (pixels.size[0] / stored[0], pixels.size[1] / stored[1])
    jpegs = {}
    for name, window in windows.items():
        left, top, right, bottom = stored_box(window.box, frame, orientation)
        box = (left * factors[0], top * factors[1], right * factors[0], bottom * factors[1])
        width, height = sizes[name]
        cropped = pixels.resize((height, width) if swapped else (width, height), RESAMPLE, box=box,
                                reducing_gap=REDUCING_GAP)
        upright_crop = to_upright(to_srgb(cropped, icc, []), orientation)
        jpegs[name] = with_segments(encode_jpeg(upright_crop, quality, optimize=False), segments)
    return jpegs, refused, make_sources(pixels, icc, orientation, sources)


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
