"""Upright sRGB JPEG renditions of a photo, sized by configuration.

Decoding is the expensive part, so a JPEG is decoded with ``draft`` at the smallest
DCT scale that still covers the largest requested size; everything after that works
on the reduced image. Orientation is applied exactly once, from the *opened* image's
EXIF: pillow_heif has already rotated HEIC pixels and reset that tag to 1, and Pillow's
AVIF plugin reports the container's rotation there, so the same rule fits every format.
"""
from __future__ import annotations

import io
import math
from dataclasses import dataclass

from PIL import Image, ImageCms

from press.problems import problem

from .errors import Rejected

JPEG_QUALITY = 85
# Bicubic, not Lanczos: visually very close for these downscales and ~30% cheaper;
# the resize is most of the rendition budget for a 24 MP photo.
RESAMPLE = Image.Resampling.BICUBIC
REDUCING_GAP = 2.0
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_SRGB = ImageCms.createProfile("sRGB")


class TruncatedImage(Exception):
    """The header was readable but the pixel data stops short or is damaged."""


@dataclass
class Rendered:
    """Encoded JPEGs per variant, the upright full size, and the upright largest
    rendition as an RGB image (for quality measures)."""

    jpegs: dict[str, bytes]
    display_size: tuple[int, int]
    decoded_size: tuple[int, int]
    preview: Image.Image
    problems: list[dict]


def orientation_of(image: Image.Image) -> int:
    """The orientation the opened image still needs; 0 or nonsense counts as 1."""
    try:
        value = image.getexif().get(0x0112, 1)
    except Exception:
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def display_size(image: Image.Image, orientation: int) -> tuple[int, int]:
    width, height = image.size
    return (height, width) if orientation >= 5 else (width, height)


def target_size(size: tuple[int, int], long_edge: int) -> tuple[int, int]:
    """``size`` scaled so its long edge is ``long_edge``; never enlarged."""
    width, height = size
    scale = min(1.0, long_edge / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def decode(image: Image.Image, long_edge: int) -> Image.Image:
    """Load the first frame, asking JPEG for a reduced decode that still covers
    ``long_edge``. Raises ``TruncatedImage`` for damaged pixel data, ``Rejected`` for
    a bomb that only shows itself while decoding (e.g. a later GIF frame)."""
    if image.format == "JPEG":
        width, height = image.size
        scale = long_edge / max(width, height)
        image.draft(image.mode, (math.ceil(width * scale), math.ceil(height * scale)))
    try:
        image.seek(0)
        image.load()
    except Image.DecompressionBombError as exc:
        raise Rejected("decompression_bomb", str(exc)) from exc
    except (OSError, SyntaxError, ValueError, EOFError, RuntimeError) as exc:
        raise TruncatedImage(str(exc)) from exc
    return image


def prepare(image: Image.Image) -> Image.Image:
    """A mode that resizes correctly: 8-bit L, RGB or CMYK, with alpha and palettes
    flattened on white and high bit depths scaled to 8 bits."""
    image = _to_eight_bit(image)
    if image.mode in ("P", "PA", "LA", "La", "RGBA", "RGBa") or "transparency" in image.info:
        return _flatten_on_white(image)
    return image if image.mode in ("L", "RGB", "CMYK") else image.convert("RGB")


def to_srgb(image: Image.Image, icc: bytes | None, problems: list[dict]) -> Image.Image:
    """RGB in sRGB, through the embedded profile when there is one that is not sRGB."""
    if icc and not _is_srgb(icc):
        converted = _apply_icc(image, icc, problems)
        if converted is not None:
            return converted
    return image if image.mode == "RGB" else image.convert("RGB")


def _to_eight_bit(image: Image.Image) -> Image.Image:
    """Stretch 16-bit/32-bit greyscale (e.g. thermal TIFF) over its actual range."""
    if image.mode not in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        return image
    source = image.convert("F") if image.mode != "F" else image
    low, high = source.getextrema()
    span = (high - low) or 1
    return source.point(lambda v: (v - low) * 255.0 / span).convert("L")


def _flatten_on_white(image: Image.Image) -> Image.Image:
    rgba = image.convert("RGBA")
    background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(background, rgba).convert("RGB")


def _is_srgb(icc: bytes) -> bool:
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return "srgb" in (ImageCms.getProfileDescription(profile) or "").lower()
    except (ImageCms.PyCMSError, OSError, TypeError):
        return False


def _apply_icc(image: Image.Image, icc: bytes, problems: list[dict]) -> Image.Image | None:
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, TypeError, ValueError) as exc:
        problems.append(problem("colour_profile_unusable", error=str(exc)))
        return None


def render(image: Image.Image, sizes: dict[str, int], quality: int = JPEG_QUALITY) -> Rendered:
    """Decode ``image`` once and produce one JPEG per ``{variant: long_edge}``."""
    orientation = orientation_of(image)
    upright = display_size(image, orientation)
    decoded = decode(image, max(sizes.values()))
    return make_renditions(decoded, orientation, upright, sizes, quality)


def make_renditions(
    decoded: Image.Image,
    orientation: int,
    upright: tuple[int, int],
    sizes: dict[str, int],
    quality: int = JPEG_QUALITY,
) -> Rendered:
    """From a decoded image, each variant's upright sRGB JPEG, largest first so that
    every smaller one is resized from the previous one. The colour transform runs on
    the largest rendition, not the decoded image: same result, a fraction of the work."""
    if not sizes:
        raise ValueError("at least one rendition size is needed")
    problems: list[dict] = []
    icc = decoded.info.get("icc_profile")
    current = prepare(decoded)
    jpegs: dict[str, bytes] = {}
    preview = None
    for variant, long_edge in sorted(sizes.items(), key=lambda item: -item[1]):
        size = target_size(upright, long_edge)
        stored = (size[1], size[0]) if orientation >= 5 else size
        if current.size != stored:
            current = current.resize(stored, RESAMPLE, reducing_gap=REDUCING_GAP)
        if preview is None:
            current = to_srgb(current, icc, problems)
        upright_image = to_upright(current, orientation)
        preview = preview or upright_image
        jpegs[variant] = encode_jpeg(upright_image, quality)
    return Rendered(jpegs, upright, decoded.size, preview, problems)


def to_upright(image: Image.Image, orientation: int) -> Image.Image:
    method = _TRANSPOSE.get(orientation)
    return image.transpose(method) if method is not None else image


def encode_jpeg(image: Image.Image, quality: int, *, optimize: bool = True) -> bytes:
    """Baseline JPEG. ``optimize`` (a second pass for Huffman tables) saves about 1 % of
    the bytes for two to four times the encoding time; the pixels are the same either way."""
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=optimize)
    return out.getvalue()
