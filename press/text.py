"""Small text helpers shared by services and stages: names as people type them, slugs."""
from __future__ import annotations

import re
import unicodedata


def clean_name(text: str) -> str:
    """One spelling for a name: NFKC, no format characters, single spaces.

    Format characters (Unicode category Cf: zero-width spaces and joiners, bidi
    overrides, soft hyphens) are invisible, so ``"Dis\\u200bkominfo"`` would otherwise
    be a second unit that looks exactly like ``"Diskominfo"``; NFKC folds full-width
    and compatibility forms (``"Ｄｉｓｋｏｍｉｎｆｏ"``) the same way.
    """
    text = unicodedata.normalize("NFKC", text or "")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return " ".join(text.split())


def name_key(text: str) -> str:
    """What two names must share to be the same name: ``clean_name``, case-folded."""
    return clean_name(text).casefold()


def slugify(text: str, max_length: int = 200) -> str:
    """``"Bagian Humas Setda Kota Bekasi"`` -> ``"bagian-humas-setda-kota-bekasi"``."""
    ascii_text = unicodedata.normalize("NFKD", clean_name(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "x"
