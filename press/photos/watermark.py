"""A preview marked EMBARGO: the word drawn across a rendition, so a copy that leaves the
journalist's screen before publication shows what it is.

Drawn on the web rendition when a journalist asks for it (a few milliseconds at 800 px),
never stored: the store holds only what may become public.
"""
from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

_INK = (255, 255, 255, 110)
_SHADOW = (0, 0, 0, 110)


def mark(data: bytes, text: str = "EMBARGO", *, quality: int = 85) -> bytes:
    """The JPEG ``data`` with ``text`` written large across its middle and again, smaller,
    along its bottom edge; a JPEG back."""
    with Image.open(io.BytesIO(data)) as opened:
        image = opened.convert("RGB")
    width, height = image.size
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    big = ImageFont.load_default(size=max(12, width // 7))
    box = draw.textbbox((0, 0), text, font=big)
    x, y = (width - (box[2] - box[0])) // 2, (height - (box[3] - box[1])) // 2
    draw.text((x + 2, y + 2), text, font=big, fill=_SHADOW)
    draw.text((x, y), text, font=big, fill=_INK)
    small = ImageFont.load_default(size=max(10, width // 40))
    band = max(14, height // 14)
    draw.rectangle((0, height - band, width, height), fill=(0, 0, 0, 140))
    draw.text((8, height - band + (band - small.size) // 2), f"{text} · {text} · {text}", font=small,
              fill=(255, 255, 255, 230))
    marked = Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB")
    out = io.BytesIO()
    marked.save(out, "JPEG", quality=quality)
    return out.getvalue()
