"""Hyphens and spaces round 14's held-back releases put where EYD V writes none, or left out where
it writes one (``spelling``):

- se- with a spaced dash before a capitalised name ("se – Kabupaten" → "se-Kabupaten": EYD V joins
  se- to a name with a hyphen);
- per joined to the unit it divides by ("perkilo", "perhari" → "per kilo", "per hari": per is a
  preposition there, written apart; "perorangan", "perhari-an" and the like are other words);
- a reduplication written apart whose second half carries -nya ("barang barangnya" → "barang-barangnya").
"""
from __future__ import annotations

import re

from press.errors import N_

from .finding import Finding, finding_at

SE_DASH = re.compile(r"(?<![\w-])([Ss]e)\s*[–—-]\s+(?=[A-Z])|(?<![\w-])([Ss]e)\s+[–—-]\s*(?=[A-Z])")
UNITS = ("kilo kilogram kg liter meter orang hari minggu bulan tahun jam unit ekor lembar paket bungkus karung "
         "ton hektare kepala").split()
PER_JOINED = re.compile(r"(?<![\w-])([Pp]er)(" + "|".join(UNITS) + r")(?![\w-])")
REDUPLICATED_NYA = re.compile(r"(?<![\w-])((?i:[a-z])[a-z]{2,}) ([a-z]{3,}nya)(?![\w-])")
RULE_SE = "EYD V: se- dirangkai dengan tanda hubung sebelum nama yang berhuruf kapital"
RULE_PER = "EYD V: per (tiap-tiap) ditulis terpisah dari kata sesudahnya"
RULE_REDUPLICATION = "EYD V: bentuk ulang ditulis dengan tanda hubung"


def _spelling(body: str, span, standard: str, rule: str) -> Finding:
    written = body[span[0]:span[1]]
    return finding_at(body, "spelling", span, N_("Ejaan tidak baku: “%(written)s”; bentuk bakunya “%(standard)s”."),
                      N_("Ganti dengan “%(standard)s” (%(rule)s)."), {"written": written, "standard": standard},
                      {"standard": standard, "rule": rule}, standard)


def check_word_shapes(body: str, skip=()) -> list[Finding]:
    """The findings above outside the ``skip`` spans (names, URLs, findings already made)."""
    found = []
    for pattern, make, rule in (
            (SE_DASH, lambda m: (m.group(1) or m.group(2)) + "-", RULE_SE),
            (PER_JOINED, lambda m: f"{m.group(1)} {m.group(2)}", RULE_PER),
            (REDUPLICATED_NYA, lambda m: f"{m.group(1)}-{m.group(2)}", RULE_REDUPLICATION)):
        for match in pattern.finditer(body):
            if pattern is REDUPLICATED_NYA and match.group(1).lower() + "nya" != match.group(2):
                continue
            if not any(s < match.end() and match.start() < e for s, e in skip):
                found.append(_spelling(body, match.span(), make(match), rule))
    return found
