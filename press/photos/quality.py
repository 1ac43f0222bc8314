"""Perceptual hash (dHash) and sharpness of a photo, with Pillow only.

dHash: 64 bits comparing neighbouring pixels of a 9x8 greyscale thumbnail; near
duplicates (re-saves, small crops) are a few bits apart. Sharpness: variance of the
Laplacian of a greyscale copy with a fixed long edge, so scores compare across photos
of different sizes; higher is sharper, blurred or shaken photos score low.
"""
from __future__ import annotations

from PIL import Image, ImageFilter, ImageStat

SHARPNESS_EDGE = 512
NEAR_DUPLICATE_BITS = 10
_LAPLACIAN = ImageFilter.Kernel((3, 3), [0, 1, 0, 1, -4, 1, 0, 1, 0], scale=1, offset=128)


def dhash(image: Image.Image) -> str:
    """64-bit difference hash as 16 hex digits."""
    small = image.convert("L").resize((9, 8), Image.Resampling.BOX)
    pixels = small.tobytes()
    bits = 0
    for row in range(8):
        for col in range(8):
            left, right = pixels[row * 9 + col], pixels[row * 9 + col + 1]
            bits = (bits << 1) | (left > right)
    return f"{bits:016x}"


def hamming(a: str | int, b: str | int) -> int:
    """Number of differing bits between two hashes (hex strings or ints)."""
    a = int(a, 16) if isinstance(a, str) else a
    b = int(b, 16) if isinstance(b, str) else b
    return (a ^ b).bit_count()


def near_duplicate(a: str | None, b: str | None) -> bool:
    """The same shot (a re-save, a burst, a small crop): dHashes fewer than
    ``NEAR_DUPLICATE_BITS`` apart. A photo without a hash is nobody's twin."""
    return bool(a and b) and hamming(a, b) < NEAR_DUPLICATE_BITS


def sharpness(image: Image.Image) -> float:
    """Variance of the Laplacian on a greyscale copy whose long edge is 512 px."""
    grey = image.convert("L")
    scale = SHARPNESS_EDGE / max(grey.size)
    if scale < 1:
        size = (max(3, round(grey.width * scale)), max(3, round(grey.height * scale)))
        grey = grey.resize(size, Image.Resampling.BOX)
    edges = grey.filter(_LAPLACIAN)
    return round(ImageStat.Stat(edges).var[0], 3)
