"""Loanword spelling by the Pedoman Umum Pembentukan Istilah: the KBBI root a rule makes of a
word written the source language's way ("aktiv" → "aktif", "mengakomodir" → "mengakomodasi"),
read by the dictionary rules (``word_checks``) and the compound rules (``compound_checks``)."""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import LOST_SOUND, indonesian_roots
from .typos import affix_splits

LOANWORD_RULES = ((r"i[sz]ation$", "isasi"), (r"i[sz]e$", "isasi"), (r"tion$", "si"), (r"sion$", "si"),
                  (r"ique$", "ik"), (r"ive?$", "if"), (r"tip$", "tif"), (r"ionil$", "ional"), (r"kh(?=n)", "k"),
                  (r"ty$", "tas"), (r"ism$", "isme"), (r"ph", "f"), (r"ch", "k"), (r"th", "t"), (r"qu", "ku"), (r"kw", "ku"), (r"y", "i"),
                  (r"c(?=[aou]|[^aeiouy]|$)", "k"), (r"x", "ks"), (r"ea", "e"), (r"([bcdfgklmnprstz])\1", r"\1"))


@lru_cache(maxsize=4096)
def loanword_fix(word: str) -> str | None:
    """The KBBI root the loanword rules make of ``word``, or None; an affixed loan verb in
    -ir ("mengakomodir", "dikoordinir") gets its KBBI form in -asi with the same affixes, one in
    -isir on an Indonesian root ("meminimalisir") the root with meN-...-kan ("meminimalkan")."""
    roots = indonesian_roots()
    for head, middle, tail, lost in affix_splits(word):
        if middle.endswith("isir") and not lost and head in ("me", "di") and tail in ("", "nya") \
                and middle[:-4] in roots:
            return head + middle[:-4] + "kan" + tail  # "meminimalisir": minimal + meN-...-kan
        if middle.endswith("ir") and not lost and middle[:-2] + "asi" in roots:
            root = middle[:-2] + "asi"
            if head in LOST_SOUND and root[:1] == LOST_SOUND[head]:
                root = root[1:]  # meng- + koordinasi = mengoordinasi
            return head + root + tail
    everything = word
    for pattern, standard in LOANWORD_RULES:
        single = re.sub(pattern, standard, word)
        if single != word and single in roots:
            return single
        everything = re.sub(pattern, standard, everything)
    return everything if everything != word and everything in roots else None
