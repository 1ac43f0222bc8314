"""The advertorial label on a partner's page, from the words in ``data/labels.json``."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "labels.json"


def _alternation(words) -> str:
    forms = sorted({re.escape(w).replace(r"\ ", r"\s*") for w in words}, key=len, reverse=True)
    return "|".join(forms)


@lru_cache(maxsize=1)
def patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    every = _alternation(data["distinct"] + data["standalone"])
    distinct = re.compile(rf"(?<!\w)({_alternation(data['distinct'])})(?!\w)", re.I)
    alone = re.compile(rf"^\W*({every})\W*$", re.I)
    inner = rf"[(\[][^()\[\]]{{0,60}}?(?<!\w)(?:{every})(?!\w)[^()\[\]]{{0,60}}[)\]]"
    bracketed = re.compile(rf"^\s*{inner}|{inner}\W*$|^\s*(?:{every})\s*[:|–—-]\s", re.I)
    return distinct, alone, bracketed


def _canonical(found: str) -> str:
    return " ".join(found.split())


def find_label(pieces: list[str], standalone: list[str] = ()) -> str | None:
    """The label as written, or None. ``pieces`` are texts of the article (title,
    paragraphs, meta section and tags) where a label may stand in brackets at a text's
    start or end ("(Adv Humas)", "[Iklan]"), before a colon at its start ("ADV: …") or
    as a distinct word ("Advertorial"); ``standalone`` are the texts of small elements (a kicker,
    a badge, a category link) that count when they are nothing but a label."""
    distinct, alone, bracketed = patterns()
    for text in pieces:
        if not text:
            continue
        match = bracketed.search(text) or distinct.search(text)
        if match:
            return _canonical(match.group(0).strip(" :|–—-"))
    for text in standalone:
        if text and len(text) <= 60:
            match = alone.match(text)
            if match:
                return _canonical(text.strip())
    return None
