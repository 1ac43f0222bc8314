"""The word lists the dictionary rules read, built once: Indonesian roots (Sastrawi's
dictionary and the Debian ``hunspell-id`` word list), a cheap affix stripper that finds the
root of an affixed word with the affix rules of Indonesian (meN-/peN- with their sound
changes, ber-, ter-, di-, ke-, se-, per-, and -kan, -i, -an, -nya, -lah, -kah, -pun), and the
English word list of the Debian ``wamerican`` package; and how often Indonesian text writes a
word (``wordfreq``'s list, shipped in the package).

A missing Debian list leaves its set empty: the rules that read it then stay silent.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

HUNSPELL_ID = Path("/usr/share/hunspell/id_ID.dic")
ENGLISH = Path("/usr/share/dict/american-english")

SUFFIXES = ("", "nya", "lah", "kah", "pun", "kan", "i", "an", "kannya", "annya", "inya", "kanlah", "ilah")
FIRST_PREFIXES = ("memper", "diper", "pember", "di", "ke", "se", "ber", "be", "bel", "ter", "te", "per", "pe", "pel", "me", "mem", "men",
                  "meng", "menge", "meny", "pem", "pen", "peng", "penge", "peny")
SECOND_PREFIXES = ("ber", "per", "ter", "ke", "se", "pe", "be")
#: meN- and peN- replace the first sound of the root: memukul (pukul), menulis (tulis),
#: mengirim (kirim), menyapu (sapu).
LOST_SOUND = {"mem": "p", "men": "t", "meng": "k", "meny": "s", "pem": "p", "pen": "t", "peng": "k", "peny": "s"}
#: The letters each form of meN-/peN- stands before (mem- before b, f, v; men- before c, d,
#: j, z, sy; meng- before g, h, kh and vowels; me- before l, m, n, r, w, y), besides the
#: vowel of a root whose first sound it replaced.
NASAL_BEFORE = {"me": "lmnrwy", "mem": "bfv", "men": "cdjzs", "meng": "ghkaiueo", "menge": "", "meny": ""}
NASAL_BEFORE.update({"pe" + key[2:]: value for key, value in NASAL_BEFORE.items() if key != "me"})
NASAL_BEFORE["pe"] = "bcdfghjklmnprstvwyz"  # pe- (petani, pelajar) never stands before a vowel


def _words(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return []


@lru_cache(maxsize=1)
def indonesian_roots() -> frozenset[str]:
    from .rule_data import rule_data
    hunspell = {line.split("/")[0].strip().lower() for line in _words(HUNSPELL_ID)[1:]}
    return rule_data().roots | frozenset(w for w in hunspell if w.isalpha())


@lru_cache(maxsize=1)
def confirmed_roots() -> frozenset[str]:
    """The roots both dictionaries list (Sastrawi's and hunspell-id's): what a typo's
    replacement is built on, so that a root only one of them lists (often a regional or an
    archaic word) does not make a slip look like a word."""
    from .rule_data import rule_data
    hunspell = {line.split("/")[0].strip().lower() for line in _words(HUNSPELL_ID)[1:]}
    return rule_data().roots & frozenset(hunspell) if hunspell else rule_data().roots


@lru_cache(maxsize=1)
def passive_roots() -> frozenset[str]:
    """The roots hunspell-id lets take the prefix di- alone (its flags D0 and D1: "bangun" →
    "dibangun", "minta" → "diminta"): verbs, so "di bangun" is the prefix written apart, where
    "di rumah" ("rumah" takes di- only with -kan) is the preposition."""
    found = set()
    for line in _words(HUNSPELL_ID)[1:]:
        word, _, flags = line.strip().partition("/")
        if {flags[i:i + 2] for i in range(0, len(flags), 2)} & {"D0", "D1"}:
            found.add(word.lower())
    return frozenset(found)


@lru_cache(maxsize=8)
def flagged_roots(flags: tuple[str, ...]) -> frozenset[str]:
    """The roots hunspell-id gives any of ``flags`` (two letters each: "Dk" di-...-kan, "Mk"
    meN-...-kan, "Pa" peN-...-an, "Ka" ke-...-an)."""
    found = set()
    for line in _words(HUNSPELL_ID)[1:]:
        word, _, given = line.strip().partition("/")
        if {given[i:i + 2] for i in range(0, len(given), 2)} & set(flags):
            found.add(word.lower())
    return frozenset(found)


def kan_roots() -> frozenset[str]:
    """The roots hunspell-id lets take di-...-kan or meN-...-kan ("tusuk" → "menusukkan"; "lantik"
    has neither, so "dilantikan" is no slip of "dilantikkan")."""
    return flagged_roots(("Dk", "Mk"))


@lru_cache(maxsize=16384)
def frequency(word: str) -> float:
    """How often Indonesian text writes ``word``: ``wordfreq``'s Zipf scale (6 for "orang", 3
    for a word met once in a million, 0 for one never met), 0 for everything without it."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return 0.0
    return zipf_frequency(word, "id")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words (names, capitalised in the list, and possessives left out)."""
    return frozenset(w for w in _words(ENGLISH) if w.isalpha() and w.islower() and w.isascii())


def _unprefixed(base: str, depth: int = 2):
    yield base
    if depth == 0:
        return
    for prefix in FIRST_PREFIXES if depth == 2 else SECOND_PREFIXES:
        if base.startswith(prefix) and len(base) - len(prefix) >= 3:
            rest = base[len(prefix):]
            if prefix == "be" and not (rest[:1] == "r" or rest[1:3] == "er"):
                continue  # be- stands only before r or a first syllable in -er (beranak, bekerja, beternak)
            if prefix not in NASAL_BEFORE or rest[:1] in NASAL_BEFORE[prefix] or prefix.endswith("nge"):
                yield from _unprefixed(rest, depth - 1)
            if prefix in LOST_SOUND and rest[:1] in "aeiou":
                yield LOST_SOUND[prefix] + rest


#: Prefixes that never take these suffixes (ke-...-kan, ber-...-i, se-...-kan, di-...-an, meN-...-an):
#: a form read with them is not a word.
NO_CONFIX = {"ke": ("kan", "i"), "ber": ("i", "kan"), "be": ("i", "kan"), "se": ("i", "kan"), "di": ("an",),
             "ter": ("an",), "me": ("an",)}


def root_of(word: str, roots: frozenset[str] | None = None, shortest: int = 3) -> str | None:
    """The root of ``word`` (lower case) by the affix rules, when the dictionary has one of at
    least ``shortest`` letters."""
    roots = (confirmed_roots() if shortest > 3 else indonesian_roots()) if roots is None else roots
    if word in roots:
        return word
    for suffix in SUFFIXES[1:]:
        base = word[:-len(suffix)]
        if len(base) >= shortest and word.endswith(suffix) and base in roots \
                and not (shortest > 3 and suffix.startswith("i") and base.endswith("i")):
            return base
    for suffix in SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < shortest:
            continue
        base = word[:len(word) - len(suffix)]
        if shortest > 3 and (any(base.startswith(p) and suffix.startswith(NO_CONFIX[p]) for p in NO_CONFIX)
                             or suffix.startswith("i") and base.endswith("i")):
            continue
        for stem in _unprefixed(base):
            if stem != word and len(stem) >= shortest and stem in roots:
                return stem
    return None


@lru_cache(maxsize=16384)
def is_indonesian(word: str, strict: bool = False) -> bool:
    """Whether ``word`` (lower case) is a root, an affixed root or a reduplication of them;
    ``strict``: a root of four letters or more, without a prefix and suffix that never go
    together (what a typo's replacement must be)."""
    if "-" in word:
        return all(part and is_indonesian(part, strict) for part in word.split("-"))
    return root_of(word, shortest=4 if strict else 3) is not None


@lru_cache(maxsize=1)
def known_forms() -> frozenset[str]:
    """Words the rule data writes as standard (its standard forms, Indonesian equivalents,
    nouns after di/ke, terms to italicise, the words of official names): never unknown."""
    from .rule_data import rule_data
    data = rule_data()
    texts = [e.standard for e in data.spelling.values()] + list(data.foreign.values()) \
        + list(data.italicise) + list(data.place_nouns) + list(data.ke_nouns) + list(data.di_ke_words) \
        + list(data.exceptions) + _listed_words()
    return frozenset(w.lower() for text in texts for w in re.findall(r"[^\W\d_]+", text))


def _listed_words() -> list[str]:
    """KBBI words and acronyms the dictionaries lack, and the local names of a region's level
    (regions.json's region_words: "kute", the village of Aceh Tenggara, is no slip of "kue")."""
    from press.notes.glossary import load_glossary

    from .rule_data import DATA_DIR
    listed = json.loads((DATA_DIR / "words.json").read_text(encoding="utf-8"))
    return listed["kbbi_words"] + listed["acronym_words"] + list(load_glossary().data["region_words"])


@lru_cache(maxsize=1)
def english_names() -> frozenset[str]:
    """The words (lower case) the English list writes only with a capital: names of countries, peoples
    and persons ("Malaysia", "Muslim"), which a capital inside an Indonesian sentence may well be."""
    words = _words(ENGLISH)
    lower = {w for w in words if w.islower()}
    return frozenset(w.lower() for w in words if w[:1].isupper() and w.isalpha() and w.lower() not in lower)


@lru_cache(maxsize=1)
def listed_words() -> frozenset[str]:
    """``_listed_words`` as a set (lower case): KBBI entries the dictionaries lack ("mangrove") are
    Indonesian words, never a foreign term to italicise, whatever their capital."""
    return frozenset(w.lower() for w in _listed_words())


@lru_cache(maxsize=1)
def kbbi_common_words() -> frozenset[str]:
    """KBBI entries the dictionaries lack and the acronyms KBBI writes as common words (words.json's
    kbbi_words and kbbi_acronym_words): common nouns in lower case ("mangrove", "posyandu")."""
    from .rule_data import DATA_DIR
    listed = json.loads((DATA_DIR / "words.json").read_text(encoding="utf-8"))
    return frozenset(listed["kbbi_words"] + listed["kbbi_acronym_words"])


@lru_cache(maxsize=1)
def terms_of_address() -> frozenset[str]:
    """Terms of address EYD V capitalises when they name the one spoken to (words.json's
    terms_of_address, lower case): "Saya minta Saudara ingat" keeps its capital."""
    from .rule_data import DATA_DIR
    return frozenset(w.lower() for w in json.loads((DATA_DIR / "words.json").read_text(encoding="utf-8"))["terms_of_address"])


@lru_cache(maxsize=1)
def brand_names() -> frozenset[str]:
    """Names of products and platforms (words.json's brand_names, lower case): "berbasis Android"
    names a product, no English word to italicise."""
    from .rule_data import DATA_DIR
    return frozenset(w.lower() for w in json.loads((DATA_DIR / "words.json").read_text(encoding="utf-8"))["brand_names"])


@lru_cache(maxsize=1)
def common_forms() -> dict[str, float]:
    """``wordfreq``'s Indonesian list as word → Zipf frequency (the list holds every word met
    at least once in a million words: Zipf 3 or more), less the non-standard forms of the
    spelling data ("merubah" is common, and a slip): what a typo of a common word is read
    against. Empty without ``wordfreq``."""
    try:
        from wordfreq import get_frequency_dict
    except ImportError:
        return {}
    from math import log10

    from .rule_data import rule_data
    nonstandard = {key.lower() for key in rule_data().spelling}
    return {word: log10(share) + 9 for word, share in get_frequency_dict("id").items()
            if word.isalpha() and word.isascii() and word not in nonstandard}


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """The words (lower case) of every province, regency and city name and of the official
    names of the exceptions list: never read as a typo, whatever they are one letter from."""
    from press.notes.glossary import load_glossary

    from .rule_data import rule_data
    names = list(load_glossary().region_names) + list(rule_data().exceptions)
    return frozenset(w.lower() for name in names for w in re.findall(r"[^\W\d_]+", name))


#: The glossary's lists whose entries are names of offices and their parts: titles, organisations,
#: units, venues, observances, region and street words ("Kabupaten", "Gubernur", "Kemerdekaan").
OFFICIAL_LISTS = ("organisations", "organisation_heads", "unit_words", "observances", "venue_words", "titles",
                  "generic_titles", "place_titles", "region_words", "not_person_words", "natural_features",
                  "street_words", "not_organisations")


@lru_cache(maxsize=1)
def official_words() -> dict[str, frozenset[str]]:
    """The capitalised words (four letters or more, lower case) of the names of offices, titles,
    units and venues the glossary lists, by their first letter: the common nouns official names
    are built of, which a capital inside a sentence does not make a person's name."""
    from press.notes.glossary import load_glossary
    data = load_glossary().data
    words: dict[str, set[str]] = {}
    for key in OFFICIAL_LISTS:
        value = data.get(key, ())
        entries = list(value) + [v for v in value.values() if isinstance(v, str)] if isinstance(value, dict) else value
        for entry in entries:
            for word in re.findall(r"[^\W\d_]+", entry):
                if len(word) >= 4 and word[:1].isupper() and word.isascii():
                    words.setdefault(word[0].lower(), set()).add(word.lower())
    return {first: frozenset(found) for first, found in words.items()}


@lru_cache(maxsize=1)
def official_pairs() -> dict[str, frozenset[str]]:
    """The glossary's official names read as pairs of words (lower case): each second word with
    the words that stand before it ("desa": kepala, balai …; "pangan": ketahanan …)."""
    from press.notes.glossary import load_glossary
    data = load_glossary().data
    pairs: dict[str, set[str]] = {}
    for key in OFFICIAL_LISTS:
        value = data.get(key, ())
        entries = list(value) + [v for v in value.values() if isinstance(v, str)] if isinstance(value, dict) else value
        for entry in entries:
            words = [w.lower() for w in re.findall(r"[^\W\d_]+", entry)]
            for first, second in zip(words, words[1:]):
                pairs.setdefault(second, set()).add(first)
    return {second: frozenset(firsts) for second, firsts in pairs.items()}


@lru_cache(maxsize=1)
def kbbi_phrases() -> frozenset[str]:
    """Foreign phrases KBBI lists as entries ("ad hoc"): not read as English."""
    from .rule_data import DATA_DIR
    return frozenset(json.loads((DATA_DIR / "words.json").read_text(encoding="utf-8"))["kbbi_phrases"])


@lru_cache(maxsize=1)
def office_words() -> frozenset[str]:
    """The first words (lower case) of the titles of office ``precedence.json`` ranks ("presiden",
    "bupati", "kepala"): a title that names its holder keeps the capital the writer gave it."""
    from .rule_data import DATA_DIR
    data = json.loads((DATA_DIR / "precedence.json").read_text(encoding="utf-8"))
    return frozenset(title.split()[0].lower() for key in ("ranks", "guests") for entry in data[key]
                     for title in entry.get("titles", ()))
