"""Sentences of a release and of a page, normalised for comparison: case, whitespace,
punctuation, quotation-mark forms and the release's ``**bold**``/``*italic*`` marks
do not count."""
from __future__ import annotations

import re
import unicodedata

ABBREVIATIONS = frozenset(
    "dr drs dra ir h hj kh st no jl jln kab kec kel prof bpk tn ny sdr yth kol let jend brigjen irjen kompol akbp "
    "ipda iptu aiptu bripka brigpol serka kapt mayjen letjen laksma marsma dkk a.n u.p s.h s.e s.sos s.pd s.t "
    "s.kom s.ip m.si m.m m.pd m.h m.t m.ap m.kes ph.d".split())
BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
WORD_BEFORE = re.compile(r"([\w.]+)\.[\"”’)\]]*$")
NOT_WORD = re.compile(r"[^\w]+")
MARKS = re.compile(r"\*\*|\*")


def split(text: str) -> list[str]:
    """``text`` cut into sentences; no cut after a title or degree abbreviation."""
    text = " ".join((text or "").split())
    if not text:
        return []
    sentences: list[str] = []
    start = 0
    for match in BOUNDARY.finditer(text):
        before = WORD_BEFORE.search(text, start, match.start())
        word = before.group(1).lower() if before else ""
        if word in ABBREVIATIONS or len(word) == 1 or re.fullmatch(r"(?:\w\.)+\w?", word):
            continue
        sentences.append(text[start:match.start()].strip())
        start = match.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", MARKS.sub("", text or "")).casefold()
    return " ".join(NOT_WORD.sub(" ", text).split())
