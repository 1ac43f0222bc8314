"""Words EYD V writes apart or with a hyphen, written as one word nobody writes, read by their
shape (what ``word_checks`` asks of a word no list or affix rule reads):

- ``joined_reduplication``: a reduplication without its hyphen, with its affixes ("bersamasama" →
  "bersama-sama", "seharihari" → "sehari-hari", "anakanak" → "anak-anak"; EYD V, kata ulang);
- ``joined_compound``: a compound the spelling data writes apart (its entries of the rule
  "apart": "tanggungjawab" → "tanggung jawab"), joined under a suffix or a prefix alone
  ("tanggungjawabnya" → "tanggung jawabnya", "bekerjasama" stays the data's); under a prefix and a
  suffix together EYD V joins it ("dipertanggungjawabkan"), so that is left.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import confirmed_roots, english_words, frequency, is_indonesian, name_words
from .rule_data import rule_data

RULE_REDUP = "EYD V (kata ulang): bentuk ulang ditulis dengan tanda hubung (bersama-sama, sehari-hari)"
RULE_COMPOUND = "EYD V (gabungan kata): gabungan kata yang mendapat awalan atau akhiran saja ditulis terpisah " \
    "(tanggung jawabnya, bertanggung jawab)"
#: The affixes a reduplicated root keeps outside its halves (bersama-sama, sehari-hari, anak-anaknya).
REDUP_PREFIXES = ("", "ber", "se", "ter", "di", "ke")
REDUP_SUFFIXES = ("", "nya", "an", "lah", "pun")
#: The affixes that leave a compound apart when it takes one of them only.
COMPOUND_PREFIXES = ("", "ber", "be", "se")
COMPOUND_SUFFIXES = ("", "nya", "lah", "pun", "kah", "mu", "ku")
MIN_HALF = 3


@lru_cache(maxsize=8192)
def joined_reduplication(word: str) -> tuple[str, str] | None:
    """(standard, rule) for a word nobody writes that is a root of both dictionaries written twice
    without the hyphen, inside one prefix and one suffix at most; else None."""
    if frequency(word) or word in name_words():
        return None
    roots = confirmed_roots()
    for prefix in REDUP_PREFIXES:
        if not word.startswith(prefix):
            continue
        for suffix in REDUP_SUFFIXES:
            if not word.endswith(suffix):
                continue
            middle = word[len(prefix):len(word) - len(suffix)]
            half = len(middle) // 2
            if len(middle) % 2 == 0 and half >= MIN_HALF and middle[:half] == middle[half:] and middle[:half] in roots:
                return f"{prefix}{middle[:half]}-{middle[half:]}{suffix}", RULE_REDUP
    return None


@lru_cache(maxsize=1)
def _compounds() -> dict[str, str]:
    """The compounds the spelling data writes apart, joined → apart ("tanggungjawab" → "tanggung jawab")."""
    out = {}
    for entry in rule_data().spelling.values():
        standard = entry.standard.lower()
        if entry.rule == "apart" and standard.count(" ") == 1 and all(len(p) >= MIN_HALF for p in standard.split()):
            out[standard.replace(" ", "")] = standard
    return out


@lru_cache(maxsize=8192)
def joined_compound(word: str) -> tuple[str, str] | None:
    """(standard, rule) for a compound of the data joined under one affix ("tanggungjawabnya"); else None."""
    if frequency(word) or word in name_words():
        return None
    compounds = _compounds()
    for prefix in COMPOUND_PREFIXES:
        if not word.startswith(prefix):
            continue
        for suffix in COMPOUND_SUFFIXES:
            if (prefix and suffix) or not word.endswith(suffix) or not (prefix or suffix):
                continue
            middle = word[len(prefix):len(word) - len(suffix)]
            if middle in compounds:
                return f"{prefix}{compounds[middle]}{suffix}", RULE_COMPOUND
    return None


#: ``word_before_joined``: the conjunctions and pronouns releases glue to the word before them
#: ("Kegiatanyang", "Kependudukandan"); the word before has five letters or more and is written at
#: least three times in a million words (Zipf 3.5), and is no English word or name word (the
#: affix rules do not read every Indonesian word: "kependudukan").
JOINED_LAST = ("yang", "dan", "serta", "atau", "dengan", "untuk")
BEFORE_PART, BEFORE_COMMON = 5, 3.5
RULE_LAST = "EYD V (kata hubung): ditulis terpisah dari kata sebelumnya (kegiatan yang, kependudukan dan)"


@lru_cache(maxsize=8192)
def word_before_joined(word: str) -> tuple[str, str] | None:
    """(standard, rule) for a word nobody writes that is a common Indonesian word with "yang",
    "dan" or another conjunction glued after it; else None. Asked of a capitalised word too (a
    name ends in none of them)."""
    if frequency(word) or word in name_words() or not frequency("kabupaten"):
        return None
    for last in JOINED_LAST:
        head = word[:-len(last)]
        if word.endswith(last) and len(head) >= BEFORE_PART and frequency(head) >= BEFORE_COMMON \
                and head not in english_words() and head not in name_words():
            return f"{head} {last}", RULE_LAST
    return None


#: ``two_words``: two words of four letters or more, each written at least a hundred times in a
#: million words (Zipf 5), joined into a word nobody writes, in one way only; in lower case only
#: (names join words: "Sukamaju", "Kotabaru"); not a bound form first ("antarwarga"), not a compound
#: the spelling data writes joined ("karyawisata").
TWO_PART, TWO_COMMON = 4, 5.0
BOUND_FIRST = frozenset("non antar pasca pra sub multi semi swa anti purna kontra".split())
RULE_TWO = "EYD V (gabungan kata): unsur gabungan kata ditulis terpisah (tenaga kerja, salah seorang)"


@lru_cache(maxsize=8192)
def two_words(word: str) -> tuple[str, str] | None:
    """(standard, rule) for a word in lower case nobody writes that splits into two common Indonesian
    words in one way only ("tenagakerja" → "tenaga kerja", "salahseorang" → "salah seorang"); else
    None."""
    if frequency(word) or word in name_words() or not frequency("kabupaten") or len(word) < 2 * TWO_PART + 1 \
            or word in _joined_standards():
        return None
    splits = [(word[:i], word[i:]) for i in range(TWO_PART, len(word) - TWO_PART + 1)
              if word[:i] not in BOUND_FIRST and frequency(word[:i]) >= TWO_COMMON and frequency(word[i:]) >= TWO_COMMON
              and is_indonesian(word[:i], strict=True) and is_indonesian(word[i:], strict=True)]
    return (f"{splits[0][0]} {splits[0][1]}", RULE_TWO) if len(splits) == 1 else None


@lru_cache(maxsize=1)
def _joined_standards() -> frozenset[str]:
    """The compounds the spelling data writes as one word (its entries of the rule "joined")."""
    return frozenset(e.standard.lower() for e in rule_data().spelling.values() if e.rule == "joined")
