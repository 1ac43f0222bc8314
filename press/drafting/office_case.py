"""The name of an office typed partly in lower case (``spelling``; EYD V, huruf kapital: a title
of office followed by the name of its body or unit is capitalised word by word), since round 20:

- a title of several words from ``titles.json`` whose first word has its capital and whose other
  words are in lower case, before a capitalised name ("Staf ahli Bupati", "Kepala dinas Perindag"
  → "Staf Ahli Bupati", "Kepala Dinas Perindag"): the whole title takes its capitals, where the
  common-word rules would have lowered the first word of "para Staf ahli Bupati";
- a unit of ``glossary.json``'s ``unit_words`` in lower case right after a title's abbreviation of
  ``titles.json`` ("Kabag ops", "Kasubbag tata usaha" → "Kabag Ops", "Kasubbag Tata Usaha"): the
  unit's name, not a foreign word to italicise; a region word is no unit ("Sekda kabupaten itu").

Both lists are the notes' data (``press.notes.glossary``), read once.
"""
from __future__ import annotations

import re
from functools import lru_cache

from press.errors import N_
from press.notes.glossary import load_glossary

from .finding import Finding, finding_at

RULE = "EYD V (huruf kapital): nama jabatan diikuti nama lembaga atau unitnya ditulis kapital (Kabag Ops)"
#: Words of ``unit_words`` that join a unit's name and are never a unit of their own, and the region
#: words, which after a title name its region in general ("Sekda kabupaten itu", "Pembakal desa setempat").
NOT_UNITS = frozenset("dan lalu kabupaten kota desa provinsi kecamatan kelurahan daerah pemerintah masyarakat".split())


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, str], re.Pattern, re.Pattern, frozenset[str]]:
    data = load_glossary().data
    titles = data["titles"]
    lowered = {}
    for title in titles:
        words = title.split()
        if len(words) > 1 and words[0][:1].isupper() and all(w[:1].isupper() for w in words[1:]):
            lowered[" ".join([words[0]] + [w.lower() for w in words[1:]])] = title
    forms = sorted(lowered, key=len, reverse=True)
    inner = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f).replace(r"\ ", "[ ]") for f in forms)
                       + r")(?=[ ][A-Z])")
    short = sorted({a for forms_ in titles.values() for a in forms_ if " " not in a and not a.endswith(".")
                    and a[:1].isupper() and a[1:].islower() and len(a) >= 3}, key=len, reverse=True)
    units = frozenset(w.lower() for w in data["unit_words"] if w[:1].isupper()) - NOT_UNITS
    after = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, short)) + r")[ ]([a-z]{3,}(?:[ ][a-z]{3,}){0,2})(?![\w-])")
    return lowered, inner, after, units


def office_case(body: str, protected=()) -> list[Finding]:
    """A finding for each office's name typed partly in lower case outside ``protected``: read before
    the word rules, so that its words are no foreign term or common word of their own."""
    lowered, inner, after, units = _patterns()
    spans = [(m.span(1), lowered[m.group(1)]) for m in inner.finditer(body)]
    for match in after.finditer(body):
        words = match.group(1).split(" ")
        count = next((n for n, word in enumerate(words) if word not in units), len(words))
        if count:
            end = match.start(1) + len(" ".join(words[:count]))
            spans.append(((match.start(1), end), " ".join(w.capitalize() for w in words[:count])))
    return [finding_at(body, "spelling", span, N_("Ejaan tidak baku: “%(written)s”; bentuk bakunya “%(standard)s”."),
                       N_("Ganti dengan “%(standard)s” (%(rule)s)."), {"written": body[span[0]:span[1]], "standard": standard},
                       {"standard": standard, "rule": RULE}, standard)
            for span, standard in spans if not any(s < span[1] and span[0] < e for s, e in protected)]
