"""``Rejected``: the one way a photo stage says "this file cannot be ingested".

Each rejection has a stable ``code`` for the web layer to translate, an English
``message`` and an Indonesian ``message_id`` that are complete sentences.
"""
from __future__ import annotations

MESSAGES = {
    "empty_file": (
        "The file is empty.",
        "Berkas kosong.",
    ),
    "too_large": (
        "The file is larger than the upload limit.",
        "Berkas melebihi batas ukuran unggahan.",
    ),
    "unsupported_type": (
        "This is not a supported photo type (JPEG, PNG, WebP, TIFF, GIF, HEIC/HEIF, AVIF).",
        "Jenis berkas ini bukan foto yang didukung (JPEG, PNG, WebP, TIFF, GIF, HEIC/HEIF, AVIF).",
    ),
    "decompression_bomb": (
        "The image claims more pixels than allowed and was refused as a decompression bomb.",
        "Gambar mengaku memiliki piksel melebihi batas dan ditolak sebagai bom dekompresi.",
    ),
    "corrupt_image": (
        "The image data is damaged and cannot be read.",
        "Data gambar rusak dan tidak dapat dibaca.",
    ),
}

CODES = tuple(MESSAGES)


class Rejected(Exception):
    """A file refused by ingest. ``detail`` says what exactly was found (English)."""

    def __init__(self, code: str, detail: str = ""):
        if code not in MESSAGES:
            raise ValueError(f"unknown rejection code {code!r}")
        super().__init__(code, detail)
        self.code = code
        self.detail = detail

    @property
    def message(self) -> str:
        english = MESSAGES[self.code][0]
        return f"{english} ({self.detail})" if self.detail else english

    @property
    def message_id(self) -> str:
        return MESSAGES[self.code][1]

    def __str__(self) -> str:
        return self.message
