"""Opening image bytes with Pillow: the HEIF opener, the pixel limit, and turning
Pillow's many failure modes into ``Rejected``.

This is the only module that registers pillow_heif, and the only one that sets
``Image.MAX_IMAGE_PIXELS``. Pillow raises ``DecompressionBombError`` above twice the
limit and only *warns* between one and two times it; both are refused here.
"""
from __future__ import annotations

import io
import warnings

import pillow_heif
from PIL import Image, UnidentifiedImageError

from .errors import Rejected

pillow_heif.register_heif_opener()


def open_image(data, max_pixels: int) -> Image.Image:
    """Open (not decode) ``data`` (bytes, or a binary file read from where it stands);
    refuse bombs and unreadable headers."""
    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(data if hasattr(data, "read") else io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise Rejected("decompression_bomb", str(exc)) from exc
    except UnidentifiedImageError as exc:
        raise Rejected("corrupt_image", "no image decoder recognises the data") from exc
    except ValueError as exc:
        if "too large" in str(exc):
            raise Rejected("decompression_bomb", str(exc)) from exc
        raise Rejected("corrupt_image", str(exc)) from exc
    except (OSError, SyntaxError, EOFError, RuntimeError) as exc:
        raise Rejected("corrupt_image", str(exc)) from exc
    check_pixels(image, max_pixels)
    return image


def check_pixels(image: Image.Image, max_pixels: int) -> None:
    """Refuse an image whose header claims more than ``max_pixels`` (any frame 0 size)."""
    width, height = image.size
    if width * height > max_pixels:
        raise Rejected("decompression_bomb", f"{width}x{height} pixels exceeds {max_pixels}")
