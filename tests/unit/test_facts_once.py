"""Each fact of the domain is written in one place and read from there.

A fact written twice drifts: one copy gets changed, the other keeps the old value. The
table below names each fact, how it looks when written out, and the one file that may
write it; every other module reads it from there.
"""
from __future__ import annotations

import re

import pytest

from tests.conftest import REPO_ROOT

SOURCES = [path for pattern in ("press/**/*.py", "press/**/*.json", "templates/**/*.html", "templates/**/*.jinja")
           for path in REPO_ROOT.glob(pattern) if "migrations" not in path.parts]

FACTS = {
    "the decompression-bomb pixel limit": (r"120_?000_?000", "press/config.py"),
    "how many dHash bits apart two photos are the same shot": (r"NEAR_DUPLICATE_BITS\s*=", "press/photos/quality.py"),
    "how a blob is keyed (SHA-256)": (r"hashlib\.sha256", "press/storage/files.py"),
    "why a photo is refused (its sentences)": (r"bukan foto yang didukung", "press/problems.py"),
    "the weekday names": (r'"Senin"', "press/notes/data/calendar.json"),
    "the month names": (r'"Pebruari"', "press/notes/data/calendar.json"),
    "the region words (Kota, Kabupaten)": (r'Kota\|Kabupaten|Kabupaten\|Kota|"Kota", "Kabupaten"|"Kabupaten": "kabupaten"',
                                           "press/notes/data/regions.json"),
    "the honorifics and forms of address before a name": (r'"[Bb]apak"|Bapak\|', "press/notes/data/honorifics.json"),
    "the degrees after a name": (r'"S\.Sos"', "press/notes/data/degrees.json"),
    "where the admin's extra glossary lives": (r'"glossary_entry"', "press/models/glossary_entry.py"),
    "the closing tag of a release": (r'"\(Adv Humas\)"', "press/config.py"),
}


def places(pattern: str) -> set[str]:
    regex = re.compile(pattern)
    return {str(path.relative_to(REPO_ROOT)) for path in SOURCES if regex.search(path.read_text(encoding="utf-8"))}


@pytest.mark.parametrize("fact", sorted(FACTS))
def test_each_fact_is_written_in_one_place(fact):
    pattern, home = FACTS[fact]
    assert places(pattern) == {home}
